package org.trek.geo.tools;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.trek.geo.Airports;
import org.trek.geo.GeoException;
import org.trek.geo.Geocoding;
import org.trek.geo.MapsUrlResolver;
import org.trek.geo.Weather;
import org.trek.mcp.registry.ToolAnnotations;
import org.trek.mcp.registry.ToolDefinition;
import org.trek.mcp.registry.ToolProvider;
import org.trek.mcp.toolkit.Call;
import org.trek.mcp.toolkit.Fields;
import org.trek.mcp.toolkit.Param;
import org.trek.mcp.toolkit.Results;
import org.trek.mcp.toolkit.ToolKit;
import org.trek.platform.JsonFactory;
import org.trek.platform.Jsons;

/**
 * Maps, weather and airports (the original's tools/mapsWeather.ts and maps.mcp.ts): place details, reverse
 * geocoding and map links (geo:read, asking a Nominatim-compatible geocoder and the map hosts), airports (geo:read,
 * the bundled list), weather (weather:read, an Open-Meteo-compatible service). None of them touches a trip.
 */
@ApplicationScoped
public class GeoTools implements ToolProvider {
    public static final String GEO_READ = "geo:read";
    public static final String WEATHER_READ = "weather:read";

    /** Asks an outside service: read-only, open-world. */
    static final ToolAnnotations READ_OPEN_WORLD = new ToolAnnotations(true, false, true, true);

    @Inject
    ToolKit kit;

    @Inject
    Geocoding geocoding;

    @Inject
    MapsUrlResolver maps;

    @Inject
    Airports airports;

    @Inject
    Weather weather;

    private List<ToolDefinition> tools;

    @Override
    public List<ToolDefinition> tools() {
        return tools;
    }

    static final Param<String> PLACE_ID = Param.string("placeId",
            "The place: an OpenStreetMap id from search_place (node:123, way:45, relation:6); Google place ids need Google, "
                    + "which this server does not use", 1, 300).required();
    static final Param<String> LANG = Param.string("lang", "Language of names and descriptions, e.g. en or de (default en)", 0, 35)
            .orElse("en");
    static final Param<Boolean> EXPAND = Param.bool("expand", "Also fetch reviews and an editorial summary (Google only; "
            + "ignored for OpenStreetMap places)").orElse(false);
    static final Param<Boolean> REFRESH = Param.bool("refresh", "Bypass the cached expanded details (Google only)").orElse(false);
    static final Param<Double> LAT = Param.number("lat", "Latitude (-90 to 90)", null).required();
    static final Param<Double> LNG = Param.number("lng", "Longitude (-180 to 180)", null).required();
    static final Param<String> URL = Param.string("url", "A Google Maps link (maps.app.goo.gl, goo.gl/maps, google.*/maps), "
            + "an Apple Maps or an OpenStreetMap link", 1, 2000).required();
    static final Param<String> QUERY = Param.string("query", "Airport name, city, IATA or ICAO code (e.g. zurich, ZRH, "
            + "charles de gaulle)", 1, 200).required();
    static final Param<Integer> LIMIT = Param.integer("limit", "How many airports at most (default 10)", 1, 50).orElse(10);
    static final Param<String> IATA = Param.string("iata", "IATA airport code, 3 letters (e.g. ZRH, AMS, CDG)", 3, 3).required();
    static final Param<String> DATE = Param.date("date", "The day").required();

