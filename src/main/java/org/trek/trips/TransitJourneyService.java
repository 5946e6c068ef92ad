package org.trek.trips;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.trek.platform.Clock;
import org.trek.platform.JsonFactory;
import org.trek.platform.Jsons;
import org.trek.trips.TransitProvider.Itinerary;
import org.trek.trips.TransitProvider.Leg;
import org.trek.trips.TransitProvider.Stop;

/**
 * Public-transit journeys (TREK 3.4): the checks an itinerary must pass (as the original's), and
 * create_transit_journey, which adds one itinerary to a trip day as a transport reservation of type {@code transit}
 * with its stops (from, the transfer stops, to) and its legs in the metadata, in one transaction.
 *
 * <p>Local dates and times come from the IANA time zone of each stop, as the transit service names it (MOTIS
 * {@code tz}, carried as {@code timezone} on every stop of search_transit_routes); the original looked zones up
 * from the coordinates, which needs a time-zone map this server does not ship.
 */
@ApplicationScoped
@Transactional
public class TransitJourneyService {
    public static final String TYPE = "transit";
    static final double MAX_ENDPOINT_DISTANCE_KM = 0.1;
    static final double MAX_LEG_GAP_KM = 1;
    static final long TIME_TOLERANCE_MS = 60_000;
    static final int MAX_GEOMETRY = 60_000;
    static final Set<String> LEG_MODES;

    static {
        Set<String> modes = new java.util.HashSet<>(TransitProvider.SCHEDULED_MODES);
        modes.add("WALK");
        LEG_MODES = Set.copyOf(modes);
    }

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    TripAccess access;

    @Inject
    Clock clock;

    /** Origin or destination as the caller names it. */
    public record Point(String name, double lat, double lng) {
    }

    /** The journey created: the reservation and its stops. */
    public record Journey(Reservation reservation, List<ReservationEndpoint> endpoints, JsonObject metadata) {
    }

    // ---------------------------------------------------------------- checks (shared with search_transit_routes)

    /** START and END, MOTIS's names for the query's own coordinates, become the caller's names. */
    public static Itinerary cleanNames(Itinerary it, String fromName, String toName) {
        List<Leg> legs = new ArrayList<>();
        for (Leg l : it.legs()) {
            legs.add(new Leg(l.mode(), rename(l.from(), fromName, toName), rename(l.to(), fromName, toName), l.duration(),
                    l.distance(), l.headsign(), l.line(), l.lineColor(), l.lineTextColor(), l.agency(), l.intermediateStops(),
                    l.geometry(), l.geometryPrecision()));
        }
        return new Itinerary(it.startTime(), it.endTime(), it.duration(), it.transfers(), it.walkSeconds(), legs);
    }

    private static Stop rename(Stop s, String fromName, String toName) {
        String name = "START".equals(s.name()) ? fromName : "END".equals(s.name()) ? toName : s.name();
        return new Stop(name, s.lat(), s.lng(), s.time(), s.scheduledTime(), s.track(), s.timezone());
    }

    /** The first problem of an itinerary (the original's rules), or null when it is usable. */
    public static String problem(Itinerary it) {
        if (it.legs().isEmpty() || it.legs().size() > 20) {
            return "legs: an itinerary has 1 to 20 legs";
        }
        Long start = millis(it.startTime());
        Long end = millis(it.endTime());
        if (start == null || end == null) {
            return "startTime and endTime must be ISO 8601 date-times with an offset";
        }
        if (end <= start) {
            return "endTime must be after startTime";
        }
        if (it.duration() < 0 || it.walkSeconds() < 0 || it.transfers() < 0) {
            return "duration, walkSeconds and transfers must not be negative";
        }
        long scheduled = it.legs().stream().filter(l -> !l.mode().equals("WALK")).count();
        if (scheduled == 0) {
            return "legs: at least one scheduled transit leg is required";
        }
        if (it.transfers() > Math.max(0, scheduled - 1)) {
            return "transfers exceeds the number of transit legs";
        }
        int geometry = 0;
        for (int i = 0; i < it.legs().size(); i++) {
            Leg leg = it.legs().get(i);
            String at = "legs[" + i + "]";
            String shape = legShape(leg);
            if (shape != null) {
                return at + ": " + shape;
            }
            geometry += leg.geometry() == null ? 0 : leg.geometry().length();
            Long from = millis(leg.from().effectiveTime());
            Long to = millis(leg.to().effectiveTime());
            if (from == null || to == null) {
                return at + ": every leg requires departure and arrival times";
            }
            if (to < from) {
                return at + ": leg arrival must not precede departure";
            }
            if (Math.abs(to - from - Math.round(leg.duration() * 1000)) > TIME_TOLERANCE_MS) {
                return at + ".duration: leg duration does not match its times";
            }
            if (from < start || to > end) {
                return at + ": leg times must stay within the itinerary";
            }
            if (i > 0) {
                Leg previous = it.legs().get(i - 1);
                if (km(previous.to().lat(), previous.to().lng(), leg.from().lat(), leg.from().lng()) > MAX_LEG_GAP_KM) {
                    return at + ".from: adjacent legs are not connected";
                }
                Long previousArrival = millis(previous.to().effectiveTime());
                if (previousArrival != null && from < previousArrival) {
                    return at + ".from.time: adjacent legs are not chronological";
                }
            }
        }
        if (geometry > MAX_GEOMETRY) {
            return "legs: combined transit geometry is too large";
        }
        Long firstDeparture = millis(it.legs().get(0).from().effectiveTime());
        Long lastArrival = millis(it.legs().get(it.legs().size() - 1).to().effectiveTime());
        if (firstDeparture == null || Math.abs(firstDeparture - start) > TIME_TOLERANCE_MS) {
            return "legs[0].from.time: the first leg must start with the itinerary";
        }
        if (lastArrival == null || Math.abs(lastArrival - end) > TIME_TOLERANCE_MS) {
            return "legs[" + (it.legs().size() - 1) + "].to.time: the last leg must end with the itinerary";
        }
        return null;
    }

