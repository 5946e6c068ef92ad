package org.trek.trips.resources;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trek.platform.JsonFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.trek.platform.addons.AddonService;
import org.trek.mcp.registry.ResourceContents;
import org.trek.mcp.registry.ResourceDefinition;
import org.trek.mcp.registry.ResourceNotFoundException;
import org.trek.mcp.registry.ResourceAccess;
import org.trek.mcp.registry.ResourceProvider;
import org.trek.platform.auth.AccessGrant;
import org.trek.trips.BudgetItem;
import org.trek.trips.BudgetReport;
import org.trek.trips.BudgetService;
import org.trek.trips.Category;
import org.trek.trips.DayNote;
import org.trek.platform.Jsons;
import org.trek.trips.PackingBag;
import org.trek.trips.PackingItem;
import org.trek.trips.PackingService;
import org.trek.trips.Place;
import org.trek.trips.PlaceService;
import org.trek.trips.Reservation;
import org.trek.trips.ReservationService;
import org.trek.trips.TodoItem;
import org.trek.trips.Trip;
import org.trek.trips.TripAccess;
import org.trek.trips.TripException;
import org.trek.trips.TripService;
import org.trek.trips.TripSummaryService;
import org.trek.trips.tools.Scopes;
import org.trek.trips.tools.TripTools;
import org.trek.platform.addons.AddonId;

/**
 * The trek:// resources of the trip groups. Each reader checks the grant's scope and the addon again (defence in
 * depth) and answers an inaccessible or unknown trip with {@link ResourceNotFoundException} (a protocol error,
 * not a JSON text). Lists are capped at {@value #CAP} entries with a "more" flag; the tools paginate.
 */
@ApplicationScoped
public class TripResources implements ResourceProvider, ResourceAccess {
    public static final int CAP = 200;
    private static final String JSON = "application/json";

    @Inject TripService trips;
    @Inject org.trek.trips.DayService days;
    @Inject TripAccess access;
    @Inject PlaceService places;
    @Inject ReservationService reservations;
    @Inject BudgetService budget;
    @Inject BudgetReport budgetReport;
    @Inject org.trek.trips.SettlementService settlements;
    @Inject PackingService packing;
    @Inject TripSummaryService summaries;
    @Inject TripTools tripTools;
    @Inject AddonService addons;
    @Inject org.trek.trips.TripViews views;

    private List<ResourceDefinition> resources;

    @Override
    public List<ResourceDefinition> resources() {
        return resources;
    }

    /**
     * Whether the grant's user may still read a trip resource, for MCP subscriptions: the trip must exist and the user
     * must own it or be a member (scope and addon are the MCP layer's checks). Two indexed reads, no content built.
     */
    @Override
    public java.util.Optional<Boolean> mayRead(AccessGrant grant, String uri, Map<String, String> variables) {
        if (!uri.startsWith("trek://")) {
            return java.util.Optional.empty();
        }
        String tripId = variables == null ? null : variables.get("tripId");
        if (tripId == null) {
            return java.util.Optional.of(true); // trek://trips and trek://categories: the caller's own view
        }
        try {
            long trip = id(variables, "tripId");
            access.access(grant.userId(), trip);
            if (variables.containsKey("dayId")) {
                access.owned(org.trek.trips.TripDay.class, id(variables, "dayId"), trip, "Day");
            }
            return java.util.Optional.of(true);
        } catch (TripException | NumberFormatException e) {
            return java.util.Optional.of(false);
        }
    }

    /** A reader body: (grant, variables) → JSON. */
    /** What a resource answers: a JSON value, or a {@link Capped} list. */
    private interface Body extends BiFunction<AccessGrant, Map<String, String>, Object> {
    }

    /**
     * A list cut at {@link #CAP}: the original's bare array, and, when rows were left out, {@code _meta}
     * {@code {"trek/truncated": true}} on the contents (the tools page through everything).
     */
    private record Capped(jakarta.json.JsonArray items, boolean more) {
        static <T> Capped of(List<T> rows, boolean more, java.util.function.Function<T, ?> map) {
            return new Capped(Jsons.array(rows.subList(0, Math.min(rows.size(), CAP)), map).build(), more || rows.size() > CAP);
        }
    }

    static final jakarta.json.JsonObject TRUNCATED = JsonFactory.createObjectBuilder().add("trek/truncated", true).build();

