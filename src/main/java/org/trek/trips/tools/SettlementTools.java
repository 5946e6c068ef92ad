package org.trek.trips.tools;

import static org.trek.mcp.registry.ToolAnnotations.CREATE;
import static org.trek.mcp.registry.ToolAnnotations.DELETE;
import static org.trek.mcp.registry.ToolAnnotations.READ;
import static org.trek.mcp.registry.ToolAnnotations.UPDATE;
import static org.trek.trips.tools.TripParams.TRIP_ID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.List;
import org.trek.mcp.registry.ToolDefinition;
import org.trek.mcp.registry.ToolProvider;
import org.trek.mcp.toolkit.Call;
import org.trek.mcp.toolkit.Fields;
import org.trek.mcp.toolkit.Param;
import org.trek.mcp.toolkit.Results;
import org.trek.mcp.toolkit.Schema;
import org.trek.mcp.toolkit.ToolKit;
import org.trek.platform.JsonFactory;
import org.trek.platform.Jsons;
import org.trek.platform.addons.AddonId;
import org.trek.trips.BudgetSettlement;
import org.trek.trips.SettlementService;

/**
 * Budget settlements (TREK 3.4): recorded settle-up payments between trip members and the summary of who owes whom
 * (budget addon; budget:read to read, budget:write and the budget_edit permission to record).
 */
@ApplicationScoped
public class SettlementTools implements ToolProvider {
    static final AddonId ADDON = AddonId.BUDGET;

    @Inject
    ToolKit kit;

    @Inject
    SettlementService settlements;

    private List<ToolDefinition> tools;

    @Override
    public List<ToolDefinition> tools() {
        return tools;
    }

    static final Param<Long> SETTLEMENT_ID = Param.id("settlementId", "Settlement id (list_settlements)").required();
    static final Param<Long> FROM = Param.id("from_user_id", "User ID of the member who paid").required();
    static final Param<Long> TO = Param.id("to_user_id", "User ID of the member who received the payment").required();
    static final Param<BigDecimal> AMOUNT = Param.decimal("amount", "Amount paid, in the trip's currency (greater than 0)", 0.0)
            .required();
    static final Param<String> BASE = Param.string("base",
            "ISO currency code to compute balances in; only the trip currency is available (the default)", 0, 10);

    @PostConstruct
    void declare() {
        JsonObject settlementOut = Schema.nested().object("settlement", WireShapes.SETTLEMENT, true).buildOutput();
        String r = Scopes.BUDGET_READ;
        String w = Scopes.BUDGET_WRITE;
        tools = List.of(
                kit.tool("get_settlement_summary", "Get settlement summary",
                        "See each member's net balance and the suggested payments to settle shared expenses (an expense "
                                + "counts once it has members and someone marked as paid), after the recorded settlements. "
                                + "Amounts are in the trip currency. Call this before recording a settlement so you know who "
                                + "should pay whom and how much.",
                        Fields.of(TRIP_ID, BASE), Schema.nested().object("summary", WireShapes.SETTLEMENT_SUMMARY, true).buildOutput(), READ, r, ADDON,
                        this::summary),
                kit.tool("list_settlements", "List settlements",
                        "List the recorded settle-up payments for a trip (who paid whom, how much, when), newest first.",
                        Fields.of(TRIP_ID), Schema.nested().objects("settlements", WireShapes.SETTLEMENT, true).buildOutput(), READ, r, ADDON,
                        c -> JsonFactory.createObjectBuilder().add("settlements",
                                Jsons.array(settlements.list(c.userId(), c.get(TRIP_ID)), SettlementTools::settlement)).build()),
                kit.tool("create_settlement", "Record settlement",
                        "Record a settle-up payment: from_user_id paid to_user_id the given amount (in the trip currency) to "
                                + "settle shared expenses. Both must be trip members. Use get_settlement_summary first to find "
                                + "who owes whom and how much.",
                        Fields.of(TRIP_ID, FROM, TO, AMOUNT), settlementOut, CREATE, w, ADDON,
                        c -> Results.of("settlement", settlement(settlements.create(c.userId(), c.get(TRIP_ID), c.get(FROM),
                                c.get(TO), c.get(AMOUNT))))),
                kit.tool("update_settlement", "Update settlement",
                        "Update a recorded settle-up payment (who paid, who received, and the amount).",
                        Fields.of(TRIP_ID, SETTLEMENT_ID, FROM, TO, AMOUNT), settlementOut, UPDATE, w, ADDON,
                        c -> Results.of("settlement", settlement(settlements.update(c.userId(), c.get(TRIP_ID),
                                c.get(SETTLEMENT_ID), c.get(FROM), c.get(TO), c.get(AMOUNT))))),
                kit.tool("delete_settlement", "Delete settlement",
                        "Delete a recorded settle-up payment. This is the undo for create_settlement and restores the "
                                + "affected balances.",
                        Fields.of(TRIP_ID, SETTLEMENT_ID), Schema.success(), DELETE, w, ADDON, c -> {
                            settlements.delete(c.userId(), c.get(TRIP_ID), c.get(SETTLEMENT_ID));
                            return Results.success();
                        }));
    }

    /** The original's settlement row: ids, amount, creation, and both people's names (avatars: none here). */
    static JsonObjectBuilder settlement(SettlementService.Settlement s) {
        BudgetSettlement row = s.row();
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("id", row.getId());
        Jsons.put(b, "trip_id", row.getTripId());
        Jsons.put(b, "from_user_id", row.getFromUserId());
        Jsons.put(b, "to_user_id", row.getToUserId());
        Jsons.put(b, "amount", row.getAmount());
        Jsons.put(b, "created_at", SettlementService.timestamp(row.getCreatedAt()));
        Jsons.put(b, "created_by_user_id", row.getCreatedBy());
        Jsons.put(b, "from_username", s.fromUsername());
        b.addNull("from_avatar_url");
        Jsons.put(b, "to_username", s.toUsername());
        b.addNull("to_avatar_url");
        return b;
    }

    private JsonObject summary(Call c) {
        SettlementService.Summary s = settlements.summary(c.userId(), c.get(TRIP_ID), c.get(BASE));
        return Results.of("summary", balancesAndFlows(s).add("settlements", Jsons.array(s.settlements(), SettlementTools::settlement))
                .add("currency", s.currency()));
    }

    /**
     * Each member's balance and the payments that settle them, as get_settlement_summary and the
     * trek://trips/{tripId}/budget/settlement resource both give them (one computation: {@link SettlementService}).
     */
    public static JsonObjectBuilder balancesAndFlows(SettlementService.Summary s) {
        return JsonFactory.createObjectBuilder()
                .add("balances", Jsons.array(s.balances(), b -> person(b.userId(), b.username()).add("balance", b.balance())))
                .add("flows", Jsons.array(s.flows(), f -> JsonFactory.createObjectBuilder()
                        .add("from", person(f.fromUserId(), f.fromUsername()))
                        .add("to", person(f.toUserId(), f.toUsername()))
                        .add("amount", f.amount())));
    }

    private static JsonObjectBuilder person(long userId, String username) {
        return JsonFactory.createObjectBuilder().add("user_id", userId).add("username", username).addNull("avatar_url");
    }
}
