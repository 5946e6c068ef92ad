package org.trek.trips.tools;

import static org.trek.mcp.registry.ToolAnnotations.CREATE;
import static org.trek.mcp.registry.ToolAnnotations.DELETE;
import static org.trek.mcp.registry.ToolAnnotations.UPDATE;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trek.platform.JsonFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trek.mcp.registry.InvalidParamsException;
import org.trek.mcp.registry.ToolCall;
import org.trek.mcp.registry.ToolDefinition;
import org.trek.mcp.registry.ToolProvider;
import org.trek.platform.Jsons;
import org.trek.trips.Reservation;
import org.trek.trips.ReservationEndpoint;
import org.trek.trips.ReservationService;

/** Reservations (bookings) and transports; both need reservations:write and the reservation_edit permission. */
@ApplicationScoped
public class ReservationTools implements ToolProvider {

    @Inject
    ToolKit kit;

    @Inject
    ReservationService reservations;

    private List<ToolDefinition> tools;

    @Override
    public List<ToolDefinition> tools() {
        return tools;
    }

    private static final String[] BOOKING_TYPES = {"hotel", "restaurant", "event", "tour", "activity", "other"};
    private static final String[] TRANSPORT_TYPES = {"flight", "train", "car", "cruise"};

    private static Schema transportFields(Schema s, boolean creating) {
        JsonObject endpoint = Schema.nested()
                .enumeration("role", "from, to or stop", true, "from", "to", "stop")
                .integer("sequence", "Order of the stop", 0, null, true)
                .string("name", "Stop name", 1, 200, true).string("code", "IATA or station code", 0, 10, false)
                .number("lat", "Latitude", null, false).number("lng", "Longitude", null, false)
                .string("timezone", "IANA time zone", 0, 64, false).string("local_time", "Local time HH:MM", 0, 10, false)
                .string("local_date", "Local date YYYY-MM-DD", 0, 10, false).build();
        return s.enumeration("type", "Transport type", creating, TRANSPORT_TYPES)
                .string("title", "Title", 1, 200, creating)
                .enumeration("status", "Status (default pending)", false, "pending", "confirmed", "cancelled")
                .id("start_day_id", "Departure day", false).id("end_day_id", "Arrival day (default: the departure day)", false)
                .string("reservation_time", "Departure date-time", 0, 50, false)
                .string("reservation_end_time", "Arrival date-time", 0, 50, false)
                .string("confirmation_number", "Booking reference", 0, 100, false).string("notes", "Notes", 0, 1000, false)
                .raw("metadata", JsonFactory.createObjectBuilder().add("type", "object").add("maxProperties", 20)
                        .add("propertyNames", JsonFactory.createObjectBuilder().add("maxLength", 50))
                        .add("additionalProperties", JsonFactory.createObjectBuilder().add("type", "string").add("maxLength", 100))
                        .build(), false)
                .array("endpoints", "Stops; on update this replaces the whole list", endpoint, 0, 20, false)
                .bool("needs_review", "Flag for review", false);
    }

