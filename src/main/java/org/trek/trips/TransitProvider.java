package org.trek.trips;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trek.platform.AppConfig;
import org.trek.platform.JsonFactory;
import org.trek.platform.cache.LocalCache;
import org.trek.platform.http.LimitedBody;

/**
 * Public-transit routing through a MOTIS-compatible service (Transitous, api.transitous.org, or your own MOTIS
 * instance): stop search ({@code GET /api/v1/geocode}) and journey planning ({@code GET /api/v6/plan}), mapped to
 * the compact shape of the original (TREK 3.4). TRANSIT_API_URL names the service (unset: transit is off);
 * every exchange is bounded by TRANSIT_TIMEOUT_SECONDS and TRANSIT_MAX_BYTES, redirects are not followed, and
 * identical questions are answered from a one-minute cache (the provider's usage policy asks for restraint).
 */
@ApplicationScoped
public class TransitProvider {
    private static final Logger LOG = Logger.getLogger(TransitProvider.class.getName());

    public static final String NOT_CONFIGURED = "Public transit search is not configured on this server (the administrator "
            + "sets TRANSIT_API_URL, e.g. https://api.transitous.org).";
    public static final String UNAVAILABLE = "The public transit service is unavailable right now; try again later.";
    public static final String BUSY = "The public transit service is busy (too many requests); try again later.";

    /** The scheduled modes a caller may ask for (TRANSIT means all of them). */
    public static final List<String> SCHEDULED_MODES = List.of("BUS", "COACH", "TRAM", "SUBWAY", "RAIL", "FERRY", "FUNICULAR",
            "AERIAL_LIFT", "HIGHSPEED_RAIL", "LONG_DISTANCE", "NIGHT_RAIL", "REGIONAL_RAIL", "SUBURBAN");
    static final int MAX_STOPS = 8;
    static final int NUM_ITINERARIES = 8;

    @Inject
    AppConfig config;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final LocalCache<String, Object> cache = new LocalCache<>(200, 60_000);

    /** A stop or station found by name. */
    public record Place(String name, double lat, double lng, String type, String area, String timezone) {
    }

    /** A stop of a leg; times are ISO 8601 with offset (or null), timezone the IANA zone the provider names (or null). */
    public record Stop(String name, double lat, double lng, String time, String scheduledTime, String track, String timezone) {
        public String effectiveTime() {
            return time != null ? time : scheduledTime;
        }
    }

    public record Leg(String mode, Stop from, Stop to, double duration, Double distance, String headsign, String line,
                      String lineColor, String lineTextColor, String agency, int intermediateStops, String geometry,
                      int geometryPrecision) {
    }

    public record Itinerary(String startTime, String endTime, double duration, int transfers, double walkSeconds, List<Leg> legs) {
    }

    /** A route query; coordinates as numbers, the rest optional (null). */
    public record PlanQuery(double fromLat, double fromLng, double toLat, double toLng, String time, boolean arriveBy,
                            List<String> modes, Integer maxTransfers) {
    }

