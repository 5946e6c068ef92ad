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
import jakarta.json.JsonObjectBuilder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.trek.mcp.registry.ToolCall;
import org.trek.mcp.registry.ToolDefinition;
import org.trek.mcp.registry.ToolProvider;
import org.trek.platform.Jsons;
import org.trek.trips.PackingService;
import org.trek.trips.TodoItem;
import org.trek.trips.TripService;

/** To-do tools (they ride on the packing addon, as in the original; todos:read / todos:write). */
@ApplicationScoped
public class TodoTools implements ToolProvider {
    public static final String ADDON = "packing";

    @Inject
    ToolKit kit;

    @Inject
    PackingService packing;

    private List<ToolDefinition> tools;

    @Override
    public List<ToolDefinition> tools() {
        return tools;
    }

    @PostConstruct
    void declare() {
        JsonObject itemOut = Schema.nested().object("item", true).buildOutput();
        String w = Scopes.TODOS_WRITE;
        String r = Scopes.TODOS_READ;
        tools = List.of(
                kit.tool("list_todos", "List to-dos", "Lists the trip's to-dos in their order. Paginated.",
                        Schema.input().tripId().paging().build(),
                        Schema.nested().objects("items", true).nullableString("next_cursor", "Next page", 0, false).buildOutput(),
                        READ, r, ADDON, this::list),
                kit.tool("create_todo", "Add to-do", "Adds a to-do.",
                        Schema.input().tripId().string("name", "To-do", 1, 500, true).string("category", "Category", 0, 100, false)
                                .date("due_date", "Due date", false, false).string("description", "Details", 0, 2000, false)
                                .id("assigned_user_id", "Member responsible", false).integer("priority", "0 (none) to 3 (high)", 0, 3, false).build(),
                        itemOut, CREATE, w, ADDON, this::create),
                kit.tool("update_todo", "Update to-do", "Changes a to-do; omitted fields stay, null clears.",
                        Schema.input().tripId().id("itemId", "To-do id", true).string("name", "To-do", 1, 500, false)
                                .nullableString("category", "Category", 100, false).date("due_date", "Due date", true, false)
                                .nullableString("description", "Details", 2000, false).nullableId("assigned_user_id", "Member responsible")
                                .nullableInteger("priority", "0 to 3", 0, 3).build(),
                        itemOut, UPDATE, w, ADDON, this::update),
                kit.tool("toggle_todo", "Check to-do", "Marks a to-do done or not.",
                        Schema.input().tripId().id("itemId", "To-do id", true).bool("checked", "Done", true).build(),
                        itemOut, UPDATE, w, ADDON, this::toggle),
                kit.tool("delete_todo", "Delete to-do", "Deletes a to-do.",
                        Schema.input().tripId().id("itemId", "To-do id", true).build(), Schema.success(), DELETE, w, ADDON, this::delete),
                kit.tool("reorder_todos", "Reorder to-dos", "Sets the order of to-dos (ids in the new order).",
                        Schema.input().tripId().ids("orderedIds", "To-do ids in order", 1, 1000, true).build(),
                        Schema.success(), UPDATE, w, ADDON, this::reorder),
                kit.tool("get_todo_category_assignees", "Get to-do category assignees",
                        "Shows which members are responsible for which to-do category.",
                        Schema.input().tripId().build(), Schema.nested().object("assignees", true).buildOutput(), READ, r, ADDON, this::getAssignees),
                kit.tool("set_todo_category_assignees", "Set to-do category assignees",
                        "Replaces the members responsible for a to-do category; every user id must be a trip member.",
                        Schema.input().tripId().string("categoryName", "Category", 1, 100, true).ids("userIds", "Member user ids", 0, 200, true).build(),
                        Schema.nested().raw("assignees", JsonFactory.createObjectBuilder().add("type", "array").build(), true).buildOutput(),
                        UPDATE, w, ADDON, this::setAssignees));
    }

    private static JsonObject item(TodoItem t) {
        return JsonFactory.createObjectBuilder().add("item", t.toJson()).build();
    }

    private JsonObject list(ToolCall call) {
        Args a = new Args(call.arguments());
        Paging p = Paging.from(a);
        TripService.Page<TodoItem> page = packing.todos(call.userId(), a.id("tripId"), p.limit(), p.offset());
        JsonObjectBuilder out = JsonFactory.createObjectBuilder().add("items", Jsons.array(page.items(), TodoItem::toJson));
        return Jsons.put(out, "next_cursor", page.nextCursor()).build();
    }

    private static PackingService.TodoFields fields(Args a) {
        Set<String> clear = new HashSet<>();
        for (String k : List.of("category", "due_date", "description", "assigned_user_id", "priority")) {
            if (a.isNull(k)) {
                clear.add(k);
            }
        }
        return new PackingService.TodoFields(a.optString("name"), a.optString("category"), a.optString("due_date"),
                a.optString("description"), a.optLong("assigned_user_id"), a.optInt("priority"), clear);
    }

    private JsonObject create(ToolCall call) {
        Args a = new Args(call.arguments());
        return item(packing.createTodo(call.userId(), a.id("tripId"), fields(a)));
    }

    private JsonObject update(ToolCall call) {
        Args a = new Args(call.arguments());
        return item(packing.updateTodo(call.userId(), a.id("tripId"), a.id("itemId"), fields(a)));
    }

    private JsonObject toggle(ToolCall call) {
        Args a = new Args(call.arguments());
        return item(packing.toggleTodo(call.userId(), a.id("tripId"), a.id("itemId"), a.requiredBool("checked")));
    }

    private JsonObject delete(ToolCall call) {
        Args a = new Args(call.arguments());
        packing.deleteTodo(call.userId(), a.id("tripId"), a.id("itemId"));
        return JsonFactory.createObjectBuilder().add("success", true).build();
    }

    private JsonObject reorder(ToolCall call) {
        Args a = new Args(call.arguments());
        packing.reorderTodos(call.userId(), a.id("tripId"), a.ids("orderedIds"));
        return JsonFactory.createObjectBuilder().add("success", true).build();
    }

    private JsonObject getAssignees(ToolCall call) {
        return PackingTools.assignees(packing.assignees(call.userId(), new Args(call.arguments()).id("tripId"), true));
    }

    private JsonObject setAssignees(ToolCall call) {
        Args a = new Args(call.arguments());
        List<Long> ids = packing.setAssignees(call.userId(), a.id("tripId"), true, a.string("categoryName"), a.ids("userIds"));
        return JsonFactory.createObjectBuilder().add("assignees", Jsons.array(ids, id -> id)).build();
    }
}
