package org.trek.trips.tools;

import org.trek.trips.TripViews;

import static org.trek.mcp.registry.ToolAnnotations.CREATE;
import static org.trek.mcp.registry.ToolAnnotations.DELETE;
import static org.trek.mcp.registry.ToolAnnotations.READ;
import static org.trek.mcp.registry.ToolAnnotations.UPDATE;
import static org.trek.trips.tools.TripParams.ASSIGNMENT_ID;
import static org.trek.trips.tools.TripParams.DAY_ID;
import static org.trek.trips.tools.TripParams.MEMBER_IDS;
import static org.trek.trips.tools.TripParams.PLACE_ID;
import static org.trek.trips.tools.TripParams.TRIP_ID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trek.platform.JsonFactory;
import jakarta.json.JsonObject;
import java.util.List;
import org.trek.mcp.registry.ToolDefinition;
import org.trek.mcp.toolkit.Call;
import org.trek.mcp.toolkit.Fields;
import org.trek.mcp.toolkit.Param;
import org.trek.mcp.toolkit.Results;
import org.trek.mcp.toolkit.Schema;
import org.trek.mcp.toolkit.ToolKit;
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

    @Inject
    TripViews views;

    private List<ToolDefinition> tools;

    @Override
    public List<ToolDefinition> tools() {
        return tools;
    }

    static final Param<String> VISIT_NOTES = Param.string("notes", "Notes for this visit", 0, 500);
    static final Param<String> PLACE_TIME = Param.nullableString("place_time", "Start time HH:MM", 50);
    static final Param<String> END_TIME = Param.nullableString("end_time", "End time HH:MM", 50);
    static final Param<Long> NEW_DAY_ID = Param.id("newDayId", "Target day").required();
    static final Param<Long> OLD_DAY_ID = Param.id("oldDayId", "Current day").required();
    static final Param<Integer> ORDER_INDEX = Param.integer("orderIndex", "Position on the target day (default 0)", 0, null).orElse(0);
    static final Param<List<Long>> ASSIGNMENT_IDS = Param.ids("assignmentIds", "Assignment ids in order", 1, 200).required();

    @PostConstruct
    void declare() {
        JsonObject assignmentOut = Schema.nested().object("assignment", WireShapes.ASSIGNMENT, true).buildOutput();
        JsonObject participantsOut = Schema.nested().objects("participants", WireShapes.PERSON, true).buildOutput();
        tools = List.of(
                kit.tool("assign_place_to_day", "Assign place to day",
                        "Puts one of the trip's places at the end of a day.",
                        Fields.of(TRIP_ID, DAY_ID, PLACE_ID, VISIT_NOTES), assignmentOut, CREATE, Scopes.PLACES_WRITE, null,
                        c -> assignment(places.assign(c.userId(), c.get(TRIP_ID), c.get(DAY_ID), c.get(PLACE_ID), c.get(VISIT_NOTES)))),
                kit.tool("unassign_place", "Remove place from day",
                        "Removes an assignment from a day (the place itself stays in the trip).",
                        Fields.of(TRIP_ID, DAY_ID, ASSIGNMENT_ID), Schema.success(), DELETE, Scopes.PLACES_WRITE, null, c -> {
                            places.unassign(c.userId(), c.get(TRIP_ID), c.get(DAY_ID), c.get(ASSIGNMENT_ID));
                            return Results.success();
                        }),
                kit.tool("update_assignment_time", "Set visit time",
                        "Sets the start and end time (HH:MM) of an assignment; omitted keeps, null clears.",
                        Fields.of(TRIP_ID, ASSIGNMENT_ID, PLACE_TIME, END_TIME), assignmentOut, UPDATE, Scopes.PLACES_WRITE, null,
                        c -> assignment(places.updateTime(c.userId(), c.get(TRIP_ID), c.get(ASSIGNMENT_ID), c.get(PLACE_TIME),
                                c.isNull(PLACE_TIME), c.get(END_TIME), c.isNull(END_TIME)))),
                kit.tool("move_assignment", "Move assignment",
                        "Moves an assignment from one day to another position on (possibly) another day.",
                        Fields.of(TRIP_ID, ASSIGNMENT_ID, NEW_DAY_ID, OLD_DAY_ID, ORDER_INDEX), assignmentOut, UPDATE,
                        Scopes.PLACES_WRITE, null, c -> assignment(places.move(c.userId(), c.get(TRIP_ID), c.get(ASSIGNMENT_ID),
                                c.get(OLD_DAY_ID), c.get(NEW_DAY_ID), c.get(ORDER_INDEX)))),
                kit.tool("get_assignment_participants", "Get visit participants",
                        "Lists the trip members taking part in an assignment.",
                        Fields.of(TRIP_ID, ASSIGNMENT_ID), participantsOut, READ, Scopes.PLACES_READ, null,
                        c -> participants(places.participants(c.userId(), c.get(TRIP_ID), c.get(ASSIGNMENT_ID)))),
                kit.tool("set_assignment_participants", "Set visit participants",
                        "Replaces the participants of an assignment; every user id must be a trip member (list_trip_members). Empty clears.",
                        Fields.of(TRIP_ID, ASSIGNMENT_ID, MEMBER_IDS), participantsOut, UPDATE, Scopes.PLACES_WRITE, null,
                        c -> participants(places.setParticipants(c.userId(), c.get(TRIP_ID), c.get(ASSIGNMENT_ID), c.get(MEMBER_IDS)))),
                kit.tool("reorder_day_assignments", "Reorder a day",
                        "Sets the order of a day's assignments: list every assignment id of the day once, in the new order. "
                                + "Read the current order first.",
                        Fields.of(TRIP_ID, DAY_ID, ASSIGNMENT_IDS),
                        Schema.nested().bool("success", "true", true).integer("dayId", "The day", 1, null, true).ids("order", true).buildOutput(),
                        UPDATE, Scopes.PLACES_WRITE, null, this::reorder));
    }

    private JsonObject assignment(DayAssignment d) {
        return Results.of("assignment", views.assignment(d));
    }

    private static JsonObject participants(List<PlaceService.Participant> list) {
        return JsonFactory.createObjectBuilder().add("participants", Jsons.array(list, PlaceService.Participant::toJson)).build();
    }

    private JsonObject reorder(Call call) {
        long dayId = call.get(DAY_ID);
        List<Long> order = places.reorder(call.userId(), call.get(TRIP_ID), dayId, call.get(ASSIGNMENT_IDS));
        return JsonFactory.createObjectBuilder().add("success", true).add("dayId", dayId).add("order", Jsons.array(order, id -> id)).build();
    }
}
