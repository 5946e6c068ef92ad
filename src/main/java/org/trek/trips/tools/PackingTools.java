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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trek.mcp.registry.ToolDefinition;
import org.trek.mcp.toolkit.Args;
import org.trek.mcp.toolkit.Call;
import org.trek.trips.PlaceService;
import org.trek.mcp.toolkit.Fields;
import org.trek.mcp.toolkit.Param;
import org.trek.mcp.toolkit.Results;
import org.trek.mcp.toolkit.Schema;
import org.trek.mcp.toolkit.ToolKit;
import org.trek.platform.addons.AddonId;
import org.trek.mcp.registry.ToolProvider;
import org.trek.platform.Jsons;
import org.trek.trips.PackingBag;
import org.trek.trips.PackingItem;
import org.trek.trips.PackingService;

/** Packing tools (packing addon; packing:read / packing:write; packing_edit permission). */
@ApplicationScoped
public class PackingTools implements ToolProvider {
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

    static final Param<Long> ITEM_ID = Param.id("itemId", "Item id").required();
    static final Param<String> ITEM = Param.string("name", "Item", 1, 200);
    static final Param<String> NEW_CATEGORY = Param.string("category", "Category (default General)", 0, 100);
    static final Param<String> CATEGORY = Param.string("category", "Category", 0, 100);
    static final Param<Boolean> CHECKED = Param.bool("checked", "Packed").required();
    static final Param<List<Long>> ORDERED_IDS = Param.ids("orderedIds", "Item ids in order", 1, 1000).required();
    static final Param<Long> BAG_ID = Param.id("bagId", "Bag id").required();
    static final Param<String> BAG_NAME = Param.string("name", "Bag name", 1, 100);
    static final Param<String> COLOR = Param.string("color", "Hex colour", 4, 7);
    static final Param<Long> TEMPLATE_ID = Param.id("templateId", "Template id").required();
    static final Param<String> TEMPLATE_NAME = Param.string("templateName", "Template name", 1, 100).required();
    static final Param<Integer> QUANTITY = Param.integer("quantity", "Quantity", 1, 1000);
    static final Param<List<Args>> ITEMS = Param.objects("items", "Items", Fields.of(ITEM.required(), CATEGORY, QUANTITY), 1, 500)
            .required();