    @PostConstruct
    void declare() {
        JsonObject resOut = Schema.nested().object("reservation", true).buildOutput();
        String w = Scopes.RESERVATIONS_WRITE;
        JsonObject position = Schema.nested().id("id", "Reservation id", true).integer("day_plan_position", "Position", 0, null, true).build();
        tools = List.of(
                kit.tool("create_reservation", "Create reservation",
                        "Records a booking (status pending). A hotel with place_id, start_day_id and end_day_id also gets its "
                                + "accommodation, in the same transaction.",
                        Schema.input().tripId().string("title", "Title", 1, 200, true).enumeration("type", "Type", true, BOOKING_TYPES)
                                .string("reservation_time", "Date-time (YYYY-MM-DDTHH:MM)", 0, 50, false)
                                .string("location", "Location", 0, 500, false).string("confirmation_number", "Booking reference", 0, 100, false)
                                .string("notes", "Notes", 0, 1000, false).id("day_id", "Day", false).id("place_id", "Place", false)
                                .id("start_day_id", "Hotel: first night", false).id("end_day_id", "Hotel: check-out day", false)
                                .string("check_in", "Hotel check-in HH:MM", 0, 10, false).string("check_out", "Hotel check-out HH:MM", 0, 10, false)
                                .id("assignment_id", "Day assignment it belongs to", false).build(),
                        resOut, CREATE, w, null, this::create),
                kit.tool("update_reservation", "Update reservation", "Changes a booking; omitted fields stay; null unlinks place/assignment.",
                        Schema.input().tripId().id("reservationId", "Reservation id", true).string("title", "Title", 1, 200, false)
                                .enumeration("type", "Type", false, BOOKING_TYPES).string("reservation_time", "Date-time", 0, 50, false)
                                .string("location", "Location", 0, 500, false).string("confirmation_number", "Booking reference", 0, 100, false)
                                .string("notes", "Notes", 0, 1000, false)
                                .enumeration("status", "Status", false, "pending", "confirmed", "cancelled")
                                .nullableId("place_id", "Place, null unlinks").nullableId("assignment_id", "Assignment, null unlinks").build(),
                        resOut, UPDATE, w, null, this::update),
                kit.tool("delete_reservation", "Delete reservation", "Deletes a booking and its linked accommodation. Confirm first.",
                        Schema.input().tripId().id("reservationId", "Reservation id", true).build(), Schema.success(),
                        DELETE, w, null, this::delete),
                kit.tool("reorder_reservations", "Reorder reservations",
                        "Sets the day-plan positions of reservations (per day when dayId is given).",
                        Schema.input().tripId().array("positions", "New positions", position, 1, 200, true).id("dayId", "Day", false).build(),
                        Schema.success(), UPDATE, w, null, this::reorder),
                kit.tool("link_hotel_accommodation", "Link hotel to accommodation",
                        "Creates or updates the accommodation of a hotel reservation.",
                        Schema.input().tripId().id("reservationId", "Hotel reservation id", true).id("place_id", "Hotel place", true)
                                .id("start_day_id", "First night", true).id("end_day_id", "Check-out day", true)
                                .string("check_in", "Check-in HH:MM", 0, 10, false).string("check_out", "Check-out HH:MM", 0, 10, false).build(),
                        Schema.nested().object("reservation", true).integer("accommodation_id", "Accommodation", 1, null, true).buildOutput(),
                        UPDATE, w, null, this::linkHotel),
                kit.tool("create_transport", "Create transport", "Records a flight, train, car or cruise with its stops.",
                        transportFields(Schema.input().tripId(), true).build(), resOut, CREATE, w, null, this::createTransport),
                kit.tool("update_transport", "Update transport", "Changes a transport; endpoints, when given, replace all stops.",
                        transportFields(Schema.input().tripId().id("reservationId", "Transport id", true), false).build(),
                        resOut, UPDATE, w, null, this::updateTransport),
                kit.tool("delete_transport", "Delete transport", "Deletes a transport. Confirm first.",
                        Schema.input().tripId().id("reservationId", "Transport id", true).build(), Schema.success(),
                        DELETE, w, null, this::deleteTransport));
    }

    private static ReservationService.Fields fields(Args a, String dayKey, String endDayKey) {
        Set<String> clear = new HashSet<>();
        for (String k : List.of("place_id", "assignment_id")) {
            if (a.isNull(k)) {
                clear.add(k);
            }
        }
        JsonValue meta = a.raw().get("metadata");
        return new ReservationService.Fields(a.optString("title"), a.optString("type"), a.optString("status"),
                a.optString("reservation_time"), a.optString("reservation_end_time"), a.optString("location"),
                a.optString("confirmation_number"), a.optString("notes"), a.optLong(dayKey), a.optLong(endDayKey),
                a.optLong("place_id"), a.optLong("assignment_id"), a.optBool("needs_review"),
                meta == null || meta.getValueType() != JsonValue.ValueType.OBJECT ? null : meta.toString(), clear);
    }

    private JsonObject out(Reservation r) {
        JsonObjectBuilder b = r.toJsonBuilder();
        if (ReservationService.TRANSPORT_TYPES.contains(r.getType())) {
            b.add("endpoints", Jsons.array(reservations.endpoints(r.getId()), ReservationEndpoint::toJson));
        }
        return JsonFactory.createObjectBuilder().add("reservation", b).build();
    }

