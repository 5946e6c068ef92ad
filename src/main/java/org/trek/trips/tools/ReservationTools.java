package org.trek.trips.tools;

import org.trek.trips.TripViews;

import static org.trek.mcp.registry.ToolAnnotations.CREATE;
import static org.trek.mcp.registry.ToolAnnotations.DELETE;
import static org.trek.mcp.registry.ToolAnnotations.UPDATE;
import static org.trek.trips.tools.TripParams.TRIP_ID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trek.platform.JsonFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trek.platform.Patch;
import org.trek.mcp.registry.ToolDefinition;
import org.trek.mcp.toolkit.Args;
import org.trek.mcp.toolkit.Call;
import org.trek.mcp.toolkit.Fields;
import org.trek.mcp.toolkit.Param;
import org.trek.mcp.toolkit.Results;
import org.trek.mcp.toolkit.Schema;
import org.trek.mcp.toolkit.ToolKit;
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

    @Inject
    TripViews views;

    private List<ToolDefinition> tools;

    @Override
    public List<ToolDefinition> tools() {
        return tools;
    }

    private static final String[] BOOKING_TYPES = {"hotel", "restaurant", "event", "tour", "activity", "other"};
    private static final String[] TRANSPORT_TYPES = {"flight", "train", "car", "cruise"};
    private static final String[] STATUSES = {"pending", "confirmed", "cancelled"};

    static final Param<Long> RESERVATION_ID = Param.id("reservationId", "Reservation id").required();
    static final Param<String> TITLE = Param.string("title", "Title", 1, 200);
    static final Param<String> TYPE = Param.enumeration("type", "Type", BOOKING_TYPES);
    static final Param<String> TIME_NEW = Param.string("reservation_time", "Date-time (YYYY-MM-DDTHH:MM)", 0, 50);
    static final Param<String> TIME = Param.string("reservation_time", "Date-time", 0, 50);
    static final Param<String> LOCATION = Param.string("location", "Location", 0, 500);
    static final Param<String> CONFIRMATION = Param.string("confirmation_number", "Booking reference", 0, 100);
    static final Param<String> NOTES = Param.string("notes", "Notes", 0, 1000);
    static final Param<Long> DAY = Param.id("day_id", "Day");
    static final Param<Long> PLACE = Param.id("place_id", "Place");
    static final Param<Long> HOTEL_START_DAY = Param.id("start_day_id", "Hotel: first night");
    static final Param<Long> HOTEL_END_DAY = Param.id("end_day_id", "Hotel: check-out day");
    static final Param<String> HOTEL_CHECK_IN = Param.string("check_in", "Hotel check-in HH:MM", 0, 10);
    static final Param<String> HOTEL_CHECK_OUT = Param.string("check_out", "Hotel check-out HH:MM", 0, 10);
    static final Param<Long> ASSIGNMENT = Param.id("assignment_id", "Day assignment it belongs to");
    static final Param<String> STATUS = Param.enumeration("status", "Status", STATUSES);
    static final Param<Long> NEW_PLACE = Param.nullableId("place_id", "Place, null unlinks");
    static final Param<Long> NEW_ASSIGNMENT = Param.nullableId("assignment_id", "Assignment, null unlinks");

    static final Param<Long> POSITION_ID = Param.id("id", "Reservation id").required();
    static final Param<Integer> DAY_PLAN_POSITION = Param.integer("day_plan_position", "Position", 0, null).required();
    static final Param<List<Args>> POSITIONS = Param.objects("positions", "New positions",
            Fields.of(POSITION_ID, DAY_PLAN_POSITION), 1, 200).required();
    static final Param<Long> REORDER_DAY = Param.id("dayId", "Day");

    static final Param<Long> HOTEL_RESERVATION_ID = Param.id("reservationId", "Hotel reservation id").required();
    static final Param<Long> HOTEL_PLACE = Param.id("place_id", "Hotel place").required();
    static final Param<Long> FIRST_NIGHT = Param.id("start_day_id", "First night").required();
    static final Param<Long> CHECK_OUT_DAY = Param.id("end_day_id", "Check-out day").required();
    static final Param<String> CHECK_IN = Param.string("check_in", "Check-in HH:MM", 0, 10);
    static final Param<String> CHECK_OUT = Param.string("check_out", "Check-out HH:MM", 0, 10);

    // transports
    static final Param<Long> TRANSPORT_ID = Param.id("reservationId", "Transport id").required();
    static final Param<String> TRANSPORT_TYPE = Param.enumeration("type", "Transport type", TRANSPORT_TYPES);
    static final Param<String> TRANSPORT_STATUS = Param.enumeration("status", "Status (default pending)", STATUSES);
    static final Param<Long> DEPARTURE_DAY = Param.id("start_day_id", "Departure day");
    static final Param<Long> ARRIVAL_DAY = Param.id("end_day_id", "Arrival day (default: the departure day)");
    static final Param<String> DEPARTURE = Param.string("reservation_time", "Departure date-time", 0, 50);
    static final Param<String> ARRIVAL = Param.string("reservation_end_time", "Arrival date-time", 0, 50);
    static final Param<JsonObject> METADATA = Param.object("metadata", JsonFactory.createObjectBuilder().add("type", "object")
            .add("maxProperties", 20).add("propertyNames", JsonFactory.createObjectBuilder().add("maxLength", 50))
            .add("additionalProperties", JsonFactory.createObjectBuilder().add("type", "string").add("maxLength", 100)).build());
    static final Param<Boolean> NEEDS_REVIEW = Param.bool("needs_review", "Flag for review");

    static final Param<String> STOP_ROLE = Param.enumeration("role", "from, to or stop", "from", "to", "stop").required();
    static final Param<Integer> STOP_SEQUENCE = Param.integer("sequence", "Order of the stop", 0, null).required();
    static final Param<String> STOP_NAME = Param.string("name", "Stop name", 1, 200).required();
    static final Param<String> STOP_CODE = Param.string("code", "IATA or station code", 0, 10);
    static final Param<Double> STOP_LAT = Param.number("lat", "Latitude", null);
    static final Param<Double> STOP_LNG = Param.number("lng", "Longitude", null);
    static final Param<String> STOP_TIMEZONE = Param.string("timezone", "IANA time zone", 0, 64);
    static final Param<String> STOP_LOCAL_TIME = Param.string("local_time", "Local time HH:MM", 0, 10);
    static final Param<String> STOP_LOCAL_DATE = Param.string("local_date", "Local date YYYY-MM-DD", 0, 10);
    static final Param<List<Args>> ENDPOINTS = Param.objects("endpoints", "Stops; on update this replaces the whole list",
            Fields.of(STOP_ROLE, STOP_SEQUENCE, STOP_NAME, STOP_CODE, STOP_LAT, STOP_LNG, STOP_TIMEZONE, STOP_LOCAL_TIME,
                    STOP_LOCAL_DATE), 0, 20);

    private static Fields transportFields(Fields f, boolean creating) {
        return f.and(creating ? TRANSPORT_TYPE.required() : TRANSPORT_TYPE, creating ? TITLE.required() : TITLE,
                TRANSPORT_STATUS, DEPARTURE_DAY, ARRIVAL_DAY, DEPARTURE, ARRIVAL, CONFIRMATION, NOTES, METADATA, ENDPOINTS,
                NEEDS_REVIEW);
    }

    @PostConstruct
    void declare() {
        JsonObject resOut = Schema.nested().object("reservation", WireShapes.RESERVATION, true).buildOutput();
        String w = Scopes.RESERVATIONS_WRITE;
        tools = List.of(
                kit.tool("create_reservation", "Create reservation",
                        "Records a booking (status pending). A hotel with place_id, start_day_id and end_day_id also gets its "
                                + "accommodation, in the same transaction.",
                        Fields.of(TRIP_ID, TITLE.required(), TYPE.required(), TIME_NEW, LOCATION, CONFIRMATION, NOTES, DAY, PLACE,
                                HOTEL_START_DAY, HOTEL_END_DAY, HOTEL_CHECK_IN, HOTEL_CHECK_OUT, ASSIGNMENT),
                        resOut, CREATE, w, null, this::create),
                kit.tool("update_reservation", "Update reservation", "Changes a booking; omitted fields stay; null unlinks place/assignment.",
                        Fields.of(TRIP_ID, RESERVATION_ID, TITLE, TYPE, TIME, LOCATION, CONFIRMATION, NOTES, STATUS, NEW_PLACE,
                                NEW_ASSIGNMENT),
                        resOut, UPDATE, w, null, c -> out(reservations.update(c.userId(), c.get(TRIP_ID), c.get(RESERVATION_ID),
                                new ReservationService.Fields(c.get(TITLE), c.get(TYPE), c.get(STATUS), c.get(TIME), null,
                                        c.get(LOCATION), c.get(CONFIRMATION), c.get(NOTES), null, null, c.patch(NEW_PLACE),
                                        c.patch(NEW_ASSIGNMENT), null, null)))),
                kit.tool("delete_reservation", "Delete reservation", "Deletes a booking and its linked accommodation. Confirm first.",
                        Fields.of(TRIP_ID, RESERVATION_ID), Schema.success(), DELETE, w, null, c -> {
                            reservations.delete(c.userId(), c.get(TRIP_ID), c.get(RESERVATION_ID));
                            return Results.success();
                        }),
                kit.tool("reorder_reservations", "Reorder reservations",
                        "Sets the day-plan positions of reservations (per day when dayId is given).",
                        Fields.of(TRIP_ID, POSITIONS, REORDER_DAY), Schema.success(), UPDATE, w, null, this::reorder),
                kit.tool("link_hotel_accommodation", "Link hotel to accommodation",
                        "Creates or updates the accommodation of a hotel reservation.",
                        Fields.of(TRIP_ID, HOTEL_RESERVATION_ID, HOTEL_PLACE, FIRST_NIGHT, CHECK_OUT_DAY, CHECK_IN, CHECK_OUT),
                        Schema.nested().object("reservation", WireShapes.RESERVATION, true).integer("accommodation_id", "Accommodation", 1, null, true).buildOutput(),
                        UPDATE, w, null, this::linkHotel),
                kit.tool("create_transport", "Create transport", "Records a flight, train, car or cruise with its stops.",
                        transportFields(Fields.of(TRIP_ID), true), resOut, CREATE, w, null,
                        c -> out(reservations.createTransport(c.userId(), c.get(TRIP_ID), transport(c), endpoints(c)))),
                kit.tool("update_transport", "Update transport", "Changes a transport; endpoints, when given, replace all stops.",
                        transportFields(Fields.of(TRIP_ID, TRANSPORT_ID), false), resOut, UPDATE, w, null,
                        c -> out(reservations.updateTransport(c.userId(), c.get(TRIP_ID), c.get(TRANSPORT_ID), transport(c), endpoints(c)))),
                kit.tool("delete_transport", "Delete transport", "Deletes a transport. Confirm first.",
                        Fields.of(TRIP_ID, TRANSPORT_ID), Schema.success(), DELETE, w, null, c -> {
                            reservations.deleteTransport(c.userId(), c.get(TRIP_ID), c.get(TRANSPORT_ID));
                            return Results.success();
                        }));
    }

    private JsonObject out(Reservation r) {
        return Results.of("reservation", views.reservation(r));
    }

    private JsonObject create(Call c) {
        ReservationService.HotelStay hotel = null;
        if (c.has(PLACE) && c.has(HOTEL_START_DAY) && c.has(HOTEL_END_DAY)) {
            hotel = new ReservationService.HotelStay(c.get(PLACE), c.get(HOTEL_START_DAY), c.get(HOTEL_END_DAY),
                    c.get(HOTEL_CHECK_IN), c.get(HOTEL_CHECK_OUT));
        }
        Long day = c.get(DAY);
        ReservationService.Fields f = new ReservationService.Fields(c.get(TITLE), c.get(TYPE), null, c.get(TIME_NEW), null,
                c.get(LOCATION), c.get(CONFIRMATION), c.get(NOTES), day != null ? day : c.get(HOTEL_START_DAY),
                c.get(HOTEL_END_DAY), Patch.ifPresent(c.get(PLACE)), Patch.ifPresent(c.get(ASSIGNMENT)), null, null);
        return out(reservations.create(c.userId(), c.get(TRIP_ID), f, hotel));
    }

    private static ReservationService.Fields transport(Call c) {
        JsonObject meta = c.get(METADATA);
        return new ReservationService.Fields(c.get(TITLE), c.get(TRANSPORT_TYPE), c.get(TRANSPORT_STATUS), c.get(DEPARTURE),
                c.get(ARRIVAL), null, c.get(CONFIRMATION), c.get(NOTES), c.get(DEPARTURE_DAY), c.get(ARRIVAL_DAY), Patch.keep(),
                Patch.keep(), c.get(NEEDS_REVIEW), meta == null ? null : meta.toString());
    }

    private JsonObject reorder(Call call) {
        Map<Long, Integer> positions = new LinkedHashMap<>();
        for (Args item : call.get(POSITIONS)) {
            positions.put(item.get(POSITION_ID), item.get(DAY_PLAN_POSITION));
        }
        reservations.reorder(call.userId(), call.get(TRIP_ID), positions, call.get(REORDER_DAY));
        return Results.success();
    }

    private JsonObject linkHotel(Call c) {
        Reservation r = reservations.linkHotel(c.userId(), c.get(TRIP_ID), c.get(HOTEL_RESERVATION_ID),
                new ReservationService.HotelStay(c.get(HOTEL_PLACE), c.get(FIRST_NIGHT), c.get(CHECK_OUT_DAY),
                        c.get(CHECK_IN), c.get(CHECK_OUT)));
        return JsonFactory.createObjectBuilder().add("reservation", views.reservation(r)).add("accommodation_id", r.getAccommodationId()).build();
    }

    private static List<ReservationService.EndpointInput> endpoints(Call c) {
        List<Args> stops = c.get(ENDPOINTS);
        if (stops == null) {
            return null;
        }
        List<ReservationService.EndpointInput> out = new ArrayList<>();
        for (Args e : stops) {
            out.add(new ReservationService.EndpointInput(e.get(STOP_ROLE), e.get(STOP_SEQUENCE), e.get(STOP_NAME),
                    e.get(STOP_CODE), e.get(STOP_LAT), e.get(STOP_LNG), e.get(STOP_TIMEZONE), e.get(STOP_LOCAL_TIME),
                    e.get(STOP_LOCAL_DATE)));
        }
        return out;
    }
}
