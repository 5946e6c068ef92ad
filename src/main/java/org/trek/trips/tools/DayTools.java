package org.trek.trips.tools;

import org.trek.trips.TripViews;

import static org.trek.mcp.registry.ToolAnnotations.CREATE;
import static org.trek.mcp.registry.ToolAnnotations.DELETE;
import static org.trek.mcp.registry.ToolAnnotations.UPDATE;
import static org.trek.trips.tools.TripParams.DAY_ID;
import static org.trek.trips.tools.TripParams.TRIP_ID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trek.platform.JsonFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.trek.mcp.registry.ToolDefinition;
import org.trek.mcp.toolkit.Call;
import org.trek.mcp.toolkit.Fields;
import org.trek.mcp.toolkit.Param;
import org.trek.mcp.toolkit.Results;
import org.trek.mcp.toolkit.Schema;
import org.trek.mcp.toolkit.ToolKit;
import org.trek.mcp.registry.ToolProvider;
import org.trek.trips.Accommodation;
import org.trek.trips.DayNote;
import org.trek.trips.DayService;
import org.trek.platform.Jsons;
import org.trek.trips.Place;
import org.trek.trips.TripDay;

/** Days, day notes and accommodations; the whole group needs trips:write and the day_edit permission. */
@ApplicationScoped
public class DayTools implements ToolProvider {

    @Inject
    ToolKit kit;

    @Inject
    DayService days;

    @Inject
    TripViews views;

    private List<ToolDefinition> tools;

    @Override
    public List<ToolDefinition> tools() {
        return tools;
    }

    static final Param<String> TITLE = Param.nullableString("title", "Title, null clears", 200).required();
    static final Param<String> DATE = Param.date("date", "Date");
    static final Param<String> DAY_NOTES = Param.string("notes", "Notes", 0, 2000);
    static final Param<Long> HOTEL_ID = Param.id("place_id", "Place id (the hotel)").required();
    static final Param<Long> NEW_PLACE_ID = Param.id("place_id", "Place id");
    static final Param<Long> ACCOMMODATION_ID = Param.id("accommodationId", "Accommodation id").required();
    static final Param<Long> START_DAY_ID = Param.id("start_day_id", "First night's day id");
    static final Param<Long> END_DAY_ID = Param.id("end_day_id", "Check-out day id");
    static final Param<String> CHECK_IN = Param.string("check_in", "Check-in time HH:MM", 0, 10);
    static final Param<String> CHECK_OUT = Param.string("check_out", "Check-out time HH:MM", 0, 10);
    static final Param<String> CONFIRMATION = Param.string("confirmation", "Confirmation code", 0, 100);
    static final Param<String> STAY_NOTES = Param.string("notes", "Notes", 0, 1000);
    static final Param<String> ACCOMMODATION_NOTES = Param.string("accommodation_notes", "Notes", 0, 1000);
    static final Param<Long> NOTE_ID = Param.id("noteId", "Note id").required();
    static final Param<String> TEXT = Param.string("text", "Note text", 1, 500);
    static final Param<String> TIME = Param.string("time", "Time or time range", 0, 150);
    static final Param<String> NEW_TIME = Param.nullableString("time", "Time", 150);
    static final Param<String> ICON = Param.string("icon", "Emoji icon", 0, 20);

    /** The stay of an accommodation: its days (required when creating), times, confirmation and notes. */
    private static Fields stay(Fields f, boolean creating, Param<String> notes) {
        return f.and(creating ? START_DAY_ID.required() : START_DAY_ID, creating ? END_DAY_ID.required() : END_DAY_ID,
                CHECK_IN, CHECK_OUT, CONFIRMATION, notes);
    }