    private ResourceDefinition fixed(String uri, String name, String title, String description, String scope, AddonId addon, Body body) {
        return new ResourceDefinition(uri, null, name, title, description, JSON, scope, addon == null ? null : addon.id(), reader(scope, addon, body));
    }

    private ResourceDefinition template(String uriTemplate, String name, String title, String description, String scope, AddonId addon, Body body) {
        return new ResourceDefinition(null, uriTemplate, name, title, description, JSON, scope, addon == null ? null : addon.id(), reader(scope, addon, body));
    }

    private org.trek.mcp.registry.ResourceReader reader(String scope, AddonId addon, Body body) {
        return (grant, uri, vars) -> {
            if (scope != null && !grant.allows(scope) || addon != null && !addons.isEnabled(addon)) {
                throw new ResourceNotFoundException(uri);
            }
            try {
                Map<String, String> all = new java.util.HashMap<>(vars == null ? Map.of() : vars);
                String assignment = query(uri, "assignment");
                if (assignment != null) {
                    all.putIfAbsent("assignment", assignment);
                }
                Object answer = body.apply(grant, all);
                if (answer instanceof Capped c) {
                    return new ResourceContents(uri, JSON, c.items().toString(), null, c.more() ? TRUNCATED : null);
                }
                return new ResourceContents(uri, JSON, answer.toString());
            } catch (TripException | IllegalArgumentException e) {
                throw new ResourceNotFoundException(uri);
            }
        };
    }

    private static long id(Map<String, String> vars, String key) {
        String v = vars.get(key);
        if (v == null || !v.matches("[1-9]\\d{0,17}")) {
            throw new NumberFormatException(key);
        }
        return Long.parseLong(v);
    }

