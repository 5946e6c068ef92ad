package org.trek.trips.tools;

import static org.trek.trips.tools.TripParams.TRIP_ID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.trek.mcp.registry.ToolAnnotations;
import org.trek.mcp.registry.ToolDefinition;
import org.trek.mcp.registry.ToolProvider;
import org.trek.mcp.toolkit.Call;
import org.trek.mcp.toolkit.Fields;
import org.trek.mcp.toolkit.Param;
import org.trek.mcp.toolkit.Results;
import org.trek.mcp.toolkit.Schema;
import org.trek.mcp.toolkit.ToolKit;
import org.trek.platform.AppConfig;
import org.trek.platform.JsonFactory;
import org.trek.platform.Jsons;
import org.trek.platform.limits.RequestRateLimiter;
import org.trek.trips.ReservationEndpoint;
import org.trek.trips.TransitJourneyService;
import org.trek.trips.TransitProvider;
import org.trek.trips.TripException;

/**
 * Public transit (TREK 3.4): stop search and route search through the transit provider (geo:read; per user at most
 * TRANSIT_STOPS_RATE_LIMIT stop searches and TRANSIT_ROUTES_RATE_LIMIT route searches per 15 minutes), and
 * create_transit_journey, which adds a found itinerary to a trip day (reservations:write, reservation_edit).
 */
@ApplicationScoped
public class TransitTools implements ToolProvider {
    /** The scope of the geo tools (maps, geocoding and transit); no addon. */
    static final String GEO_READ = "geo:read";
    static final String RATE_LIMITED = "Too many transit requests. Please try again later.";
    static final Duration RATE_WINDOW = Duration.ofMinutes(15);

    static final ToolAnnotations READ_OPEN_WORLD = new ToolAnnotations(true, false, true, true);
    static final ToolAnnotations CREATE_OPEN_WORLD = new ToolAnnotations(false, false, false, true);

    @Inject
    ToolKit kit;

    @Inject
    TransitProvider provider;

    @Inject
    TransitJourneyService journeys;

    @Inject
    org.trek.trips.TripViews views;

    @Inject
    RequestRateLimiter limiter;

    @Inject
    AppConfig config;

    private List<ToolDefinition> tools;

    @Override
    public List<ToolDefinition> tools() {
        return tools;
    }

    private static final String[] ROUTE_MODES;

    static {
        List<String> modes = new ArrayList<>(List.of("TRANSIT"));
        modes.addAll(TransitProvider.SCHEDULED_MODES);
        ROUTE_MODES = modes.toArray(String[]::new);
    }

    static final Param<String> QUERY = Param.string("query", "Stop or station name, e.g. 'Zürich HB'", 2, 200).required();
    static final Param<String> LANGUAGE = Param.string("language", "Language of the names (e.g. de, en)", 2, 5);
    static final Param<JsonObject> NEAR = Param.object("near", coordinates("Optional coordinates used to bias nearby results"));
    static final Param<JsonObject> FROM = Param.object("from", place("Origin: a name and its coordinates")).required();
    static final Param<JsonObject> TO = Param.object("to", place("Destination: a name and its coordinates")).required();
    static final Param<String> TIME = Param.string("time",
            "ISO 8601 departure or arrival time with timezone offset, e.g. 2027-04-02T09:00:00+02:00", 0, 50);
    static final Param<Boolean> ARRIVE_BY = Param.bool("arriveBy", "time is the arrival time (default false)").orElse(false);
    static final Param<List<String>> MODES = Param.enumerations("modes", "Transit modes to use (TRANSIT: all)", 14, ROUTE_MODES);
    static final Param<Integer> MAX_TRANSFERS = Param.integer("maxTransfers", "Most transfers", 0, 10);
    static final Param<Long> DAY_ID = Param.id("dayId", "Trip day on which the journey departs").required();
    static final Param<JsonObject> ITINERARY = Param.object("itinerary", itinerary()).required();
    static final Param<String> NOTES = Param.string("notes", "Notes", 0, 1000);

