package org.trek.trips.tools;

import static org.trek.mcp.registry.ToolAnnotations.CREATE;
import static org.trek.mcp.registry.ToolAnnotations.DELETE;
import static org.trek.mcp.registry.ToolAnnotations.READ;
import static org.trek.mcp.registry.ToolAnnotations.UPDATE;
import static org.trek.trips.tools.TripParams.CATEGORY_NAME;
import static org.trek.trips.tools.TripParams.MEMBER_IDS;
import static org.trek.trips.tools.TripParams.TRIP_ID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trek.platform.JsonFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.trek.platform.Patch;
import org.trek.mcp.registry.ToolDefinition;
import org.trek.mcp.toolkit.Call;
import org.trek.trips.PlaceService;
import org.trek.mcp.toolkit.Fields;
import org.trek.mcp.toolkit.Paging;
import org.trek.mcp.toolkit.Param;
import org.trek.mcp.toolkit.Results;
import org.trek.mcp.toolkit.Schema;
import org.trek.mcp.toolkit.ToolKit;
import org.trek.platform.addons.AddonId;
import org.trek.mcp.registry.ToolProvider;
import org.trek.platform.Jsons;
import org.trek.trips.PackingService;
import org.trek.trips.TodoItem;
import org.trek.trips.TripService;

/** To-do tools (they ride on the packing addon, as in the original; todos:read / todos:write). */
@ApplicationScoped
public class TodoTools implements ToolProvider {
    static final AddonId ADDON = AddonId.PACKING;

    @Inject
    ToolKit kit;

    @Inject
    PackingService packing;

    private List<ToolDefinition> tools;

    @Override
    public List<ToolDefinition> tools() {
        return tools;
    }

    static final Param<Long> ITEM_ID = Param.id("itemId", "To-do id").required();
    static final Param<String> NAME = Param.string("name", "To-do", 1, 500);
    static final Param<String> CATEGORY = Param.string("category", "Category", 0, 100);
    static final Param<String> DUE_DATE = Param.date("due_date", "Due date");
    static final Param<String> DESCRIPTION = Param.string("description", "Details", 0, 2000);
    static final Param<Long> ASSIGNEE = Param.id("assigned_user_id", "Member responsible");
    static final Param<Integer> PRIORITY = Param.integer("priority", "0 (none) to 3 (high)", 0, 3);
    static final Param<String> NEW_CATEGORY = Param.nullableString("category", "Category", 100);
    static final Param<String> NEW_DUE_DATE = Param.nullableDate("due_date", "Due date");
    static final Param<String> NEW_DESCRIPTION = Param.nullableString("description", "Details", 2000);
    static final Param<Long> NEW_ASSIGNEE = Param.nullableId("assigned_user_id", "Member responsible");
    static final Param<Integer> NEW_PRIORITY = Param.nullableInteger("priority", "0 to 3", 0, 3);
    static final Param<Boolean> CHECKED = Param.bool("checked", "Done").required();
    static final Param<List<Long>> ORDERED_IDS = Param.ids("orderedIds", "To-do ids in order", 1, 1000).required();