    @PostConstruct
    void declare() {
        JsonObject dayOut = Schema.nested().object("day", WireShapes.DAY, true).buildOutput();
        JsonObject noteOut = Schema.nested().object("note", WireShapes.NOTE, true).buildOutput();
        JsonObject accOut = Schema.nested().object("accommodation", WireShapes.ACCOMMODATION, true).buildOutput();
        String w = Scopes.TRIPS_WRITE;
        tools = List.of(
                kit.tool("update_day", "Set day title", "Sets (or with null clears) the title of a day.",
                        Fields.of(TRIP_ID, DAY_ID, TITLE), dayOut, UPDATE, w, null,
                        c -> day(days.updateTitle(c.userId(), c.get(TRIP_ID), c.get(DAY_ID), c.get(TITLE)))),
                kit.tool("create_day", "Add day", "Adds a day at the end of the trip, dated or not.",
                        Fields.of(TRIP_ID, DATE, DAY_NOTES), dayOut, CREATE, w, null,
                        c -> day(days.create(c.userId(), c.get(TRIP_ID), c.get(DATE), c.get(DAY_NOTES)))),
                kit.tool("delete_day", "Delete day",
                        "Deletes a day with its assignments, notes and accommodations starting or ending on it. Confirm first.",
                        Fields.of(TRIP_ID, DAY_ID), Schema.success(), DELETE, w, null, c -> {
                            days.delete(c.userId(), c.get(TRIP_ID), c.get(DAY_ID));
                            return Results.success();
                        }),
                kit.tool("create_accommodation", "Add accommodation",
                        "Records where the travellers sleep: an existing place from a start day to an end day.",
                        stay(Fields.of(TRIP_ID, HOTEL_ID), true, STAY_NOTES), accOut, CREATE, w, null,
                        c -> accommodation(days.createAccommodation(c.userId(), c.get(TRIP_ID), stay(c, HOTEL_ID, STAY_NOTES)))),
                kit.tool("create_place_accommodation", "Add place and accommodation",
                        "Creates the hotel as a place and its accommodation in one transaction (both or nothing).",
                        stay(PlaceTools.placeFields(PlaceTools.PLACE_NOTES), true, ACCOMMODATION_NOTES),
                        Schema.nested().object("place", WireShapes.PLACE, true).object("accommodation", WireShapes.ACCOMMODATION, true).buildOutput(),
                        CREATE, w, null, this::createPlaceAccommodation),
                kit.tool("update_accommodation", "Update accommodation", "Changes an accommodation; omitted fields stay.",
                        stay(Fields.of(TRIP_ID, ACCOMMODATION_ID, NEW_PLACE_ID), false, STAY_NOTES), accOut, UPDATE, w, null,
                        c -> accommodation(days.updateAccommodation(c.userId(), c.get(TRIP_ID), c.get(ACCOMMODATION_ID),
                                stay(c, NEW_PLACE_ID, STAY_NOTES)))),
                kit.tool("delete_accommodation", "Delete accommodation",
                        "Deletes an accommodation; a hotel reservation linked to it stays but is unlinked.",
                        Fields.of(TRIP_ID, ACCOMMODATION_ID),
                        Schema.nested().bool("success", "true", true).nullableInteger("linkedReservationId", "Reservation that was linked", null, null).buildOutput(),
                        DELETE, w, null, this::deleteAccommodation),
                kit.tool("create_day_note", "Add day note", "Adds a short note to a day.",
                        Fields.of(TRIP_ID, DAY_ID, TEXT.required(), TIME, ICON), noteOut, CREATE, w, null,
                        c -> note(days.createNote(c.userId(), c.get(TRIP_ID), c.get(DAY_ID), c.get(TEXT), c.get(TIME), c.get(ICON)))),
                kit.tool("update_day_note", "Update day note", "Changes a day note; omitted fields stay, null time clears it.",
                        Fields.of(TRIP_ID, DAY_ID, NOTE_ID, TEXT, NEW_TIME, ICON), noteOut, UPDATE, w, null,
                        c -> note(days.updateNote(c.userId(), c.get(TRIP_ID), c.get(DAY_ID), c.get(NOTE_ID), c.get(TEXT),
                                c.get(NEW_TIME), c.isNull(NEW_TIME), c.get(ICON)))),
                kit.tool("delete_day_note", "Delete day note", "Deletes a day note.",
                        Fields.of(TRIP_ID, DAY_ID, NOTE_ID), Schema.success(), DELETE, w, null, c -> {
                            days.deleteNote(c.userId(), c.get(TRIP_ID), c.get(DAY_ID), c.get(NOTE_ID));
                            return Results.success();
                        }));
    }

    private JsonObject day(TripDay d) {
        return Results.of("day", views.day(d));
    }

    private static JsonObject note(DayNote n) {
        return Results.of("note", n.toJson());
    }

    private JsonObject accommodation(Accommodation a) {
        return Results.of("accommodation", views.accommodation(a));
    }

    private static DayService.StayFields stay(Call c, Param<Long> place, Param<String> notes) {
        return new DayService.StayFields(place == null ? null : c.get(place), c.get(START_DAY_ID), c.get(END_DAY_ID),
                c.get(CHECK_IN), c.get(CHECK_OUT), c.get(CONFIRMATION), c.get(notes));
    }

    private JsonObject createPlaceAccommodation(Call call) {
        Place[] place = new Place[1];
        Accommodation acc = days.createPlaceAccommodation(call.userId(), call.get(TRIP_ID),
                PlaceTools.placeFields(call, PlaceTools.PLACE_NOTES), stay(call, null, ACCOMMODATION_NOTES), place);
        return JsonFactory.createObjectBuilder().add("place", views.place(place[0])).add("accommodation", views.accommodation(acc)).build();
    }

    private JsonObject deleteAccommodation(Call call) {
        Long linked = days.deleteAccommodation(call.userId(), call.get(TRIP_ID), call.get(ACCOMMODATION_ID));
        JsonObjectBuilder out = JsonFactory.createObjectBuilder().add("success", true);
        return Jsons.put(out, "linkedReservationId", linked).build();
    }
}