    @PostConstruct
    void declare() {
        tools = List.of(
                kit.tool("search_transit_stops", "Search transit stops",
                        "Search real public-transit stops and stations via Transitous (a MOTIS service). Use the returned "
                                + "coordinates with search_transit_routes.",
                        Fields.of(QUERY, LANGUAGE, NEAR), Schema.nested().objects("results", WireShapes.TRANSIT_STOP, true).buildOutput(),
                        READ_OPEN_WORLD, GEO_READ, null, this::stops),
                kit.tool("search_transit_routes", "Search transit routes",
                        "Search scheduled public-transit routes via Transitous between two coordinates. Returns itineraries "
                                + "that can be passed unchanged to create_transit_journey.",
                        Fields.of(FROM, TO, TIME, ARRIVE_BY, MODES, MAX_TRANSFERS),
                        Schema.nested().objects("itineraries", WireShapes.ITINERARY, true).buildOutput(), READ_OPEN_WORLD, GEO_READ, null, this::routes),
                kit.tool("create_transit_journey", "Add transit journey",
                        "Add one itinerary returned by search_transit_routes to a trip day as a first-class public-transit "
                                + "journey (a confirmed transport of type transit with its stops), in one transaction.",
                        Fields.of(TRIP_ID, DAY_ID, FROM, TO, ITINERARY, NOTES),
                        Schema.nested().object("reservation", WireShapes.RESERVATION, true).buildOutput(), CREATE_OPEN_WORLD, Scopes.RESERVATIONS_WRITE,
                        null, this::create));
    }

    private JsonObject stops(Call c) {
        limit(c, "mcp_transit_geocode", config.getInt("TRANSIT_STOPS_RATE_LIMIT", 300));
        JsonObject near = c.get(NEAR);
        List<TransitProvider.Place> places = provider.stops(c.get(QUERY), c.get(LANGUAGE), near == null ? null : number(near, "lat"),
                near == null ? null : number(near, "lng"));
        return JsonFactory.createObjectBuilder().add("results", Jsons.array(places, p -> {
            JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("name", p.name()).add("lat", p.lat()).add("lng", p.lng())
                    .add("type", p.type());
            Jsons.put(b, "area", p.area());
            return Jsons.put(b, "timezone", p.timezone());
        })).build();
    }

    private JsonObject routes(Call c) {
        limit(c, "mcp_transit_plan", config.getInt("TRANSIT_ROUTES_RATE_LIMIT", 60));
        TransitJourneyService.Point from = point(c.get(FROM), "from");
        TransitJourneyService.Point to = point(c.get(TO), "to");
        List<TransitProvider.Itinerary> found = provider.plan(new TransitProvider.PlanQuery(from.lat(), from.lng(), to.lat(),
                to.lng(), c.get(TIME), c.get(ARRIVE_BY), c.get(MODES), c.get(MAX_TRANSFERS)));
        JsonArrayBuilder out = JsonFactory.createArrayBuilder();
        for (TransitProvider.Itinerary it : found) {
            TransitProvider.Itinerary named = TransitJourneyService.cleanNames(it, from.name(), to.name());
            // only what create_transit_journey would accept: the original drops the rest the same way
            if (TransitJourneyService.problem(named) == null && TransitJourneyService.matches(named, from, to)) {
                out.add(TransitJourneyService.toJson(named));
            }
        }
        return JsonFactory.createObjectBuilder().add("itineraries", out).build();
    }

    private JsonObject create(Call c) {
        TransitJourneyService.Journey j = journeys.create(c.userId(), c.get(TRIP_ID), c.get(DAY_ID), point(c.get(FROM), "from"),
                point(c.get(TO), "to"), TransitJourneyService.fromJson(c.get(ITINERARY)), c.get(NOTES));
        // The booking as every reservation tool gives it, with the journey's legs parsed (metadata as an object).
        return Results.of("reservation", views.reservation(j.reservation()).add("metadata", j.metadata()));
    }

    /** Per user and tool group, a fixed 15-minute window counted in memory (summed across nodes). */
    private void limit(Call c, String bucket, int max) {
        if (!limiter.hit(bucket + ":" + c.userId(), Math.max(1, max), RATE_WINDOW).allowed()) {
            throw new TripException(RATE_LIMITED);
        }
    }

    private static TransitJourneyService.Point point(JsonObject o, String field) {
        Double lat = number(o, "lat");
        Double lng = number(o, "lng");
        String name = o.get("name") instanceof JsonString s ? s.getString().strip() : "";
        if (name.isEmpty() || name.length() > 300 || lat == null || lng == null || lat < -90 || lat > 90 || lng < -180 || lng > 180) {
            throw new TripException(field + " needs a name (1 to 300 characters), lat (-90..90) and lng (-180..180).");
        }
        return new TransitJourneyService.Point(name, lat, lng);
    }

    private static Double number(JsonObject o, String key) {
        return o.get(key) instanceof JsonNumber n ? n.doubleValue() : null;
    }

    // ---------------------------------------------------------------- input schemas (the original's shapes)