    private JsonObject create(ToolCall call) {
        Args a = new Args(call.arguments());
        ReservationService.HotelStay hotel = null;
        if (a.has("place_id") && a.has("start_day_id") && a.has("end_day_id")) {
            hotel = new ReservationService.HotelStay(a.id("place_id"), a.id("start_day_id"), a.id("end_day_id"),
                    a.optString("check_in"), a.optString("check_out"));
        }
        Long dayKey = a.optLong("day_id");
        ReservationService.Fields f = fields(a, dayKey != null ? "day_id" : "start_day_id", "end_day_id");
        return out(reservations.create(call.userId(), a.id("tripId"), f, hotel));
    }

    private JsonObject update(ToolCall call) {
        Args a = new Args(call.arguments());
        return out(reservations.update(call.userId(), a.id("tripId"), a.id("reservationId"), fields(a, "-", "-")));
    }

    private JsonObject delete(ToolCall call) {
        Args a = new Args(call.arguments());
        reservations.delete(call.userId(), a.id("tripId"), a.id("reservationId"));
        return JsonFactory.createObjectBuilder().add("success", true).build();
    }

    private JsonObject reorder(ToolCall call) {
        Args a = new Args(call.arguments());
        Map<Long, Integer> positions = new LinkedHashMap<>();
        JsonValue raw = a.raw().get("positions");
        if (raw == null || raw.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidParamsException("Invalid params: positions must be an array.");
        }
        for (JsonValue v : raw.asJsonArray()) {
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidParamsException("Invalid params: positions items must be objects.");
            }
            Args item = new Args(v.asJsonObject());
            Integer pos = item.optInt("day_plan_position");
            if (pos == null || pos < 0) {
                throw new InvalidParamsException("Invalid params: positions[].day_plan_position must be an integer >= 0.");
            }
            positions.put(item.id("id"), pos);
        }
        reservations.reorder(call.userId(), a.id("tripId"), positions, a.optLong("dayId"));
        return JsonFactory.createObjectBuilder().add("success", true).build();
    }

    private JsonObject linkHotel(ToolCall call) {
        Args a = new Args(call.arguments());
        Reservation r = reservations.linkHotel(call.userId(), a.id("tripId"), a.id("reservationId"),
                new ReservationService.HotelStay(a.id("place_id"), a.id("start_day_id"), a.id("end_day_id"),
                        a.optString("check_in"), a.optString("check_out")));
        return JsonFactory.createObjectBuilder().add("reservation", r.toJson()).add("accommodation_id", r.getAccommodationId()).build();
    }

    private static List<ReservationService.EndpointInput> endpoints(Args a) {
        JsonValue raw = a.raw().get("endpoints");
        if (raw == null || raw.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (raw.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidParamsException("Invalid params: endpoints must be an array.");
        }
        List<ReservationService.EndpointInput> out = new ArrayList<>();
        for (JsonValue v : raw.asJsonArray()) {
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidParamsException("Invalid params: endpoints items must be objects.");
            }
            Args e = new Args(v.asJsonObject());
            Integer seq = e.optInt("sequence");
            out.add(new ReservationService.EndpointInput(e.string("role"), seq == null ? 0 : seq, e.string("name"),
                    e.optString("code"), e.optDouble("lat"), e.optDouble("lng"), e.optString("timezone"),
                    e.optString("local_time"), e.optString("local_date")));
        }
        return out;
    }

    private JsonObject createTransport(ToolCall call) {
        Args a = new Args(call.arguments());
        return out(reservations.createTransport(call.userId(), a.id("tripId"), fields(a, "start_day_id", "end_day_id"), endpoints(a)));
    }

    private JsonObject updateTransport(ToolCall call) {
        Args a = new Args(call.arguments());
        return out(reservations.updateTransport(call.userId(), a.id("tripId"), a.id("reservationId"),
                fields(a, "start_day_id", "end_day_id"), endpoints(a)));
    }

    private JsonObject deleteTransport(ToolCall call) {
        Args a = new Args(call.arguments());
        reservations.deleteTransport(call.userId(), a.id("tripId"), a.id("reservationId"));
        return JsonFactory.createObjectBuilder().add("success", true).build();
    }
}