    /** What the original's schema requires of one leg, beyond the JSON types. */
    private static String legShape(Leg leg) {
        if (!LEG_MODES.contains(leg.mode())) {
            return "mode must be WALK or one of " + String.join(", ", TransitProvider.SCHEDULED_MODES);
        }
        for (Stop s : List.of(leg.from(), leg.to())) {
            if (s.name() == null || s.name().isEmpty() || s.name().length() > 300) {
                return "stop names must be 1 to 300 characters";
            }
            if (s.lat() < -90 || s.lat() > 90 || s.lng() < -180 || s.lng() > 180) {
                return "stop coordinates must be within -90..90 and -180..180";
            }
            if (s.track() != null && s.track().length() > 100) {
                return "track must be at most 100 characters";
            }
            if (s.time() != null && millis(s.time()) == null || s.scheduledTime() != null && millis(s.scheduledTime()) == null) {
                return "stop times must be ISO 8601 date-times with an offset";
            }
        }
        if (leg.duration() < 0 || leg.distance() != null && leg.distance() < 0 || leg.intermediateStops() < 0) {
            return "duration, distance and intermediateStops must not be negative";
        }
        if (tooLong(leg.headsign(), 300) || tooLong(leg.line(), 100) || tooLong(leg.agency(), 300)
                || tooLong(leg.geometry(), MAX_GEOMETRY)) {
            return "headsign, agency (300), line (100) or geometry (60000) is too long";
        }
        if (!color(leg.lineColor()) || !color(leg.lineTextColor())) {
            return "lineColor and lineTextColor must be #RGB or #RRGGBB";
        }
        if (leg.geometryPrecision() < 0 || leg.geometryPrecision() > 10) {
            return "geometryPrecision must be 0 to 10";
        }
        return null;
    }

    private static boolean tooLong(String s, int max) {
        return s != null && s.length() > max;
    }

    private static boolean color(String s) {
        return s == null || s.matches("#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?");
    }

    /** Whether the itinerary starts at {@code from} and ends at {@code to} (within 100 m). */
    public static boolean matches(Itinerary it, Point from, Point to) {
        Stop first = it.legs().get(0).from();
        Stop last = it.legs().get(it.legs().size() - 1).to();
        return km(from.lat(), from.lng(), first.lat(), first.lng()) <= MAX_ENDPOINT_DISTANCE_KM
                && km(to.lat(), to.lng(), last.lat(), last.lng()) <= MAX_ENDPOINT_DISTANCE_KM;
    }