    @PostConstruct
    void declare() {
        JsonObject itemOut = Schema.nested().object("item", WireShapes.PACKING_ITEM, true).buildOutput();
        JsonObject bagOut = Schema.nested().object("bag", WireShapes.BAG, true).buildOutput();
        JsonObject countOut = Schema.nested().bool("success", "true", true).integer("count", "Items added", 0, null, true).buildOutput();
        String w = Scopes.PACKING_WRITE;
        String r = Scopes.PACKING_READ;
        tools = List.of(
                kit.tool("create_packing_item", "Add packing item", "Adds an item to the packing list.",
                        Fields.of(TRIP_ID, ITEM.required(), NEW_CATEGORY), itemOut, CREATE, w, ADDON,
                        c -> item(packing.createItem(c.userId(), c.get(TRIP_ID), c.get(ITEM), c.get(NEW_CATEGORY), null))),
                kit.tool("toggle_packing_item", "Check packing item", "Marks an item packed or not.",
                        Fields.of(TRIP_ID, ITEM_ID, CHECKED), itemOut, UPDATE, w, ADDON,
                        c -> item(packing.toggleItem(c.userId(), c.get(TRIP_ID), c.get(ITEM_ID), c.get(CHECKED)))),
                kit.tool("delete_packing_item", "Delete packing item", "Deletes an item.",
                        Fields.of(TRIP_ID, ITEM_ID), Schema.success(), DELETE, w, ADDON, c -> {
                            packing.deleteItem(c.userId(), c.get(TRIP_ID), c.get(ITEM_ID));
                            return Results.success();
                        }),
                kit.tool("update_packing_item", "Update packing item", "Renames an item or moves it to another category.",
                        Fields.of(TRIP_ID, ITEM_ID, ITEM, CATEGORY), itemOut, UPDATE, w, ADDON,
                        c -> item(packing.updateItem(c.userId(), c.get(TRIP_ID), c.get(ITEM_ID), c.get(ITEM), c.get(CATEGORY)))),
                kit.tool("reorder_packing_items", "Reorder packing items", "Sets the order of items (ids in the new order).",
                        Fields.of(TRIP_ID, ORDERED_IDS), Schema.success(), UPDATE, w, ADDON, c -> {
                            packing.reorderItems(c.userId(), c.get(TRIP_ID), c.get(ORDERED_IDS));
                            return Results.success();
                        }),
                kit.tool("list_packing_bags", "List bags", "Lists the trip's bags with their members.",
                        Fields.of(TRIP_ID), Schema.nested().objects("bags", WireShapes.LISTED_BAG, true).buildOutput(), READ, r, ADDON, this::listBags),
                kit.tool("create_packing_bag", "Add bag", "Adds a bag.",
                        Fields.of(TRIP_ID, BAG_NAME.required(), COLOR), bagOut, CREATE, w, ADDON,
                        c -> bag(packing.createBag(c.userId(), c.get(TRIP_ID), c.get(BAG_NAME), c.get(COLOR)))),
                kit.tool("update_packing_bag", "Update bag", "Renames or recolours a bag.",
                        Fields.of(TRIP_ID, BAG_ID, BAG_NAME, COLOR), bagOut, UPDATE, w, ADDON,
                        c -> bag(packing.updateBag(c.userId(), c.get(TRIP_ID), c.get(BAG_ID), c.get(BAG_NAME), c.get(COLOR)))),
                kit.tool("delete_packing_bag", "Delete bag", "Deletes a bag; its items stay, unassigned.",
                        Fields.of(TRIP_ID, BAG_ID), Schema.success(), DELETE, w, ADDON, c -> {
                            packing.deleteBag(c.userId(), c.get(TRIP_ID), c.get(BAG_ID));
                            return Results.success();
                        }),
                kit.tool("set_bag_members", "Set bag members", "Replaces who carries a bag; every user id must be a trip member.",
                        Fields.of(TRIP_ID, BAG_ID, MEMBER_IDS), Schema.success(), UPDATE, w, ADDON, c -> {
                            packing.setBagMembers(c.userId(), c.get(TRIP_ID), c.get(BAG_ID), c.get(MEMBER_IDS));
                            return Results.success();
                        }),
                kit.tool("get_packing_category_assignees", "Get packing category assignees",
                        "Shows which members are responsible for which packing category.",
                        Fields.of(TRIP_ID), Schema.nested().map("assignees", WireShapes.PERSON, true).buildOutput(), READ, r, ADDON,
                        c -> assignees(packing.assignees(c.userId(), c.get(TRIP_ID), false))),
                kit.tool("set_packing_category_assignees", "Set packing category assignees",
                        "Replaces the members responsible for a packing category; every user id must be a trip member.",
                        Fields.of(TRIP_ID, CATEGORY_NAME, MEMBER_IDS), Schema.success(), UPDATE, w, ADDON, c -> {
                            packing.setAssignees(c.userId(), c.get(TRIP_ID), false, c.get(CATEGORY_NAME), c.get(MEMBER_IDS));
                            return Results.success();
                        }),
                kit.tool("apply_packing_template", "Apply packing template", "Adds a template's items to the packing list.",
                        Fields.of(TRIP_ID, TEMPLATE_ID), Schema.nested().bool("success", "true", true).objects("items", WireShapes.PACKING_ITEM, true)
                                .integer("count", "Items added", 0, null, true).buildOutput(), CREATE, w, ADDON,
                        c -> {
                            // The original (3.4) answers the added items and their count; success is ours.
                            List<PackingItem> added = packing.applyTemplate(c.userId(), c.get(TRIP_ID), c.get(TEMPLATE_ID));
                            return JsonFactory.createObjectBuilder().add("success", true).add("items", Jsons.array(added, PackingItem::toJson))
                                    .add("count", added.size()).build();
                        }),
                kit.tool("save_packing_template", "Save packing template", "Saves the trip's packing list as a reusable template.",
                        Fields.of(TRIP_ID, TEMPLATE_NAME),
                        Schema.nested().bool("success", "true", true).integer("templateId", "New template", 1, null, true).buildOutput(),
                        CREATE, w, ADDON, this::saveTemplate),
                kit.tool("bulk_import_packing", "Import packing items", "Adds up to 500 items at once (all or nothing).",
                        Fields.of(TRIP_ID, ITEMS), countOut, CREATE, w, ADDON, this::bulkImport),
                kit.tool("list_packing_templates", "List packing templates",
                        "List the reusable packing templates (id, name, item count) so one can be applied with "
                                + "apply_packing_template: your own and the instance templates saved by an admin.",
                        Fields.of(TRIP_ID), Schema.nested().objects("templates", WireShapes.TEMPLATE, true).buildOutput(), READ, r, ADDON,
                        this::listTemplates),
                kit.tool("delete_packing_template", "Delete packing template",
                        "Delete a reusable packing template: one you saved, or (admins) an instance template. Trips that "
                                + "applied it keep their items.",
                        Fields.of(TEMPLATE_ID), Schema.nested().bool("success", "true", true)
                                .string("name", "The deleted template's name", 1, 0, true).buildOutput(),
                        DELETE, w, ADDON, this::deleteTemplate));
    }

