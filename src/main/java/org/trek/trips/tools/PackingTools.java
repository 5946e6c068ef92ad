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
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trek.mcp.registry.InvalidParamsException;
import org.trek.mcp.registry.ToolCall;
import org.trek.mcp.registry.ToolDefinition;
import org.trek.mcp.registry.ToolProvider;
import org.trek.platform.Jsons;
import org.trek.trips.PackingBag;
import org.trek.trips.PackingItem;
import org.trek.trips.PackingService;

/** Packing tools (packing addon; packing:read / packing:write; packing_edit permission). */
@ApplicationScoped
public class PackingTools implements ToolProvider {
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
        JsonObject bagOut = Schema.nested().object("bag", true).buildOutput();
        String w = Scopes.PACKING_WRITE;
        String r = Scopes.PACKING_READ;
        JsonObject bulkItem = Schema.nested().string("name", "Item", 1, 200, true).string("category", "Category", 0, 100, false)
                .integer("quantity", "Quantity", 1, 1000, false).build();
        tools = List.of(
                kit.tool("create_packing_item", "Add packing item", "Adds an item to the packing list.",
                        Schema.input().tripId().string("name", "Item", 1, 200, true).string("category", "Category (default General)", 0, 100, false).build(),
                        itemOut, CREATE, w, ADDON, this::createItem),
                kit.tool("toggle_packing_item", "Check packing item", "Marks an item packed or not.",
                        Schema.input().tripId().id("itemId", "Item id", true).bool("checked", "Packed", true).build(),
                        itemOut, UPDATE, w, ADDON, this::toggleItem),
                kit.tool("delete_packing_item", "Delete packing item", "Deletes an item.",
                        Schema.input().tripId().id("itemId", "Item id", true).build(), Schema.success(), DELETE, w, ADDON, this::deleteItem),
                kit.tool("update_packing_item", "Update packing item", "Renames an item or moves it to another category.",
                        Schema.input().tripId().id("itemId", "Item id", true).string("name", "Item", 1, 200, false)
                                .string("category", "Category", 0, 100, false).build(),
                        itemOut, UPDATE, w, ADDON, this::updateItem),
                kit.tool("reorder_packing_items", "Reorder packing items", "Sets the order of items (ids in the new order).",
                        Schema.input().tripId().ids("orderedIds", "Item ids in order", 1, 1000, true).build(),
                        Schema.success(), UPDATE, w, ADDON, this::reorderItems),
                kit.tool("list_packing_bags", "List bags", "Lists the trip's bags with their members.",
                        Schema.input().tripId().build(), Schema.nested().objects("bags", true).buildOutput(), READ, r, ADDON, this::listBags),
                kit.tool("create_packing_bag", "Add bag", "Adds a bag.",
                        Schema.input().tripId().string("name", "Bag name", 1, 100, true).string("color", "Hex colour", 4, 7, false).build(),
                        bagOut, CREATE, w, ADDON, this::createBag),
                kit.tool("update_packing_bag", "Update bag", "Renames or recolours a bag.",
                        Schema.input().tripId().id("bagId", "Bag id", true).string("name", "Bag name", 1, 100, false)
                                .string("color", "Hex colour", 4, 7, false).build(),
                        bagOut, UPDATE, w, ADDON, this::updateBag),
                kit.tool("delete_packing_bag", "Delete bag", "Deletes a bag; its items stay, unassigned.",
                        Schema.input().tripId().id("bagId", "Bag id", true).build(), Schema.success(), DELETE, w, ADDON, this::deleteBag),
                kit.tool("set_bag_members", "Set bag members", "Replaces who carries a bag; every user id must be a trip member.",
                        Schema.input().tripId().id("bagId", "Bag id", true).ids("userIds", "Member user ids", 0, 200, true).build(),
                        Schema.success(), UPDATE, w, ADDON, this::setBagMembers),
                kit.tool("get_packing_category_assignees", "Get packing category assignees",
                        "Shows which members are responsible for which packing category.",
                        Schema.input().tripId().build(), Schema.nested().object("assignees", true).buildOutput(), READ, r, ADDON, this::getAssignees),
                kit.tool("set_packing_category_assignees", "Set packing category assignees",
                        "Replaces the members responsible for a packing category; every user id must be a trip member.",
                        Schema.input().tripId().string("categoryName", "Category", 1, 100, true).ids("userIds", "Member user ids", 0, 200, true).build(),
                        Schema.success(), UPDATE, w, ADDON, this::setAssignees),
                kit.tool("apply_packing_template", "Apply packing template", "Adds a template's items to the packing list.",
                        Schema.input().tripId().id("templateId", "Template id", true).build(),
                        Schema.nested().bool("success", "true", true).integer("count", "Items added", 0, null, true).buildOutput(),
                        CREATE, w, ADDON, this::applyTemplate),
                kit.tool("save_packing_template", "Save packing template", "Saves the trip's packing list as a reusable template.",
                        Schema.input().tripId().string("templateName", "Template name", 1, 100, true).build(),
                        Schema.nested().bool("success", "true", true).integer("templateId", "New template", 1, null, true).buildOutput(),
                        CREATE, w, ADDON, this::saveTemplate),
                kit.tool("bulk_import_packing", "Import packing items", "Adds up to 500 items at once (all or nothing).",
                        Schema.input().tripId().array("items", "Items", bulkItem, 1, 500, true).build(),
                        Schema.nested().bool("success", "true", true).integer("count", "Items added", 0, null, true).buildOutput(),
                        CREATE, w, ADDON, this::bulkImport));
    }

    private static JsonObject item(PackingItem p) {
        return JsonFactory.createObjectBuilder().add("item", p.toJson()).build();
    }

    private static JsonObject success() {
        return JsonFactory.createObjectBuilder().add("success", true).build();
    }

    private JsonObject createItem(ToolCall call) {
        Args a = new Args(call.arguments());
        return item(packing.createItem(call.userId(), a.id("tripId"), a.string("name"), a.optString("category"), null));
    }

    private JsonObject toggleItem(ToolCall call) {
        Args a = new Args(call.arguments());
        return item(packing.toggleItem(call.userId(), a.id("tripId"), a.id("itemId"), a.requiredBool("checked")));
    }

    private JsonObject deleteItem(ToolCall call) {
        Args a = new Args(call.arguments());
        packing.deleteItem(call.userId(), a.id("tripId"), a.id("itemId"));
        return success();
    }

    private JsonObject updateItem(ToolCall call) {
        Args a = new Args(call.arguments());
        return item(packing.updateItem(call.userId(), a.id("tripId"), a.id("itemId"), a.optString("name"), a.optString("category")));
    }

    private JsonObject reorderItems(ToolCall call) {
        Args a = new Args(call.arguments());
        packing.reorderItems(call.userId(), a.id("tripId"), a.ids("orderedIds"));
        return success();
    }

    private JsonObject listBags(ToolCall call) {
        long tripId = new Args(call.arguments()).id("tripId");
        List<PackingBag> bags = packing.bags(call.userId(), tripId);
        Map<Long, List<Long>> members = packing.bagMembers(tripId);
        return JsonFactory.createObjectBuilder().add("bags", Jsons.array(bags, b -> b.toJsonBuilder()
                .add("member_ids", Jsons.array(members.getOrDefault(b.getId(), List.of()), id -> id)))).build();
    }

    private JsonObject createBag(ToolCall call) {
        Args a = new Args(call.arguments());
        return JsonFactory.createObjectBuilder().add("bag", packing.createBag(call.userId(), a.id("tripId"), a.string("name"), a.optString("color")).toJson()).build();
    }

    private JsonObject updateBag(ToolCall call) {
        Args a = new Args(call.arguments());
        return JsonFactory.createObjectBuilder().add("bag", packing.updateBag(call.userId(), a.id("tripId"), a.id("bagId"), a.optString("name"),
                a.optString("color")).toJson()).build();
    }

    private JsonObject deleteBag(ToolCall call) {
        Args a = new Args(call.arguments());
        packing.deleteBag(call.userId(), a.id("tripId"), a.id("bagId"));
        return success();
    }

    private JsonObject setBagMembers(ToolCall call) {
        Args a = new Args(call.arguments());
        packing.setBagMembers(call.userId(), a.id("tripId"), a.id("bagId"), a.ids("userIds"));
        return success();
    }

    static JsonObject assignees(Map<String, List<Long>> map) {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder();
        map.forEach((k, v) -> b.add(k, Jsons.array(v, id -> id)));
        return JsonFactory.createObjectBuilder().add("assignees", b).build();
    }

    private JsonObject getAssignees(ToolCall call) {
        return assignees(packing.assignees(call.userId(), new Args(call.arguments()).id("tripId"), false));
    }

    private JsonObject setAssignees(ToolCall call) {
        Args a = new Args(call.arguments());
        packing.setAssignees(call.userId(), a.id("tripId"), false, a.string("categoryName"), a.ids("userIds"));
        return success();
    }

    private JsonObject applyTemplate(ToolCall call) {
        Args a = new Args(call.arguments());
        int n = packing.applyTemplate(call.userId(), a.id("tripId"), a.id("templateId"));
        return JsonFactory.createObjectBuilder().add("success", true).add("count", n).build();
    }

    private JsonObject saveTemplate(ToolCall call) {
        Args a = new Args(call.arguments());
        long id = packing.saveTemplate(call.userId(), a.id("tripId"), a.string("templateName")).getId();
        return JsonFactory.createObjectBuilder().add("success", true).add("templateId", id).build();
    }

    private JsonObject bulkImport(ToolCall call) {
        Args a = new Args(call.arguments());
        JsonValue raw = a.raw().get("items");
        if (raw == null || raw.getValueType() != JsonValue.ValueType.ARRAY || raw.asJsonArray().isEmpty()) {
            throw new InvalidParamsException("Invalid params: items must be a non-empty array.");
        }
        List<String[]> items = new ArrayList<>();
        List<Integer> quantities = new ArrayList<>();
        for (JsonValue v : raw.asJsonArray()) {
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidParamsException("Invalid params: items[] must be objects.");
            }
            Args i = new Args(v.asJsonObject());
            Integer q = i.optInt("quantity");
            if (q != null && q < 1) {
                throw new InvalidParamsException("Invalid params: items[].quantity must be positive.");
            }
            items.add(new String[] {i.string("name"), i.optString("category")});
            quantities.add(q);
        }
        int n = packing.bulkImport(call.userId(), a.id("tripId"), items, quantities);
        return JsonFactory.createObjectBuilder().add("success", true).add("count", n).build();
    }
}