    @PostConstruct
    void declare() {
        String tr = Scopes.TRIPS_READ;
        resources = List.of(
                fixed("trek://trips", "trips", "Your trips", "Trips you own or are a member of (not archived).", tr, null, (g, v) -> {
                    TripService.Page<Trip> page = trips.list(g.userId(), false, CAP, 0);
                    return Capped.of(page.items(), page.nextCursor() != null, Trip::toJson);
                }),
                fixed("trek://categories", "categories", "Place categories", "Every place category of this server.", null, null,
                        (g, v) -> Jsons.array(places.categories(), Category::toJson).build()),
                template("trek://trips/{tripId}", "trip", "Trip", "A trip with its member count.", tr, null, (g, v) -> {
                    long t = id(v, "tripId");
                    Trip trip = access.access(g.userId(), t).trip();
                    // The original's trip as list_trips gives it; member_count is ours.
                    return trips.listed(g.userId(), t).toJsonBuilder().add("member_count", trips.members(trip).size()).build();
                }),
                template("trek://trips/{tripId}/days", "trip-days", "Trip days",
                        "The days of a trip, with their assignments when you may read places.", tr, null, (g, v) -> {
                    long t = id(v, "tripId");
                    access.access(g.userId(), t);
                    // Without places:read the days come without their assignments (the places they name).
                    return views.days(t, g.allows(Scopes.PLACES_READ)).build();
                }),
                template("trek://trips/{tripId}/days/{dayId}/notes", "day-notes", "Day notes", "The notes of one day.", tr, null,
                        (g, v) -> Jsons.array(days.notes(g.userId(), id(v, "tripId"), id(v, "dayId")), DayNote::toJson).build()),
                template("trek://trips/{tripId}/accommodations", "trip-accommodations", "Accommodations", "Where the travellers sleep.", tr, null, (g, v) -> {
                    long t = id(v, "tripId");
                    access.access(g.userId(), t);
                    return views.accommodations(t, g.allows(Scopes.RESERVATIONS_READ)).build();
                }),
                template("trek://trips/{tripId}/members", "trip-members", "Trip members", "The owner and the members of a trip.", tr, null, (g, v) -> {
                    List<TripService.MemberView> m = trips.members(g.userId(), id(v, "tripId"));
                    return JsonFactory.createObjectBuilder().add("owner", m.get(0).toJson())
                            .add("members", Jsons.array(m.subList(1, m.size()), TripService.MemberView::toJson)).build();
                }),
                template("trek://trips/{tripId}/places", "trip-places", "Trip places",
                        "The places of a trip; add ?assignment=all|unassigned|assigned to filter.", Scopes.PLACES_READ, null, (g, v) -> {
                    String filter = v.getOrDefault("assignment", "all");
                    if (!List.of("all", "unassigned", "assigned").contains(filter)) {
                        throw new IllegalArgumentException("assignment");
                    }
                    TripService.Page<Place> page = places.list(g.userId(), id(v, "tripId"), null, null, null, filter, CAP, 0);
                    return new Capped(views.placeArray(page.items()).build(), page.nextCursor() != null);
                }),
                template("trek://trips/{tripId}/reservations", "trip-reservations", "Reservations", "Bookings and transports.",
                        Scopes.RESERVATIONS_READ, null, (g, v) -> {
                    TripService.Page<Reservation> page = reservations.list(g.userId(), id(v, "tripId"), CAP, 0);
                    jakarta.json.JsonArrayBuilder out = JsonFactory.createArrayBuilder();
                    views.reservations(page.items()).forEach(out::add);
                    return new Capped(out.build(), page.nextCursor() != null);
                }),
                template("trek://trips/{tripId}/budget", "trip-budget", "Budget", "The budget items of a trip.", Scopes.BUDGET_READ, AddonId.BUDGET,
                        (g, v) -> Capped.of(budget.items(g.userId(), id(v, "tripId")), false,
                                b -> b.toJsonBuilder().add("members", Jsons.array(budget.members(b.getId()), org.trek.trips.BudgetItemMember::toJson)))),
                template("trek://trips/{tripId}/budget/per-person", "trip-budget-per-person", "Budget per person",
                        "Each member's share of the shared items, what they have paid and what is outstanding.", Scopes.BUDGET_READ, AddonId.BUDGET, (g, v) -> {
                    long t = id(v, "tripId");
                    access.access(g.userId(), t);
                    // The original's keys (total_assigned, total_paid, items_count, avatar fields); share/paid/outstanding are ours.
                    return Jsons.array(budgetReport.report(t).people(), p -> JsonFactory.createObjectBuilder().add("user_id", p.userId())
                            .add("username", p.username()).addNull("avatar").add("total_assigned", p.share()).add("total_paid", p.paid())
                            .add("items_count", p.items()).addNull("avatar_url")
                            .add("share", p.share()).add("paid", p.paid()).add("outstanding", p.outstanding())).build();
                }),
                template("trek://trips/{tripId}/budget/settlement", "trip-budget-settlement", "Budget settlement",
                        "Each member's balance and the payments that settle shared expenses (as get_settlement_summary).",
                        Scopes.BUDGET_READ, AddonId.BUDGET, (g, v) -> {
                    long t = id(v, "tripId");
                    // The same computation as get_settlement_summary (recorded settlements included), so the two never
                    // disagree; unsplit_total (expenses nobody shares) is ours.
                    org.trek.trips.SettlementService.Summary s = settlements.summary(g.userId(), t, null);
                    return org.trek.trips.tools.SettlementTools.balancesAndFlows(s)
                            .add("unsplit_total", budgetReport.report(t).unsplit()).build();
                }),
                template("trek://trips/{tripId}/packing", "trip-packing", "Packing list", "The packing items of a trip.", Scopes.PACKING_READ, AddonId.PACKING, (g, v) -> {
                    TripService.Page<PackingItem> page = packing.items(g.userId(), id(v, "tripId"), CAP, 0);
                    return Capped.of(page.items(), page.nextCursor() != null, PackingItem::toJson);
                }),
                template("trek://trips/{tripId}/packing/bags", "trip-packing-bags", "Bags", "The bags with their members.", Scopes.PACKING_READ, AddonId.PACKING, (g, v) -> {
                    return packing.bagsWithMembers(g.userId(), id(v, "tripId")).build();
                }),
                template("trek://trips/{tripId}/todos", "trip-todos", "To-dos", "The to-dos of a trip in order.", Scopes.TODOS_READ, AddonId.PACKING, (g, v) -> {
                    TripService.Page<TodoItem> page = packing.todos(g.userId(), id(v, "tripId"), CAP, 0);
                    return Capped.of(page.items(), page.nextCursor() != null, TodoItem::toJson);
                }));
    }

    /** For callers that resolve a concrete URI with a query (trek://trips/1/places?assignment=unassigned). */
    static String query(String uri, String key) {
        int at = uri.indexOf('?');
        String q = at < 0 ? null : uri.substring(at + 1);
        if (q == null) {
            return null;
        }
        for (String part : q.split("&")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        return null;
    }
}