    @PostConstruct
    void declare() {
        JsonObject airport = airportSchema();
        tools = List.of(
                kit.tool("get_place_details", "Get place details",
                        "Details of a place by its OpenStreetMap id (from search_place): name, address, coordinates, website, "
                                + "phone, opening hours by weekday and whether it is open now.",
                        Fields.of(PLACE_ID, LANG, EXPAND, REFRESH),
                        output(props().add("details", output(props().add("place", type("object")), "place")), "details"),
                        READ_OPEN_WORLD, GEO_READ, null,
                        // the original's MapsService answers {place}, and its tool wraps that in {details}
                        c -> Results.of("details", Results.of("place",
                                geocoding.details(c.get(PLACE_ID), c.get(LANG), LocalDateTime.now())))),
                kit.tool("reverse_geocode", "Reverse geocode",
                        "The address of a position, and the name of what is there when it has one.",
                        Fields.of(LAT, LNG, LANG),
                        output(props().add("name", nullable("string")).add("address", nullable("string")), "name", "address"),
                        READ_OPEN_WORLD, GEO_READ, null,
                        c -> geocoding.reverse(c.get(LAT), c.get(LNG), c.get(LANG))),
                kit.tool("resolve_maps_url", "Resolve a map link",
                        "Turns a shared map link (Google Maps share or short link, Apple Maps, OpenStreetMap) into coordinates, "
                                + "the place name and its address, e.g. to create a place from a link the user pasted.",
                        Fields.of(URL),
                        output(props().add("lat", type("number")).add("lng", type("number")).add("name", nullable("string"))
                                .add("address", nullable("string")).add("google_ftid", nullable("string")),
                                "lat", "lng", "name", "address"),
                        READ_OPEN_WORLD, GEO_READ, null,
                        c -> maps.resolve(c.get(URL))),
                kit.tool("search_airports", "Search airports",
                        "Finds airports by name, city, IATA or ICAO code in the bundled airport list, with coordinates and time "
                                + "zone. An exact IATA code answers just that airport. Use it before create_transport for flights.",
                        Fields.of(QUERY, LIMIT),
                        output(props().add("airports", JsonFactory.createObjectBuilder().add("type", "array").add("items", airport)),
                                "airports"),
                        ToolAnnotations.READ, GEO_READ, null, this::searchAirports),
                kit.tool("get_airport", "Get airport",
                        "One airport by its IATA code: name, city, country, coordinates and time zone.",
                        Fields.of(IATA),
                        output(props().add("airport", airport), "airport"),
                        ToolAnnotations.READ, GEO_READ, null, this::airport),
                kit.tool("get_weather", "Get weather",
                        "The weather of a day at a position: a forecast up to 16 days ahead, further out the averages of the same "
                                + "days last year (type climate).",
                        Fields.of(LAT, LNG, DATE, LANG),
                        output(props().add("weather", weatherSchema(false)), "weather"),
                        READ_OPEN_WORLD, WEATHER_READ, null,
                        c -> Results.of("weather", weather.daily(c.get(LAT), c.get(LNG), c.get(DATE), c.get(LANG)))),
                kit.tool("get_detailed_weather", "Get hourly weather",
                        "The weather of a day at a position hour by hour, with sunrise, sunset, precipitation and wind.",
                        Fields.of(LAT, LNG, DATE, LANG),
                        output(props().add("weather", weatherSchema(true)), "weather"),
                        READ_OPEN_WORLD, WEATHER_READ, null,
                        c -> Results.of("weather", weather.detailed(c.get(LAT), c.get(LNG), c.get(DATE), c.get(LANG)))));
    }

    private JsonObject searchAirports(Call c) {
        List<Airports.Airport> found = airports.search(c.get(QUERY), c.get(LIMIT));
        return JsonFactory.createObjectBuilder().add("airports", Jsons.array(found, GeoTools::airportJson)).build();
    }

    private JsonObject airport(Call c) {
        String code = c.get(IATA).strip().toUpperCase(Locale.ROOT);
        if (code.length() != 3) {
            throw new GeoException("iata must be 3 letters.");
        }
        Airports.Airport a = airports.byIata(code);
        if (a == null) {
            throw new GeoException("Airport not found.");
        }
        return Results.of("airport", airportJson(a));
    }

    static JsonObjectBuilder airportJson(Airports.Airport a) {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("iata", a.iata());
        Jsons.put(b, "icao", a.icao());
        return b.add("name", a.name()).add("city", a.city()).add("country", a.country()).add("lat", a.lat())
                .add("lng", a.lng()).add("tz", a.tz());
    }

    // ---------------------------------------------------------------- output schemas (the original's shapes)

    private static JsonObjectBuilder props() {
        return JsonFactory.createObjectBuilder();
    }

    private static JsonObjectBuilder type(String type) {
        return JsonFactory.createObjectBuilder().add("type", type);
    }

    private static JsonObjectBuilder nullable(String type) {
        return JsonFactory.createObjectBuilder().add("type", JsonFactory.createArrayBuilder().add(type).add("null"));
    }

    private static JsonObject output(JsonObjectBuilder properties, String... required) {
        JsonArrayBuilder r = JsonFactory.createArrayBuilder();
        for (String name : required) {
            r.add(name);
        }
        return JsonFactory.createObjectBuilder().add("type", "object").add("properties", properties).add("required", r).build();
    }

    static JsonObject airportSchema() {
        return output(props().add("iata", type("string")).add("icao", nullable("string")).add("name", type("string"))
                .add("city", type("string")).add("country", type("string")).add("lat", type("number"))
                .add("lng", type("number")).add("tz", type("string")),
                "iata", "icao", "name", "city", "country", "lat", "lng", "tz");
    }

    /** temp, main, description, type always; the rest when there is a forecast (error: no_forecast otherwise). */
    static JsonObject weatherSchema(boolean detailed) {
        JsonObjectBuilder p = props().add("temp", type("number")).add("temp_max", type("number")).add("temp_min", type("number"))
                .add("main", type("string")).add("description", type("string")).add("type", type("string"))
                .add("error", type("string"));
        if (detailed) {
            JsonObject hour = output(props().add("hour", type("integer")).add("temp", type("number"))
                    .add("precipitation_probability", type("number")).add("precipitation", type("number"))
                    .add("main", type("string")).add("wind", type("number")).add("humidity", type("number")),
                    "hour", "temp", "precipitation_probability", "precipitation", "main", "wind", "humidity");
            p.add("sunrise", nullable("string")).add("sunset", nullable("string")).add("precipitation_sum", type("number"))
                    .add("precipitation_probability_max", type("number")).add("wind_max", type("number"))
                    .add("hourly", JsonFactory.createObjectBuilder().add("type", "array").add("items", hour));
        }
        return output(p, "temp", "main", "description", "type");
    }
}
