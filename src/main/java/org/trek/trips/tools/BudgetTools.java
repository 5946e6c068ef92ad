package org.trek.trips.tools;

import static org.trek.mcp.registry.ToolAnnotations.CREATE;
import static org.trek.mcp.registry.ToolAnnotations.DELETE;
import static org.trek.mcp.registry.ToolAnnotations.UPDATE;
import static org.trek.trips.tools.TripParams.MEMBER_ID;
import static org.trek.trips.tools.TripParams.MEMBER_IDS;
import static org.trek.trips.tools.TripParams.TRIP_ID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trek.platform.JsonFactory;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.trek.mcp.registry.ToolDefinition;
import org.trek.mcp.toolkit.Call;
import org.trek.mcp.toolkit.Fields;
import org.trek.mcp.toolkit.Param;
import org.trek.mcp.toolkit.Results;
import org.trek.mcp.toolkit.Schema;
import org.trek.mcp.toolkit.ToolKit;
import org.trek.platform.addons.AddonId;
import org.trek.mcp.registry.ToolProvider;
import org.trek.trips.BudgetItem;
import org.trek.trips.BudgetItemMember;
import org.trek.trips.BudgetService;
import org.trek.platform.Jsons;

/** Budget tools (budget addon, budget:write, budget_edit permission). */
@ApplicationScoped
public class BudgetTools implements ToolProvider {
    static final AddonId ADDON = AddonId.BUDGET;

    @Inject
    ToolKit kit;

    @Inject
    BudgetService budget;

    private List<ToolDefinition> tools;

    @Override
    public List<ToolDefinition> tools() {
        return tools;
    }

    static final Param<Long> ITEM_ID = Param.id("itemId", "Budget item id").required();
    static final Param<String> NAME = Param.string("name", "Expense name", 1, 200);
    static final Param<String> CATEGORY = Param.string("category", "Category (default Other)", 0, 100);
    static final Param<BigDecimal> TOTAL_PRICE = Param.decimal("total_price", "Total amount in the trip currency", 0.0);
    static final Param<String> NOTE = Param.string("note", "Note", 0, 500);
    static final Param<Integer> PERSONS = Param.nullableInteger("persons", "Persons", 1, null);
    static final Param<Integer> DAYS = Param.nullableInteger("days", "Days", 1, null);
    static final Param<String> NEW_NOTE = Param.nullableString("note", "Note", 500);
    static final Param<List<Long>> SPLIT = Param.ids("userIds", "Member user ids (list_trip_members)", 0, 200).orElse(List.of());
    static final Param<Boolean> PAID = Param.bool("paid", "Paid or not").required();

    private static Fields item(Fields f, boolean creating) {
        return f.and(creating ? NAME.required() : NAME, CATEGORY, creating ? TOTAL_PRICE.required() : TOTAL_PRICE);
    }

    @PostConstruct
    void declare() {
        JsonObject itemOut = Schema.nested().object("item", WireShapes.BUDGET_ITEM, true).buildOutput();
        JsonObject splitOut = Schema.nested().object("item", WireShapes.SPLIT_ITEM, true).buildOutput();
        String w = Scopes.BUDGET_WRITE;
        tools = List.of(
                kit.tool("create_budget_item", "Add expense", "Adds a budget item in the trip currency.",
                        item(Fields.of(TRIP_ID), true).and(NOTE), itemOut, CREATE, w, ADDON,
                        c -> item(budget.create(c.userId(), c.get(TRIP_ID), created(c), null))),
                kit.tool("update_budget_item", "Update expense", "Changes a budget item; omitted fields stay, null clears.",
                        item(Fields.of(TRIP_ID, ITEM_ID), false).and(PERSONS, DAYS, NEW_NOTE), itemOut, UPDATE, w, ADDON,
                        c -> item(budget.update(c.userId(), c.get(TRIP_ID), c.get(ITEM_ID), changed(c)))),
                kit.tool("delete_budget_item", "Delete expense", "Deletes a budget item. Confirm first.",
                        Fields.of(TRIP_ID, ITEM_ID), Schema.success(), DELETE, w, ADDON, c -> {
                            budget.delete(c.userId(), c.get(TRIP_ID), c.get(ITEM_ID));
                            return Results.success();
                        }),
                kit.tool("create_budget_item_with_members", "Add shared expense",
                        "Adds a budget item split between trip members, in one transaction.",
                        item(Fields.of(TRIP_ID), true).and(NOTE, SPLIT), splitOut, CREATE, w, ADDON,
                        c -> split(budget.create(c.userId(), c.get(TRIP_ID), created(c), c.get(SPLIT)))),
                kit.tool("set_budget_item_members", "Set expense split",
                        "Replaces who shares a budget item; every user id must be a trip member. Empty clears.",
                        Fields.of(TRIP_ID, ITEM_ID, MEMBER_IDS), splitOut, UPDATE, w, ADDON,
                        c -> split(budget.setMembers(c.userId(), c.get(TRIP_ID), c.get(ITEM_ID), c.get(MEMBER_IDS)))),
                kit.tool("toggle_budget_member_paid", "Mark share paid",
                        "Marks whether a member has paid their share of a budget item of this trip.",
                        Fields.of(TRIP_ID, ITEM_ID, MEMBER_ID, PAID),
                        Schema.nested().object("member", WireShapes.BUDGET_MEMBER, true).buildOutput(), UPDATE, w, ADDON,
                        c -> Results.of("member", budget.setPaid(c.userId(), c.get(TRIP_ID), c.get(ITEM_ID), c.get(MEMBER_ID),
                                c.get(PAID)).toJson())));
    }

    private static BudgetService.ItemFields created(Call c) {
        return new BudgetService.ItemFields(c.get(NAME), c.get(CATEGORY), c.get(TOTAL_PRICE), null, false, null, false,
                c.get(NOTE), false);
    }

    private static BudgetService.ItemFields changed(Call c) {
        return new BudgetService.ItemFields(c.get(NAME), c.get(CATEGORY), c.get(TOTAL_PRICE), c.get(PERSONS), c.isNull(PERSONS),
                c.get(DAYS), c.isNull(DAYS), c.get(NEW_NOTE), c.isNull(NEW_NOTE));
    }

    private JsonObject item(BudgetItem b) {
        return Results.of("item", b.toJsonBuilder().add("members", Jsons.array(budget.members(b.getId()), BudgetItemMember::toJson)));
    }

    /**
     * The answer of the split tools: the original nests the item in {@code item.item} beside {@code item.members};
     * the item's fields are also given flat (as create_budget_item gives them), so both readings work.
     */
    private JsonObject split(BudgetItem b) {
        return Results.of("item", b.toJsonBuilder().add("members", Jsons.array(budget.members(b.getId()), BudgetItemMember::toJson))
                .add("item", b.toJsonBuilder()));
    }
}