    private static JsonObject item(PackingItem p) {
        return Results.of("item", p.toJson());
    }

    private static JsonObject count(int n) {
        return JsonFactory.createObjectBuilder().add("success", true).add("count", n).build();
    }

    private JsonObject listBags(Call call) {
        return JsonFactory.createObjectBuilder().add("bags", packing.bagsWithMembers(call.userId(), call.get(TRIP_ID))).build();
    }

    /** Category → its assignees ({user_id, username, avatar}), the original's map. */
    static JsonObject assignees(Map<String, List<PlaceService.Participant>> map) {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder();
        map.forEach((k, v) -> b.add(k, Jsons.array(v, PlaceService.Participant::toJson)));
        return Results.of("assignees", b);
    }

    private JsonObject bag(PackingBag b) {
        return Results.of("bag", Jsons.put(b.toJsonBuilder(), "assigned_username", packing.username(b.getUserId())));
    }

    private JsonObject saveTemplate(Call call) {
        long id = packing.saveTemplate(call.userId(), call.get(TRIP_ID), call.get(TEMPLATE_NAME)).getId();
        return JsonFactory.createObjectBuilder().add("success", true).add("templateId", id).build();
    }

    private JsonObject bulkImport(Call call) {
        List<String[]> items = new ArrayList<>();
        List<Integer> quantities = new ArrayList<>();
        for (Args i : call.get(ITEMS)) {
            items.add(new String[] {i.get(ITEM), i.get(CATEGORY)});
            quantities.add(i.get(QUANTITY));
        }
        return count(packing.bulkImport(call.userId(), call.get(TRIP_ID), items, quantities));
    }

    @Inject
    org.trek.trips.PackingTemplateService templates;

    private JsonObject listTemplates(Call call) {
        return JsonFactory.createObjectBuilder().add("templates", Jsons.array(templates.list(call.userId(), call.get(TRIP_ID)),
                t -> JsonFactory.createObjectBuilder().add("id", t.id()).add("name", t.name()).add("item_count", t.itemCount())))
                .build();
    }

    private JsonObject deleteTemplate(Call call) {
        String name = templates.delete(call.userId(), call.get(TEMPLATE_ID));
        return JsonFactory.createObjectBuilder().add("success", true).add("name", name).build();
    }
}
