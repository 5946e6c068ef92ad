package org.trek.trips.prompts;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trek.platform.addons.AddonService;
import org.trek.mcp.registry.InvalidParamsException;
import org.trek.mcp.registry.PromptDefinition;
import org.trek.mcp.registry.PromptProvider;
import org.trek.mcp.registry.PromptRenderer.PromptMessage;
import org.trek.mcp.registry.PromptRenderer.PromptResult;
import org.trek.platform.auth.AccessGrant;
import org.trek.trips.PackingItem;
import org.trek.trips.PackingService;
import org.trek.trips.Trip;
import org.trek.trips.TripAccess;
import org.trek.trips.TripException;
import org.trek.trips.TripService;
import org.trek.trips.TripSummaryService;
import org.trek.trips.tools.Scopes;
import org.trek.trips.tools.TripTools;
import org.trek.platform.addons.AddonId;

/**
 * Prompts of the trip groups, gated by scope and addon like the tools (the original exposed packing and budget
 * figures to any session: reference §9.1.2). Figures come from the same services as the tools, so they agree.
 */
@ApplicationScoped
public class TripPrompts implements PromptProvider {

    @Inject TripSummaryService summaries;
    @Inject TripTools tripTools;
    @Inject TripAccess access;
    @Inject TripService trips;
    @Inject PackingService packing;
    @Inject AddonService addons;

    private List<PromptDefinition> prompts;

    @Override
    public List<PromptDefinition> prompts() {
        return prompts;
    }

    @PostConstruct
    void declare() {
        List<PromptDefinition.PromptArgument> tripArg = List.of(new PromptDefinition.PromptArgument("tripId", "Trip id (from list_trips)", true));
        prompts = List.of(
                new PromptDefinition("trip-summary", "Trip Summary", "A plain-text overview of a trip to start a conversation from.",
                        tripArg, Scopes.TRIPS_READ, null, this::tripSummary),
                new PromptDefinition("packing-list", "Packing List", "The packing list of a trip as a Markdown checklist by category.",
                        tripArg, Scopes.PACKING_READ, AddonId.PACKING.id(), this::packingList),
                new PromptDefinition("budget-overview", "Budget Overview", "Budget total, per-person average and per-category sums.",
                        tripArg, Scopes.BUDGET_READ, AddonId.BUDGET.id(), this::budgetOverview));
    }

    static long tripId(Map<String, String> args) {
        String v = args == null ? null : args.get("tripId");
        if (v == null || !v.trim().matches("[1-9]\\d{0,17}")) {
            throw new InvalidParamsException("Invalid params: tripId must be a positive integer.");
        }
        return Long.parseLong(v.trim());
    }

    private static void gate(AccessGrant grant, String scope, AddonService addons, AddonId addon) {
        if (!grant.allows(scope) || addon != null && !addons.isEnabled(addon)) {
            throw new InvalidParamsException("This prompt needs the " + scope + " scope" + (addon == null ? "" : " and the " + addon.id() + " addon") + ".");
        }
    }

    private Trip trip(AccessGrant grant, long tripId) {
        try {
            return access.access(grant.userId(), tripId).trip();
        } catch (TripException e) {
            throw new InvalidParamsException(TripException.NO_ACCESS);
        }
    }