    @PostConstruct
    void declare() {
        JsonObject itemOut = Schema.nested().object("item", WireShapes.TODO, true).buildOutput();
        String w = Scopes.TODOS_WRITE;
        String r = Scopes.TODOS_READ;
        tools = List.of(
                kit.tool("list_todos", "List to-dos", "Lists the trip's to-dos in their order. Paginated.",
                        Fields.of(TRIP_ID, Paging.LIMIT, Paging.CURSOR),
                        Schema.nested().objects("items", WireShapes.TODO, true).nullableString("next_cursor", "Next page", 0, false).buildOutput(),
                        READ, r, ADDON, this::list),
                kit.tool("create_todo", "Add to-do", "Adds a to-do.",
                        Fields.of(TRIP_ID, NAME.required(), CATEGORY, DUE_DATE, DESCRIPTION, ASSIGNEE, PRIORITY),
                        itemOut, CREATE, w, ADDON, c -> item(packing.createTodo(c.userId(), c.get(TRIP_ID),
                                new PackingService.TodoFields(c.get(NAME), Patch.ifPresent(c.get(CATEGORY)),
                                        Patch.ifPresent(c.get(DUE_DATE)), Patch.ifPresent(c.get(DESCRIPTION)),
                                        Patch.ifPresent(c.get(ASSIGNEE)), Patch.ifPresent(c.get(PRIORITY)))))),
                kit.tool("update_todo", "Update to-do", "Changes a to-do; omitted fields stay, null clears.",
                        Fields.of(TRIP_ID, ITEM_ID, NAME, NEW_CATEGORY, NEW_DUE_DATE, NEW_DESCRIPTION, NEW_ASSIGNEE, NEW_PRIORITY),
                        itemOut, UPDATE, w, ADDON, c -> item(packing.updateTodo(c.userId(), c.get(TRIP_ID), c.get(ITEM_ID),
                                new PackingService.TodoFields(c.get(NAME), c.patch(NEW_CATEGORY), c.patch(NEW_DUE_DATE),
                                        c.patch(NEW_DESCRIPTION), c.patch(NEW_ASSIGNEE), c.patch(NEW_PRIORITY))))),
                kit.tool("toggle_todo", "Check to-do", "Marks a to-do done or not.",
                        Fields.of(TRIP_ID, ITEM_ID, CHECKED), itemOut, UPDATE, w, ADDON,
                        c -> item(packing.toggleTodo(c.userId(), c.get(TRIP_ID), c.get(ITEM_ID), c.get(CHECKED)))),
                kit.tool("delete_todo", "Delete to-do", "Deletes a to-do.",
                        Fields.of(TRIP_ID, ITEM_ID), Schema.success(), DELETE, w, ADDON, c -> {
                            packing.deleteTodo(c.userId(), c.get(TRIP_ID), c.get(ITEM_ID));
                            return Results.success();
                        }),
                kit.tool("reorder_todos", "Reorder to-dos", "Sets the order of to-dos (ids in the new order).",
                        Fields.of(TRIP_ID, ORDERED_IDS), Schema.success(), UPDATE, w, ADDON, c -> {
                            packing.reorderTodos(c.userId(), c.get(TRIP_ID), c.get(ORDERED_IDS));
                            return Results.success();
                        }),
                kit.tool("get_todo_category_assignees", "Get to-do category assignees",
                        "Shows which members are responsible for which to-do category.",
                        Fields.of(TRIP_ID), Schema.nested().map("assignees", WireShapes.PERSON, true).buildOutput(), READ, r, ADDON,
                        c -> PackingTools.assignees(packing.assignees(c.userId(), c.get(TRIP_ID), true))),
                kit.tool("set_todo_category_assignees", "Set to-do category assignees",
                        "Replaces the members responsible for a to-do category; every user id must be a trip member.",
                        Fields.of(TRIP_ID, CATEGORY_NAME, MEMBER_IDS), Schema.nested().objects("assignees", WireShapes.PERSON, true).buildOutput(),
                        UPDATE, w, ADDON, this::setAssignees));
    }

    /** The category's assignees as the original answers them: {user_id, username, avatar} each. */
    private JsonObject setAssignees(Call c) {
        String category = c.get(CATEGORY_NAME);
        packing.setAssignees(c.userId(), c.get(TRIP_ID), true, category, c.get(MEMBER_IDS));
        List<PlaceService.Participant> set = packing.assignees(c.userId(), c.get(TRIP_ID), true).get(category.strip());
        return JsonFactory.createObjectBuilder().add("assignees", Jsons.array(set == null ? List.of() : set,
                PlaceService.Participant::toJson)).build();
    }

    private static JsonObject item(TodoItem t) {
        return Results.of("item", t.toJson());
    }

    private JsonObject list(Call call) {
        Paging p = call.paging();
        TripService.Page<TodoItem> page = packing.todos(call.userId(), call.get(TRIP_ID), p.limit(), p.offset());
        JsonObjectBuilder out = JsonFactory.createObjectBuilder().add("items", Jsons.array(page.items(), TodoItem::toJson));
        return Jsons.put(out, "next_cursor", page.nextCursor()).build();
    }
}