    /** Stops and stations matching the text (at most 8); {@code near} biases the search. */
    @SuppressWarnings("unchecked")
    public List<Place> stops(String query, String language, Double nearLat, Double nearLng) {
        String text = query == null ? "" : query.strip();
        if (text.length() < 2 || text.length() > 200) {
            throw new TripException("query must be 2 to 200 characters.");
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("text", text);
        if (language != null && !language.isBlank()) {
            params.put("language", language.strip());
        }
        if (nearLat != null && nearLng != null) {
            params.put("place", coordinate(nearLat, nearLng));
        }
        String key = "geo:" + params;
        Object cached = cache.get(key);
        if (cached != null) {
            return (List<Place>) cached;
        }
        JsonValue raw = get("/api/v1/geocode", params);
        List<Place> out = new ArrayList<>();
        if (raw instanceof JsonArray rows) {
            for (JsonValue v : rows) {
                if (out.size() >= MAX_STOPS) {
                    break;
                }
                if (v instanceof JsonObject o && o.get("lat") instanceof JsonNumber lat && o.get("lon") instanceof JsonNumber lon
                        && text(o, "name") != null) {
                    out.add(new Place(text(o, "name"), lat.doubleValue(), lon.doubleValue(),
                            text(o, "type") == null ? "PLACE" : text(o, "type"), area(o), zone(o)));
                }
            }
        }
        List<Place> result = List.copyOf(out);
        cache.replace(key, result);
        return result;
    }

    /** Up to 8 itineraries between two coordinates (scheduled transit; walking only to, between and from stops). */
    @SuppressWarnings("unchecked")
    public List<Itinerary> plan(PlanQuery q) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("fromPlace", coordinate(q.fromLat(), q.fromLng()));
        params.put("toPlace", coordinate(q.toLat(), q.toLng()));
        params.put("numItineraries", String.valueOf(NUM_ITINERARIES));
        if (q.time() != null) {
            try {
                params.put("time", OffsetDateTime.parse(q.time()).toInstant().toString());
            } catch (DateTimeParseException e) {
                throw new TripException("time must be an ISO 8601 date-time with a timezone offset, e.g. 2027-04-02T09:00:00+02:00.");
            }
        }
        if (q.arriveBy()) {
            params.put("arriveBy", "true");
        }
        if (q.modes() != null && !q.modes().isEmpty()) {
            for (String m : q.modes()) {
                if (!m.equals("TRANSIT") && !SCHEDULED_MODES.contains(m)) {
                    throw new TripException("unsupported transit mode: " + m);
                }
            }
            params.put("transitModes", String.join(",", q.modes()));
        }
        if (q.maxTransfers() != null) {
            if (q.maxTransfers() < 0 || q.maxTransfers() > 10) {
                throw new TripException("maxTransfers must be 0 to 10.");
            }
            params.put("maxTransfers", String.valueOf(q.maxTransfers()));
        }
        params.put("directModes", "WALK");
        String key = "plan:" + params;
        Object cached = cache.get(key);
        if (cached != null) {
            return (List<Itinerary>) cached;
        }
        JsonValue raw = get("/api/v6/plan", params);
        List<Itinerary> out = new ArrayList<>();
        if (raw instanceof JsonObject root && root.get("itineraries") instanceof JsonArray its) {
            for (JsonValue v : its) {
                Itinerary it = v instanceof JsonObject o ? itinerary(o) : null;
                if (it != null) {
                    out.add(it);
                }
            }
        } else {
            LOG.warning("The transit service answered a plan without itineraries");
            throw new TripException(UNAVAILABLE);
        }
        List<Itinerary> result = List.copyOf(out);
        cache.replace(key, result);
        return result;
    }

    private static Itinerary itinerary(JsonObject it) {
        String start = text(it, "startTime");
        String end = text(it, "endTime");
        if (start == null || end == null || !(it.get("legs") instanceof JsonArray rawLegs)) {
            return null;
        }
        List<Leg> legs = new ArrayList<>();
        for (JsonValue v : rawLegs) {
            if (!(v instanceof JsonObject leg)) {
                return null;
            }
            JsonObject geometry = leg.get("legGeometry") instanceof JsonObject g ? g : JsonValue.EMPTY_JSON_OBJECT;
            Double distance = number(leg, "distance");
            legs.add(new Leg(text(leg, "mode") == null ? "WALK" : text(leg, "mode").toUpperCase(Locale.ROOT),
                    stop(leg.get("from"), "departure"), stop(leg.get("to"), "arrival"),
                    number(leg, "duration") == null ? 0 : number(leg, "duration"),
                    distance == null ? null : (double) Math.round(distance), text(leg, "headsign"),
                    text(leg, "routeShortName") != null ? text(leg, "routeShortName") : text(leg, "displayName"),
                    color(leg.get("routeColor")), color(leg.get("routeTextColor")), text(leg, "agencyName"),
                    leg.get("intermediateStops") instanceof JsonArray a ? a.size() : 0, text(geometry, "points"),
                    number(geometry, "precision") == null ? 6 : number(geometry, "precision").intValue()));
        }
        long seconds;
        try {
            seconds = Math.max(0, Math.round((OffsetDateTime.parse(end).toInstant().toEpochMilli()
                    - OffsetDateTime.parse(start).toInstant().toEpochMilli()) / 1000.0));
        } catch (DateTimeParseException e) {
            return null;
        }
        long scheduled = legs.stream().filter(l -> !l.mode().equals("WALK")).count();
        double walk = legs.stream().filter(l -> l.mode().equals("WALK")).mapToDouble(Leg::duration).sum();
        Double transfers = number(it, "transfers");
        return new Itinerary(start, end, seconds, transfers != null ? transfers.intValue() : (int) Math.max(0, scheduled - 1),
                walk, List.copyOf(legs));
    }

