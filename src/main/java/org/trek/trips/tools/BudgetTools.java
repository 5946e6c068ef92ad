package org.trek.trips.tools;

import static org.trek.mcp.registry.ToolAnnotations.CREATE;
import static org.trek.mcp.registry.ToolAnnotations.DELETE;
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
import org.trek.trips.BudgetItem;
import org.trek.trips.BudgetItemMember;
import org.trek.trips.BudgetService;
import org.trek.platform.Jsons;

/** Budget tools (budget addon, budget:write, budget_edit permission). */
@ApplicationScoped
public class BudgetTools implements ToolProvider {
    public static final String ADDON = "budget";

    @Inject
    ToolKit kit;

    @Inject
    BudgetService budget;

    private List<ToolDefinition> tools;

    @Override
    public List<ToolDefinition> tools() {
        return tools;
    }

    private static Schema itemFields(Schema s, boolean creating) {
        return s.string("name", "Expense name", 1, 200, creating).string("category", "Category (default Other)", 0, 100, false)
                .number("total_price", "Total amount in the trip currency", 0.0, creating);
    }

    @PostConstruct
    void declare() {
        JsonObject itemOut = Schema.nested().object("item", true).buildOutput();
        String w = Scopes.BUDGET_WRITE;
        tools = List.of(
                kit.tool("create_budget_item", "Add expense", "Adds a budget item in the trip currency.",
                        itemFields(Schema.input().tripId(), true).string("note", "Note", 0, 500, false).build(),
                        itemOut, CREATE, w, ADDON, this::create),
                kit.tool("update_budget_item", "Update expense", "Changes a budget item; omitted fields stay, null clears.",
                        itemFields(Schema.input().tripId().id("itemId", "Budget item id", true), false)
                                .nullableInteger("persons", "Persons", 1, null).nullableInteger("days", "Days", 1, null)
                                .nullableString("note", "Note", 500, false).build(),
                        itemOut, UPDATE, w, ADDON, this::update),
                kit.tool("delete_budget_item", "Delete expense", "Deletes a budget item. Confirm first.",
                        Schema.input().tripId().id("itemId", "Budget item id", true).build(), Schema.success(), DELETE, w, ADDON, this::delete),
                kit.tool("create_budget_item_with_members", "Add shared expense",
                        "Adds a budget item split between trip members, in one transaction.",
                        itemFields(Schema.input().tripId(), true).string("note", "Note", 0, 500, false)
                                .ids("userIds", "Member user ids (list_trip_members)", 0, 200, false).build(),
                        itemOut, CREATE, w, ADDON, this::createWithMembers),
                kit.tool("set_budget_item_members", "Set expense split",
                        "Replaces who shares a budget item; every user id must be a trip member. Empty clears.",
                        Schema.input().tripId().id("itemId", "Budget item id", true).ids("userIds", "Member user ids", 0, 200, true).build(),
                        itemOut, UPDATE, w, ADDON, this::setMembers),
                kit.tool("toggle_budget_member_paid", "Mark share paid",
                        "Marks whether a member has paid their share of a budget item of this trip.",
                        Schema.input().tripId().id("itemId", "Budget item id", true).id("memberId", "The member's user id", true)
                                .bool("paid", "Paid or not", true).build(),
                        Schema.nested().object("member", true).buildOutput(), UPDATE, w, ADDON, this::togglePaid));
    }

    private static BudgetService.ItemFields fields(Args a) {
        return new BudgetService.ItemFields(a.optString("name"), a.optString("category"), a.optDecimal("total_price"),
                a.optInt("persons"), a.isNull("persons"), a.optInt("days"), a.isNull("days"), a.optString("note"), a.isNull("note"));
    }

    private JsonObject item(BudgetItem b) {
        return JsonFactory.createObjectBuilder().add("item", b.toJsonBuilder()
                .add("members", Jsons.array(budget.members(b.getId()), BudgetItemMember::toJson))).build();
    }

    private JsonObject create(ToolCall call) {
        Args a = new Args(call.arguments());
        return item(budget.create(call.userId(), a.id("tripId"), fields(a), null));
    }

    private JsonObject update(ToolCall call) {
        Args a = new Args(call.arguments());
        return item(budget.update(call.userId(), a.id("tripId"), a.id("itemId"), fields(a)));
    }

    private JsonObject delete(ToolCall call) {
        Args a = new Args(call.arguments());
        budget.delete(call.userId(), a.id("tripId"), a.id("itemId"));
        return JsonFactory.createObjectBuilder().add("success", true).build();
    }

    private JsonObject createWithMembers(ToolCall call) {
        Args a = new Args(call.arguments());
        List<Long> ids = a.ids("userIds");
        return item(budget.create(call.userId(), a.id("tripId"), fields(a), ids == null ? List.of() : ids));
    }

    private JsonObject setMembers(ToolCall call) {
        Args a = new Args(call.arguments());
        return item(budget.setMembers(call.userId(), a.id("tripId"), a.id("itemId"), a.ids("userIds")));
    }

    private JsonObject togglePaid(ToolCall call) {
        Args a = new Args(call.arguments());
        BudgetItemMember m = budget.setPaid(call.userId(), a.id("tripId"), a.id("itemId"), a.id("memberId"), a.requiredBool("paid"));
        return JsonFactory.createObjectBuilder().add("member", m.toJson()).build();
    }
}