    private PromptResult tripSummary(AccessGrant grant, Map<String, String> args) {
        gate(grant, Scopes.TRIPS_READ, addons, null);
        long id = tripId(args);
        trip(grant, id);
        TripSummaryService.Sections sections = tripTools.sections(grant);
        JsonObject s = summaries.summary(grant.userId(), id, sections);
        JsonObject t = s.getJsonObject("trip");
        StringBuilder b = new StringBuilder();
        b.append("Trip: ").append(t.getString("title")).append('\n');
        if (!t.isNull("description")) {
            b.append("Description: ").append(t.getString("description")).append('\n');
        }
        b.append("Dates: ").append(t.isNull("start_date") ? "?" : t.getString("start_date")).append(" to ")
                .append(t.isNull("end_date") ? "?" : t.getString("end_date")).append('\n');
        JsonObject members = s.getJsonObject("members");
        int count = 1 + members.getJsonArray("collaborators").size();
        StringBuilder names = new StringBuilder(members.getJsonObject("owner").getString("username"));
        members.getJsonArray("collaborators").forEach(c -> names.append(", ").append(c.asJsonObject().getString("username")));
        b.append("Members (").append(count).append("): ").append(names).append('\n');
        b.append("Days: ").append(s.getJsonArray("days").size()).append('\n');
        if (s.containsKey("packing")) {
            JsonObject p = s.getJsonObject("packing");
            b.append("Packing: ").append(p.getJsonNumber("checked").longValue()).append(" of ").append(p.getInt("total")).append(" packed\n");
        }
        if (s.containsKey("budget")) {
            JsonObject bu = s.getJsonObject("budget");
            b.append("Budget total: ").append(money(bu.getJsonNumber("total").bigDecimalValue())).append(' ').append(bu.getString("currency")).append('\n');
        }
        if (s.containsKey("reservations")) {
            b.append("Reservations: ").append(s.getJsonArray("reservations").size()).append('\n');
        }
        if (s.containsKey("collab_notes_more")) { // the collab notes are visible to this grant
            b.append("Collab notes: ").append(s.getJsonArray("collab_notes").size())
                    .append(s.getBoolean("collab_notes_more") ? "+" : "").append('\n');
        }
        b.append('\n');
        for (JsonValue dv : s.getJsonArray("days")) {
            JsonObject d = dv.asJsonObject();
            b.append("Day ").append(d.getInt("day_number"));
            if (!d.isNull("date")) {
                b.append(" (").append(d.getString("date")).append(')');
            }
            if (!d.isNull("title")) {
                b.append(": ").append(d.getString("title"));
            }
            if (d.containsKey("assignments")) {
                b.append(" - ").append(d.getJsonArray("assignments").size()).append(" place(s)");
            }
            b.append('\n');
        }
        b.append("\nPlease help me plan and review this trip.");
        return new PromptResult("Summary of trip " + t.getString("title"), List.of(new PromptMessage("user", b.toString())));
    }

    private PromptResult packingList(AccessGrant grant, Map<String, String> args) {
        gate(grant, Scopes.PACKING_READ, addons, AddonId.PACKING);
        long id = tripId(args);
        Trip trip = trip(grant, id);
        List<PackingItem> items = packing.items(grant.userId(), id, 10_000, 0).items();
        if (items.isEmpty()) {
            return new PromptResult("Packing list", List.of(new PromptMessage("user", "No packing items found for this trip.")));
        }
        Map<String, StringBuilder> byCategory = new LinkedHashMap<>();
        for (PackingItem p : items) {
            byCategory.computeIfAbsent(p.getCategory(), k -> new StringBuilder())
                    .append(p.isChecked() ? "- [x] " : "- [ ] ").append(p.getName())
                    .append(p.getQuantity() > 1 ? " (x" + p.getQuantity() + ")" : "").append('\n');
        }
        StringBuilder b = new StringBuilder("# Packing List: ").append(trip.getTitle()).append("\n\n");
        byCategory.forEach((c, lines) -> b.append("## ").append(c).append('\n').append(lines).append('\n'));
        long checked = items.stream().filter(PackingItem::isChecked).count();
        b.append(items.size()).append(" items in ").append(byCategory.size()).append(" categories, ").append(checked).append(" packed.");
        return new PromptResult("Packing list of " + trip.getTitle(), List.of(new PromptMessage("user", b.toString())));
    }

    private PromptResult budgetOverview(AccessGrant grant, Map<String, String> args) {
        gate(grant, Scopes.BUDGET_READ, addons, AddonId.BUDGET);
        long id = tripId(args);
        Trip trip = trip(grant, id);
        TripSummaryService.BudgetFigures f = summaries.budgetFigures(id);
        if (f.itemCount() == 0) {
            return new PromptResult("Budget overview", List.of(new PromptMessage("user", "No expenses recorded.")));
        }
        int members = trips.members(trip).size();
        String cur = trip.getCurrency();
        StringBuilder b = new StringBuilder("# Budget Overview: ").append(trip.getTitle()).append("\n\n");
        b.append("Total: ").append(money(f.total())).append(' ').append(cur).append('\n');
        b.append("Per person (").append(members).append(" people): ")
                .append(money(f.total().divide(BigDecimal.valueOf(members), 2, RoundingMode.HALF_UP))).append(' ').append(cur).append("\n\n");
        b.append("## By category\n");
        f.byCategory().forEach((c, sum) -> b.append("- ").append(c).append(": ").append(money(sum)).append(' ').append(cur).append('\n'));
        return new PromptResult("Budget of " + trip.getTitle(), List.of(new PromptMessage("user", b.toString())));
    }

    static String money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