    private static JsonObjectBuilder num(double min, double max) {
        return JsonFactory.createObjectBuilder().add("type", "number").add("minimum", min).add("maximum", max);
    }

    private static JsonObjectBuilder str(int min, int max, boolean nullable) {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("type", nullable
                ? JsonFactory.createArrayBuilder().add("string").add("null").build() : JsonFactory.createValue("string"));
        if (min > 0) {
            b.add("minLength", min);
        }
        return max > 0 ? b.add("maxLength", max) : b;
    }

    private static JsonObjectBuilder nullableNumber(double min) {
        return JsonFactory.createObjectBuilder().add("type", JsonFactory.createArrayBuilder().add("number").add("null"))
                .add("minimum", min);
    }

    private static JsonArrayBuilder names(String... names) {
        JsonArrayBuilder a = JsonFactory.createArrayBuilder();
        for (String n : names) {
            a.add(n);
        }
        return a;
    }

    static JsonObject coordinates(String description) {
        return JsonFactory.createObjectBuilder().add("type", "object").add("description", description)
                .add("properties", JsonFactory.createObjectBuilder().add("lat", num(-90, 90)).add("lng", num(-180, 180)))
                .add("required", names("lat", "lng")).build();
    }

    static JsonObject place(String description) {
        return JsonFactory.createObjectBuilder().add("type", "object").add("description", description)
                .add("properties", JsonFactory.createObjectBuilder().add("name", str(1, 300, false)).add("lat", num(-90, 90))
                        .add("lng", num(-180, 180)))
                .add("required", names("name", "lat", "lng")).build();
    }

    static JsonObject itinerary() {
        JsonObject dateTime = str(1, 50, false).add("format", "date-time").build();
        JsonObject stop = JsonFactory.createObjectBuilder().add("type", "object")
                .add("properties", JsonFactory.createObjectBuilder().add("name", str(1, 300, false)).add("lat", num(-90, 90))
                        .add("lng", num(-180, 180)).add("time", str(1, 50, true)).add("scheduledTime", str(1, 50, true))
                        .add("track", str(0, 100, true))
                        .add("timezone", str(1, 64, true).add("description", "IANA time zone of the stop (from search_transit_routes)")))
                .add("required", names("name", "lat", "lng", "time", "scheduledTime", "track")).build();
        JsonArrayBuilder modes = JsonFactory.createArrayBuilder().add("WALK");
        TransitProvider.SCHEDULED_MODES.forEach(modes::add);
        JsonObject color = str(4, 7, true).add("pattern", "^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$").build();
        JsonObjectBuilder leg = JsonFactory.createObjectBuilder().add("type", "object")
                .add("properties", JsonFactory.createObjectBuilder()
                        .add("mode", JsonFactory.createObjectBuilder().add("type", "string").add("enum", modes))
                        .add("from", stop).add("to", stop)
                        .add("duration", JsonFactory.createObjectBuilder().add("type", "number").add("minimum", 0))
                        .add("distance", nullableNumber(0)).add("headsign", str(0, 300, true)).add("line", str(0, 100, true))
                        .add("lineColor", color).add("lineTextColor", color).add("agency", str(0, 300, true))
                        .add("intermediateStops", JsonFactory.createObjectBuilder().add("type", "integer").add("minimum", 0))
                        .add("geometry", str(0, 60_000, true))
                        .add("geometryPrecision", JsonFactory.createObjectBuilder().add("type", "integer").add("minimum", 0)
                                .add("maximum", 10)))
                .add("required", names("mode", "from", "to", "duration", "distance", "headsign", "line", "lineColor",
                        "lineTextColor", "agency", "intermediateStops", "geometry", "geometryPrecision"));
        return JsonFactory.createObjectBuilder().add("type", "object")
                .add("description", "One itinerary of search_transit_routes, unchanged")
                .add("properties", JsonFactory.createObjectBuilder().add("startTime", dateTime).add("endTime", dateTime)
                        .add("duration", JsonFactory.createObjectBuilder().add("type", "number").add("minimum", 0))
                        .add("transfers", JsonFactory.createObjectBuilder().add("type", "integer").add("minimum", 0))
                        .add("walkSeconds", JsonFactory.createObjectBuilder().add("type", "number").add("minimum", 0))
                        .add("legs", JsonFactory.createObjectBuilder().add("type", "array").add("items", leg)
                                .add("minItems", 1).add("maxItems", 20)))
                .add("required", names("startTime", "endTime", "duration", "transfers", "walkSeconds", "legs")).build();
    }
}
