package org.trek.trips.tools;

import static org.trek.mcp.registry.ToolAnnotations.CREATE;
import static org.trek.mcp.registry.ToolAnnotations.DELETE;
import static org.trek.mcp.registry.ToolAnnotations.READ;
import static org.trek.mcp.registry.ToolAnnotations.UPDATE;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trek.platform.JsonFactory;
import jakarta.json.JsonObject;
import java.util.List;
import org.trek.mcp.registry.ToolCall;
import org.trek.mcp.registry.ToolDefinition;
import org.trek.mcp.registry.ToolProvider;
import org.trek.trips.DayAssignment;
import org.trek.platform.Jsons;
import org.trek.trips.PlaceService;

/** Day planning: assign places to days, times, moves, order and participants. */
@ApplicationScoped
public class AssignmentTools implements ToolProvider {

    @Inject
    ToolKit kit;

    @Inject
    PlaceService places;

    private List<ToolDefinition> tools;

    @Override
    public List<ToolDefinition> tools() {
        return tools;
    }

    @PostConstruct
    void declare() {
        JsonObject assignmentOut = Schema.nested().object("assignment", true).buildOutput();
        JsonObject participantsOut = Schema.nested().objects("participants", true).buildOutput();
        tools = List.of(
                kit.tool("assign_place_to_day", "Assign place to day",
                        "Puts one of the trip's places at the end of a day.",
                        Schema.input().tripId().id("dayId", "Day id", true).id("placeId", "Place id", true)
                                .string("notes", "Notes for this visit", 0, 500, false).build(),
                        assignmentOut, CREATE, Scopes.PLACES_WRITE, null, this::assign),
                kit.tool("unassign_place", "Remove place from day",
                        "Removes an assignment from a day (the place itself stays in the trip).",
                        Schema.input().tripId().id("dayId", "Day id", true).id("assignmentId", "Assignment id", true).build(),
                        Schema.success(), DELETE, Scopes.PLACES_WRITE, null, this::unassign),
                kit.tool("update_assignment_time", "Set visit time",
                        "Sets the start and end time (HH:MM) of an assignment; omitted keeps, null clears.",
                        Schema.input().tripId().id("assignmentId", "Assignment id", true)
                                .nullableString("place_time", "Start time HH:MM", 50, false)
                                .nullableString("end_time", "End time HH:MM", 50, false).build(),
                        assignmentOut, UPDATE, Scopes.PLACES_WRITE, null, this::updateTime),
                kit.tool("move_assignment", "Move assignment",
                        "Moves an assignment from one day to another position on (possibly) another day.",
                        Schema.input().tripId().id("assignmentId", "Assignment id", true).id("newDayId", "Target day", true)
                                .id("oldDayId", "Current day", true).integer("orderIndex", "Position on the target day (default 0)", 0, null, false).build(),
                        assignmentOut, UPDATE, Scopes.PLACES_WRITE, null, this::move),
                kit.tool("get_assignment_participants", "Get visit participants",
                        "Lists the trip members taking part in an assignment.",
                        Schema.input().tripId().id("assignmentId", "Assignment id", true).build(),
                        participantsOut, READ, Scopes.PLACES_READ, null, this::participants),
                kit.tool("set_assignment_participants", "Set visit participants",
                        "Replaces the participants of an assignment; every user id must be a trip member (list_trip_members). Empty clears.",
                        Schema.input().tripId().id("assignmentId", "Assignment id", true).ids("userIds", "Member user ids", 0, 200, true).build(),
                        participantsOut, UPDATE, Scopes.PLACES_WRITE, null, this::setParticipants),
                kit.tool("reorder_day_assignments", "Reorder a day",
                        "Sets the order of a day's assignments: list every assignment id of the day once, in the new order. "
                                + "Read the current order first.",
                        Schema.input().tripId().id("dayId", "Day id", true).ids("assignmentIds", "Assignment ids in order", 1, 200, true).build(),
                        Schema.nested().bool("success", "true", true).raw("order", JsonFactory.createObjectBuilder().add("type", "array").build(), true).buildOutput(),
                        UPDATE, Scopes.PLACES_WRITE, null, this::reorder));
    }

    private JsonObject assign(ToolCall call) {
        Args a = new Args(call.arguments());
        DayAssignment d = places.assign(call.userId(), a.id("tripId"), a.id("dayId"), a.id("placeId"), a.optString("notes"));
        return JsonFactory.createObjectBuilder().add("assignment", d.toJson()).build();
    }

    private JsonObject unassign(ToolCall call) {
        Args a = new Args(call.arguments());
        places.unassign(call.userId(), a.id("tripId"), a.id("dayId"), a.id("assignmentId"));
        return JsonFactory.createObjectBuilder().add("success", true).build();
    }

    private JsonObject updateTime(ToolCall call) {
        Args a = new Args(call.arguments());
        DayAssignment d = places.updateTime(call.userId(), a.id("tripId"), a.id("assignmentId"), a.optString("place_time"),
                a.isNull("place_time"), a.optString("end_time"), a.isNull("end_time"));
        return JsonFactory.createObjectBuilder().add("assignment", d.toJson()).build();
    }

    private JsonObject move(ToolCall call) {
        Args a = new Args(call.arguments());
        Integer order = a.optInt("orderIndex");
        DayAssignment d = places.move(call.userId(), a.id("tripId"), a.id("assignmentId"), a.id("oldDayId"), a.id("newDayId"),
                order == null ? 0 : order);
        return JsonFactory.createObjectBuilder().add("assignment", d.toJson()).build();
    }

    private static JsonObject participants(List<PlaceService.Participant> list) {
        return JsonFactory.createObjectBuilder().add("participants", Jsons.array(list,
                p -> JsonFactory.createObjectBuilder().add("user_id", p.userId()).add("username", p.username()))).build();
    }

    private JsonObject participants(ToolCall call) {
        Args a = new Args(call.arguments());
        return participants(places.participants(call.userId(), a.id("tripId"), a.id("assignmentId")));
    }

    private JsonObject setParticipants(ToolCall call) {
        Args a = new Args(call.arguments());
        return participants(places.setParticipants(call.userId(), a.id("tripId"), a.id("assignmentId"), a.ids("userIds")));
    }

    private JsonObject reorder(ToolCall call) {
        Args a = new Args(call.arguments());
        long dayId = a.id("dayId");
        List<Long> order = places.reorder(call.userId(), a.id("tripId"), dayId, a.ids("assignmentIds"));
        return JsonFactory.createObjectBuilder().add("success", true).add("dayId", dayId).add("order", Jsons.array(order, id -> id)).build();
    }
}
