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
import java.util.List;
import org.trek.mcp.registry.ToolCall;
import org.trek.mcp.registry.ToolDefinition;
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

    private List<ToolDefinition> tools;

    @Override
    public List<ToolDefinition> tools() {
        return tools;
    }

    private static Schema stay(Schema s, boolean required, String notesField) {
        return s.id("start_day_id", "First night's day id", required).id("end_day_id", "Check-out day id", required)
                .string("check_in", "Check-in time HH:MM", 0, 10, false).string("check_out", "Check-out time HH:MM", 0, 10, false)
                .string("confirmation", "Confirmation code", 0, 100, false).string(notesField, "Notes", 0, 1000, false);
    }

    @PostConstruct
    void declare() {
        JsonObject dayOut = Schema.nested().object("day", true).buildOutput();
        JsonObject noteOut = Schema.nested().object("note", true).buildOutput();
        JsonObject accOut = Schema.nested().object("accommodation", true).buildOutput();
        String w = Scopes.TRIPS_WRITE;
        tools = List.of(
                kit.tool("update_day", "Set day title", "Sets (or with null clears) the title of a day.",
                        Schema.input().tripId().id("dayId", "Day id", true).nullableString("title", "Title, null clears", 200, true).build(),
                        dayOut, UPDATE, w, null, this::updateDay),
                kit.tool("create_day", "Add day", "Adds a day at the end of the trip, dated or not.",
                        Schema.input().tripId().date("date", "Date", false, false).string("notes", "Notes", 0, 2000, false).build(),
                        dayOut, CREATE, w, null, this::createDay),
                kit.tool("delete_day", "Delete day",
                        "Deletes a day with its assignments, notes and accommodations starting or ending on it. Confirm first.",
                        Schema.input().tripId().id("dayId", "Day id", true).build(), Schema.success(), DELETE, w, null, this::deleteDay),
                kit.tool("create_accommodation", "Add accommodation",
                        "Records where the travellers sleep: an existing place from a start day to an end day.",
                        stay(Schema.input().tripId().id("place_id", "Place id (the hotel)", true), true, "notes").build(),
                        accOut, CREATE, w, null, this::createAccommodation),
                kit.tool("create_place_accommodation", "Add place and accommodation",
                        "Creates the hotel as a place and its accommodation in one transaction (both or nothing).",
                        stay(PlaceTools.placeFields(Schema.input().tripId(), "place_notes"), true, "accommodation_notes").build(),
                        Schema.nested().object("place", true).object("accommodation", true).buildOutput(),
                        CREATE, w, null, this::createPlaceAccommodation),
                kit.tool("update_accommodation", "Update accommodation", "Changes an accommodation; omitted fields stay.",
                        stay(Schema.input().tripId().id("accommodationId", "Accommodation id", true).id("place_id", "Place id", false),
                                false, "notes").build(),
                        accOut, UPDATE, w, null, this::updateAccommodation),
                kit.tool("delete_accommodation", "Delete accommodation",
                        "Deletes an accommodation; a hotel reservation linked to it stays but is unlinked.",
                        Schema.input().tripId().id("accommodationId", "Accommodation id", true).build(),
                        Schema.nested().bool("success", "true", true).nullableInteger("linkedReservationId", "Reservation that was linked", null, null).buildOutput(),
                        DELETE, w, null, this::deleteAccommodation),
                kit.tool("create_day_note", "Add day note", "Adds a short note to a day.",
                        Schema.input().tripId().id("dayId", "Day id", true).string("text", "Note text", 1, 500, true)
                                .string("time", "Time or time range", 0, 150, false).string("icon", "Emoji icon", 0, 20, false).build(),
                        noteOut, CREATE, w, null, this::createNote),
                kit.tool("update_day_note", "Update day note", "Changes a day note; omitted fields stay, null time clears it.",
                        Schema.input().tripId().id("dayId", "Day id", true).id("noteId", "Note id", true)
                                .string("text", "Note text", 1, 500, false).nullableString("time", "Time", 150, false)
                                .string("icon", "Emoji icon", 0, 20, false).build(),
                        noteOut, UPDATE, w, null, this::updateNote),
                kit.tool("delete_day_note", "Delete day note", "Deletes a day note.",
                        Schema.input().tripId().id("dayId", "Day id", true).id("noteId", "Note id", true).build(),
                        Schema.success(), DELETE, w, null, this::deleteNote));
    }

    private JsonObject updateDay(ToolCall call) {
        Args a = new Args(call.arguments());
        if (!a.has("title")) {
            throw new org.trek.mcp.registry.InvalidParamsException("Invalid params: title is required (null clears it).");
        }
        TripDay d = days.updateTitle(call.userId(), a.id("tripId"), a.id("dayId"), a.optString("title"));
        return JsonFactory.createObjectBuilder().add("day", d.toJson()).build();
    }

    private JsonObject createDay(ToolCall call) {
        Args a = new Args(call.arguments());
        TripDay d = days.create(call.userId(), a.id("tripId"), a.optString("date"), a.optString("notes"));
        return JsonFactory.createObjectBuilder().add("day", d.toJson()).build();
    }

    private JsonObject deleteDay(ToolCall call) {
        Args a = new Args(call.arguments());
        days.delete(call.userId(), a.id("tripId"), a.id("dayId"));
        return JsonFactory.createObjectBuilder().add("success", true).build();
    }

    private static DayService.StayFields stay(Args a, String notesField) {
        return new DayService.StayFields(a.optLong("place_id"), a.optLong("start_day_id"), a.optLong("end_day_id"),
                a.optString("check_in"), a.optString("check_out"), a.optString("confirmation"), a.optString(notesField));
    }

    private JsonObject createAccommodation(ToolCall call) {
        Args a = new Args(call.arguments());
        Accommodation acc = days.createAccommodation(call.userId(), a.id("tripId"), stay(a, "notes"));
        return JsonFactory.createObjectBuilder().add("accommodation", acc.toJson()).build();
    }

    private JsonObject createPlaceAccommodation(ToolCall call) {
        Args a = new Args(call.arguments());
        Place[] place = new Place[1];
        Accommodation acc = days.createPlaceAccommodation(call.userId(), a.id("tripId"), PlaceTools.placeFields(a, "place_notes"),
                stay(a, "accommodation_notes"), place);
        return JsonFactory.createObjectBuilder().add("place", place[0].toJson()).add("accommodation", acc.toJson()).build();
    }

    private JsonObject updateAccommodation(ToolCall call) {
        Args a = new Args(call.arguments());
        Accommodation acc = days.updateAccommodation(call.userId(), a.id("tripId"), a.id("accommodationId"), stay(a, "notes"));
        return JsonFactory.createObjectBuilder().add("accommodation", acc.toJson()).build();
    }

    private JsonObject deleteAccommodation(ToolCall call) {
        Args a = new Args(call.arguments());
        Long linked = days.deleteAccommodation(call.userId(), a.id("tripId"), a.id("accommodationId"));
        JsonObjectBuilder out = JsonFactory.createObjectBuilder().add("success", true);
        return Jsons.put(out, "linkedReservationId", linked).build();
    }

    private JsonObject createNote(ToolCall call) {
        Args a = new Args(call.arguments());
        DayNote n = days.createNote(call.userId(), a.id("tripId"), a.id("dayId"), a.string("text"), a.optString("time"), a.optString("icon"));
        return JsonFactory.createObjectBuilder().add("note", n.toJson()).build();
    }

    private JsonObject updateNote(ToolCall call) {
        Args a = new Args(call.arguments());
        DayNote n = days.updateNote(call.userId(), a.id("tripId"), a.id("dayId"), a.id("noteId"), a.optString("text"),
                a.optString("time"), a.isNull("time"), a.optString("icon"));
        return JsonFactory.createObjectBuilder().add("note", n.toJson()).build();
    }

    private JsonObject deleteNote(ToolCall call) {
        Args a = new Args(call.arguments());
        days.deleteNote(call.userId(), a.id("tripId"), a.id("dayId"), a.id("noteId"));
        return JsonFactory.createObjectBuilder().add("success", true).build();
    }
}