    static Long millis(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Great-circle distance in km. */
    static double km(double lat1, double lng1, double lat2, double lng2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLng = Math.toRadians(lng2 - lng1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2))
                * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return 6371 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    // ---------------------------------------------------------------- JSON (the original's shape, plus timezone)

    public static JsonObjectBuilder toJson(Itinerary it) {
        return JsonFactory.createObjectBuilder().add("startTime", it.startTime()).add("endTime", it.endTime())
                .add("duration", whole(it.duration())).add("transfers", it.transfers()).add("walkSeconds", whole(it.walkSeconds()))
                .add("legs", Jsons.array(it.legs(), TransitJourneyService::toJson));
    }

    private static JsonObjectBuilder toJson(Leg l) {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("mode", l.mode()).add("from", toJson(l.from()))
                .add("to", toJson(l.to())).add("duration", whole(l.duration()));
        if (l.distance() == null) {
            b.addNull("distance");
        } else {
            b.add("distance", whole(l.distance()));
        }
        Jsons.put(b, "headsign", l.headsign());
        Jsons.put(b, "line", l.line());
        Jsons.put(b, "lineColor", l.lineColor());
        Jsons.put(b, "lineTextColor", l.lineTextColor());
        Jsons.put(b, "agency", l.agency());
        b.add("intermediateStops", l.intermediateStops());
        Jsons.put(b, "geometry", l.geometry());
        return b.add("geometryPrecision", l.geometryPrecision());
    }

    /** A number as an integer when it is one (seconds, metres), as the original's JSON has them. */
    static jakarta.json.JsonNumber whole(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? JsonFactory.createValue((long) d) : JsonFactory.createValue(d);
    }

    private static JsonObjectBuilder toJson(Stop s) {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("name", s.name()).add("lat", s.lat()).add("lng", s.lng());
        Jsons.put(b, "time", s.time());
        Jsons.put(b, "scheduledTime", s.scheduledTime());
        Jsons.put(b, "track", s.track());
        return Jsons.put(b, "timezone", s.timezone());
    }

    /** Reads an itinerary as search_transit_routes gave it (the input schema has checked the JSON types). */
    public static Itinerary fromJson(JsonObject o) {
        List<Leg> legs = new ArrayList<>();
        if (o.get("legs") instanceof JsonArray array) {
            for (JsonValue v : array) {
                if (!(v instanceof JsonObject l)) {
                    throw new TripException("itinerary.legs: every leg must be an object.");
                }
                legs.add(new Leg(str(l, "mode"), stopFromJson(l.get("from")), stopFromJson(l.get("to")), num(l, "duration", 0),
                        l.get("distance") instanceof JsonNumber d ? d.doubleValue() : null, str(l, "headsign"), str(l, "line"),
                        str(l, "lineColor"), str(l, "lineTextColor"), str(l, "agency"), (int) num(l, "intermediateStops", 0),
                        str(l, "geometry"), (int) num(l, "geometryPrecision", 6)));
            }
        }
        return new Itinerary(str(o, "startTime"), str(o, "endTime"), num(o, "duration", 0), (int) num(o, "transfers", 0),
                num(o, "walkSeconds", 0), legs);
    }

    private static Stop stopFromJson(JsonValue v) {
        if (!(v instanceof JsonObject s)) {
            throw new TripException("itinerary.legs: every leg needs from and to stops.");
        }
        return new Stop(str(s, "name"), num(s, "lat", Double.NaN), num(s, "lng", Double.NaN), str(s, "time"),
                str(s, "scheduledTime"), str(s, "track"), str(s, "timezone"));
    }

    private static String str(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s ? s.getString() : null;
    }

    private static double num(JsonObject o, String key, double fallback) {
        return o.get(key) instanceof JsonNumber n ? n.doubleValue() : fallback;
    }

    // ---------------------------------------------------------------- create_transit_journey

    /**
     * Adds the itinerary to the trip: a confirmed reservation of type transit from {@code dayId} to the day of the
     * arrival date, its stops (from, each transfer stop, to, with local dates and times) and its legs in the
     * metadata. Everything is checked first; then one transaction writes it all.
     */
    public Journey create(long userId, long tripId, long dayId, Point from, Point to, Itinerary given, String notes) {
        access.forChange(userId, tripId, Permission.RESERVATION_EDIT);
        TripDay day = access.owned(TripDay.class, dayId, tripId, "Day");
        String problem = problem(given);
        if (problem != null) {
            throw new TripException("The itinerary is not usable: " + problem + ".");
        }
        Itinerary it = cleanNames(given, from.name(), to.name());
        if (!matches(it, from, to)) {
            throw new TripException("The itinerary does not match the requested origin and destination.");
        }
        if (notes != null && notes.length() > 1000) {
            throw new TripException("notes must be at most 1000 characters.");
        }
        List<Leg> scheduled = it.legs().stream().filter(l -> !l.mode().equals("WALK")).toList();
        Stop first = it.legs().get(0).from();
        Stop last = it.legs().get(it.legs().size() - 1).to();
        ZonedDateTime departure = local(it.startTime(), zone(first));
        ZonedDateTime arrival = local(it.endTime(), zone(last));
        if (day.getDate() == null) {
            throw new TripException("Automated transit requires a dated trip day.");
        }
        String departureDate = departure.toLocalDate().toString();
        String arrivalDate = arrival.toLocalDate().toString();
        if (!departureDate.equals(day.getDate())) {
            throw new TripException("The journey departs on " + departureDate + ", but dayId is " + day.getDate() + ".");
        }
        TripDay endDay = em.createQuery("SELECT d FROM TripDay d WHERE d.tripId = :t AND d.date = :d ORDER BY d.dayNumber",
                TripDay.class).setParameter("t", tripId).setParameter("d", arrivalDate).setMaxResults(1).getResultStream()
                .findFirst().orElseThrow(() -> new TripException("No trip day exists for the arrival date " + arrivalDate + "."));

        List<ReservationService.EndpointInput> stops = new ArrayList<>();
        stops.add(new ReservationService.EndpointInput("from", 0, cut(from.name(), 200), null, from.lat(), from.lng(),
                zone(first).getId(), hhmm(departure), departureDate));
        for (int i = 0; i < scheduled.size() - 1; i++) {
            Stop s = scheduled.get(i).to();
            ZonedDateTime at = s.effectiveTime() == null ? null : local(s.effectiveTime(), zone(s));
            stops.add(new ReservationService.EndpointInput("stop", i + 1, cut(s.name(), 200), null, s.lat(), s.lng(),
                    zone(s).getId(), at == null ? null : hhmm(at), at == null ? null : at.toLocalDate().toString()));
        }
        stops.add(new ReservationService.EndpointInput("to", stops.size(), cut(to.name(), 200), null, to.lat(), to.lng(),
                zone(last).getId(), hhmm(arrival), arrivalDate));
        JsonObject metadata = metadata(it);

        Reservation r = new Reservation();
        r.setTripId(tripId);
        r.setTitle(cut(from.name() + " → " + to.name(), 200));
        r.setType(TYPE);
        r.setStatus("confirmed");
        r.setDayId(day.getId());
        r.setEndDayId(endDay.getId());
        r.setTime(departureDate + "T" + hhmm(departure));
        r.setEndTime(arrivalDate + "T" + hhmm(arrival));
        r.setNotes(notes == null || notes.isBlank() ? null : notes);
        r.setMetadata(metadata.toString());
        r.setNeedsReview(false);
        r.setCreatedAt(clock.now());
        em.persist(r);
        em.flush();
        List<ReservationEndpoint> endpoints = new ArrayList<>();
        for (ReservationService.EndpointInput in : stops) {
            ReservationEndpoint e = new ReservationEndpoint();
            e.setReservationId(r.getId());
            e.setRole(in.role());
            e.setSequence(in.sequence());
            e.setName(in.name());
            e.setLat(in.lat());
            e.setLng(in.lng());
            e.setTimezone(in.timezone());
            e.setLocalTime(in.localTime());
            e.setLocalDate(in.localDate());
            e.setCreatedAt(clock.now());
            em.persist(e);
            endpoints.add(e);
        }
        em.flush();
        return new Journey(r, endpoints, metadata);
    }

    /** {transit: {provider, duration, transfers, walk_seconds, legs[...]}}, local times at each stop. */
    private static JsonObject metadata(Itinerary it) {
        long duration = Math.max(0, Math.round((millis(it.endTime()) - millis(it.startTime())) / 1000.0));
        double walk = it.legs().stream().filter(l -> l.mode().equals("WALK")).mapToDouble(Leg::duration).sum();
        return JsonFactory.createObjectBuilder().add("transit", JsonFactory.createObjectBuilder()
                .add("provider", "transitous").add("duration", duration).add("transfers", it.transfers())
                .add("walk_seconds", whole(walk)).add("legs", Jsons.array(it.legs(), l -> {
                    JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("mode", l.mode());
                    Jsons.put(b, "line", l.line());
                    Jsons.put(b, "line_color", l.lineColor());
                    Jsons.put(b, "line_text_color", l.lineTextColor());
                    Jsons.put(b, "headsign", l.headsign());
                    Jsons.put(b, "agency", l.agency());
                    b.add("duration", whole(l.duration())).add("stops", l.intermediateStops())
                            .add("from", legStop(l.from())).add("to", legStop(l.to()));
                    Jsons.put(b, "geometry", l.geometry());
                    return b.add("geometry_precision", l.geometryPrecision());
                }))).build();
    }

    private static JsonObjectBuilder legStop(Stop s) {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("name", s.name());
        Jsons.put(b, "time", s.effectiveTime() == null ? null : hhmm(local(s.effectiveTime(), zone(s))));
        return Jsons.put(b, "track", s.track());
    }

    private static ZoneId zone(Stop s) {
        if (s.timezone() != null) {
            try {
                return ZoneId.of(s.timezone());
            } catch (DateTimeException e) {
                throw new TripException("Unknown timezone " + s.timezone() + " at " + s.name() + ".");
            }
        }
        throw new TripException("Unable to resolve timezone for " + s.lat() + "," + s.lng() + " (" + s.name()
                + "): every stop needs the timezone search_transit_routes gives it.");
    }

    private static ZonedDateTime local(String iso, ZoneId zone) {
        return OffsetDateTime.parse(iso).atZoneSameInstant(zone);
    }

    private static String hhmm(ZonedDateTime t) {
        return String.format("%02d:%02d", t.getHour(), t.getMinute());
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