    private static Stop stop(JsonValue value, String kind) {
        JsonObject p = value instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        boolean departure = kind.equals("departure");
        String track = text(p, "track") != null ? text(p, "track") : text(p, "scheduledTrack");
        return new Stop(text(p, "name") == null ? "" : text(p, "name"), number(p, "lat") == null ? 0 : number(p, "lat"),
                number(p, "lon") == null ? 0 : number(p, "lon"), text(p, departure ? "departure" : "arrival"),
                text(p, departure ? "scheduledDeparture" : "scheduledArrival"), track, zone(p));
    }

    /** GTFS colours come bare ("FF0000"), with a hash, or empty: a #-prefixed value or null. */
    static String color(JsonValue v) {
        if (!(v instanceof JsonString s)) {
            return null;
        }
        String hex = s.getString().strip().replaceFirst("^#", "");
        return hex.matches("[0-9a-fA-F]{6}|[0-9a-fA-F]{3}") ? "#" + hex : null;
    }

    private static String area(JsonObject o) {
        if (!(o.get("areas") instanceof JsonArray areas)) {
            return null;
        }
        for (JsonValue a : areas) {
            if (a instanceof JsonObject ao && ao.getBoolean("default", false) && text(ao, "name") != null) {
                return text(ao, "name");
            }
        }
        return !areas.isEmpty() && areas.get(0) instanceof JsonObject first ? text(first, "name") : null;
    }

    /** The IANA zone MOTIS gives a place ("tz"), when it is a zone Java knows. */
    private static String zone(JsonObject o) {
        String tz = text(o, "tz");
        if (tz == null) {
            return null;
        }
        try {
            return java.time.ZoneId.of(tz).getId();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static String text(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s && !s.getString().isEmpty() ? s.getString() : null;
    }

    private static Double number(JsonObject o, String key) {
        return o.get(key) instanceof JsonNumber n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
    }

    private static String coordinate(double lat, double lng) {
        if (lat < -90 || lat > 90 || lng < -180 || lng > 180) {
            throw new TripException("lat must be within -90..90 and lng within -180..180.");
        }
        return lat + "," + lng;
    }

    /** One bounded GET; every failure is a TripException with a message for the user. */
    private JsonValue get(String path, Map<String, String> params) {
        return fetch(http, config.get("TRANSIT_API_URL").orElse(null), path, params,
                Duration.ofSeconds(Math.max(1, config.getInt("TRANSIT_TIMEOUT_SECONDS", 10))),
                Math.max(1024, config.getLong("TRANSIT_MAX_BYTES", 4_194_304)), "TREK trip planner (" + config.appUrl() + ")");
    }

    /** GET {base}{path}?{params}, at most {@code timeout} long and {@code maxBytes} big. */
    static JsonValue fetch(HttpClient http, String base, String path, Map<String, String> params, Duration timeout,
                           long maxBytes, String userAgent) {
        if (base == null || base.isBlank()) {
            throw new TripException(NOT_CONFIGURED);
        }
        base = base.strip();
        StringJoiner query = new StringJoiner("&");
        params.forEach((k, v) -> query.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        URI uri;
        try {
            uri = URI.create(base.replaceAll("/+$", "") + path + "?" + query);
        } catch (IllegalArgumentException e) {
            LOG.warning("TRANSIT_API_URL is not a valid URL");
            throw new TripException(UNAVAILABLE);
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                .header("User-Agent", userAgent).GET().build();
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request,
                info -> new LimitedBody(info.statusCode() == 200 ? maxBytes : 0));
        try {
            HttpResponse<byte[]> r = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (r.statusCode() == 429) {
                throw new TripException(BUSY);
            }
            if (r.statusCode() != 200) {
                LOG.warning(() -> "The transit service answered HTTP " + r.statusCode());
                throw new TripException(UNAVAILABLE);
            }
            try {
                return JsonFactory.createReader(new StringReader(new String(r.body(), StandardCharsets.UTF_8))).readValue();
            } catch (RuntimeException e) {
                LOG.warning("The transit service answered something that is not JSON");
                throw new TripException(UNAVAILABLE);
            }
        } catch (TimeoutException e) {
            pending.cancel(true);
            LOG.warning("The transit service did not answer in time");
            throw new TripException(UNAVAILABLE);
        } catch (ExecutionException e) {
            if (LimitedBody.tooLarge(e.getCause())) {
                LOG.warning("The transit service's answer was larger than TRANSIT_MAX_BYTES");
                throw new TripException("The public transit service's answer was too large (more than " + maxBytes + " bytes).");
            }
            LOG.log(Level.WARNING, "The transit service failed", e.getCause());
            throw new TripException(UNAVAILABLE);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new TripException("The transit search was interrupted.");
        }
    }
}
