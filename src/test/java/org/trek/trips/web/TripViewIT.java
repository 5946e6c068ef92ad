package org.trek.trips.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trek.trips.ToolTestSupport.args;
import static org.trek.trips.ToolTestSupport.full;
import static org.trek.trips.ToolTestSupport.ok;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trek.account.User;
import org.trek.account.UserService;
import org.trek.it.Deployments;
import org.trek.trips.BudgetReport;
import org.trek.trips.SqlCounter;
import org.trek.trips.ToolTestSupport;
import org.trek.trips.TripException;
import org.trek.trips.TripSummaryService;
import org.trek.trips.tools.AssignmentTools;
import org.trek.trips.tools.BudgetTools;
import org.trek.trips.tools.PlaceTools;
import org.trek.trips.tools.TagTools;
import org.trek.trips.tools.TripTools;
import org.trek.platform.addons.AddonService;

/**
 * The My trips read model in the container: access as for the tools, place paging with tags and categories, budget
 * figures identical to the services', and a number of SQL statements that does not grow with the trip.
 */
@ExtendWith(ArquillianExtension.class)
class TripViewIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.trekWith(TripViewIT.class, ToolTestSupport.class, ToolTestSupport.TestCall.class, SqlCounter.class,
                SqlCounter.Counted.class);
    }

    @Inject AddonService addons;
    @Inject TripViewService views;
    @Inject TripTools tripTools;
    @Inject PlaceTools placeTools;
    @Inject AssignmentTools assignmentTools;
    @Inject BudgetTools budgetTools;
    @Inject TagTools tagTools;
    @Inject TripSummaryService summaries;
    @Inject BudgetReport budgetReport;
    @Inject UserService users;
    @Inject SqlCounter sql;
    @Inject UserTransaction tx;
    @PersistenceContext(unitName = "trek") EntityManager em;

    User owner;
    User member;
    User stranger;
    long tripId;
    long day1;
    long day2;

    @BeforeEach
    void seed() {
        owner = ToolTestSupport.newUser(users, "vowner");
        member = ToolTestSupport.newUser(users, "vmember");
        stranger = ToolTestSupport.newUser(users, "vstranger");
        tripId = ok(tripTools, "create_trip", full(owner.getId()), args().add("title", "Porto").add("start_date", "2027-06-01")
                .add("end_date", "2027-06-02").add("currency", "EUR")).getJsonObject("trip").getJsonNumber("id").longValue();
        ok(tripTools, "add_trip_member", full(owner.getId()), args().add("tripId", tripId).add("identifier", member.getUsername()));
        var days = ok(tripTools, "get_trip_summary", full(owner.getId()), args().add("tripId", tripId)).getJsonArray("days");
        day1 = days.getJsonObject(0).getJsonNumber("id").longValue();
        day2 = days.getJsonObject(1).getJsonNumber("id").longValue();
    }

    private long place(String name, long day) {
        long id = ok(placeTools, "create_place", full(owner.getId()), args().add("tripId", tripId).add("name", name))
                .getJsonObject("place").getJsonNumber("id").longValue();
        long assignment = ok(assignmentTools, "assign_place_to_day", full(owner.getId()), args().add("tripId", tripId).add("dayId", day)
                .add("placeId", id)).getJsonObject("assignment").getJsonNumber("id").longValue();
        ok(assignmentTools, "set_assignment_participants", full(owner.getId()), args().add("tripId", tripId).add("assignmentId", assignment)
                .add("userIds", Json.createArrayBuilder().add(member.getId())));
        return id;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        return (List<Map<String, Object>>) m.get(key);
    }

    @Test
    void accessIsTheToolsAccess() {
        assertEquals("owner", views.view(owner.getId(), tripId, 1).get("role"));
        assertEquals("member", views.view(member.getId(), tripId, 1).get("role"));
        assertThrows(TripException.class, () -> views.view(stranger.getId(), tripId, 1));
        assertThrows(TripException.class, () -> views.view(owner.getId(), Long.MAX_VALUE, 1));
        Map<String, Object> row = list(views.list(member.getId(), 1), "trips").stream()
                .filter(t -> t.get("id").equals(tripId)).findFirst().orElseThrow();
        assertEquals("member", row.get("role"));
        assertEquals(2L, row.get("days"));
        assertEquals(2L, row.get("people"));
        assertTrue(list(views.list(stranger.getId(), 1), "trips").isEmpty());
    }

    @Test
    void placesArePagedWithTagsAndCategory() throws Exception {
        long categoryId = ok(placeTools, "list_categories", full(owner.getId()), args()).getJsonArray("categories")
                .getJsonObject(0).getJsonNumber("id").longValue();
        long tagged = ok(placeTools, "create_place", full(owner.getId()), args().add("tripId", tripId).add("name", "A first place")
                .add("category_id", categoryId)).getJsonObject("place").getJsonNumber("id").longValue();
        long tagId = ok(tagTools, "create_tag", full(owner.getId()), args().add("name", "must-see")).getJsonObject("tag")
                .getJsonNumber("id").longValue();
        tx.begin();
        em.createNativeQuery("INSERT INTO place_tags (place_id, tag_id) VALUES (?, ?)").setParameter(1, tagged).setParameter(2, tagId)
                .executeUpdate();
        tx.commit();
        for (int i = 0; i < TripViewService.PLACES_PER_PAGE + 4; i++) {
            ok(placeTools, "create_place", full(owner.getId()), args().add("tripId", tripId).add("name", String.format("Place %03d", i)));
        }
        Map<String, Object> first = views.view(member.getId(), tripId, 1);
        assertEquals(TripViewService.PLACES_PER_PAGE, list(first, "places").size());
        assertEquals(TripViewService.PLACES_PER_PAGE + 5L, first.get("placeCount"));
        assertEquals(true, first.get("placesMore"));
        Map<String, Object> a = list(first, "places").get(0);
        assertEquals("A first place", a.get("name"));
        assertEquals(List.of("must-see"), a.get("tags"));
        assertTrue(a.get("category") instanceof String s && !s.isEmpty(), "category name shown");
        Map<String, Object> second = views.view(member.getId(), tripId, 2);
        assertEquals(5, list(second, "places").size());
        assertEquals(false, second.get("placesMore"));
        assertEquals(51, second.get("placesFrom"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void budgetFiguresAreTheServicesFigures() {
        ok(budgetTools, "create_budget_item_with_members", full(owner.getId()), args().add("tripId", tripId).add("name", "Taxi")
                .add("category", "Transport").add("total_price", 10.01).add("userIds", Json.createArrayBuilder().add(owner.getId()).add(member.getId())));
        ok(budgetTools, "create_budget_item", full(owner.getId()), args().add("tripId", tripId).add("name", "Port wine").add("category", "Food")
                .add("total_price", 25));
        Map<String, Object> budget = (Map<String, Object>) views.view(member.getId(), tripId, 1).get("budget");
        TripSummaryService.BudgetFigures figures = summaries.budgetFigures(tripId);
        BudgetReport.Report report = budgetReport.report(tripId);
        assertEquals(TripViewService.money(figures.total(), "EUR"), budget.get("total"));
        assertEquals("35.01 EUR", budget.get("total"));
        List<Map<String, Object>> byCategory = list(budget, "byCategory");
        assertEquals(List.of("Food", "Transport"), byCategory.stream().map(c -> c.get("category")).toList(), "largest first, as the service orders");
        List<Map<String, Object>> shares = list(budget, "shares");
        assertEquals(report.people().size(), shares.size());
        for (int i = 0; i < shares.size(); i++) {
            assertEquals(TripViewService.money(report.people().get(i).share(), "EUR"), shares.get(i).get("share"));
        }
        assertEquals(List.of("5.01 EUR", "5.00 EUR"), shares.stream().map(s -> s.get("share")).toList());
        assertEquals("25.00 EUR", budget.get("unsplit"));
        assertEquals(false, budget.get("itemsMore"));

        // A long budget shows the first LIST_CAP items with a note; the figures still cover every item.
        for (int i = 0; i < TripViewService.LIST_CAP; i++) {
            ok(budgetTools, "create_budget_item", full(owner.getId()), args().add("tripId", tripId).add("name", "Snack " + i)
                    .add("total_price", 1));
        }
        Map<String, Object> longBudget = (Map<String, Object>) views.view(member.getId(), tripId, 1).get("budget");
        assertEquals(TripViewService.LIST_CAP, list(longBudget, "items").size());
        assertEquals(true, longBudget.get("itemsMore"));
        assertEquals(TripViewService.money(summaries.budgetFigures(tripId).total(), "EUR"), longBudget.get("total"));
    }

    @Test
    void statementsDoNotGrowWithTheTrip() {
        place("Seed", day1);
        // The addon states are kept for 2 s: whether a view reads them depends on the clock, not on the trip. Both
        // measured views read them once.
        addons.forgetStates();
        int small = sql.count(() -> views.view(owner.getId(), tripId, 1)).statements();
        for (int i = 0; i < 120; i++) {
            place("P" + i, i % 2 == 0 ? day1 : day2);
        }
        addons.forgetStates();
        SqlCounter.Counted<Map<String, Object>> large = sql.count(() -> views.view(owner.getId(), tripId, 1));
        assertTrue(small > 0, "the counter sees statements");
        assertEquals(small, large.statements(), "the same statements for 1 and 121 planned places");
        assertTrue(large.statements() <= 30, "bounded: " + large.statements());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> days = (List<Map<String, Object>>) large.value().get("days");
        assertEquals(61, list(days.get(0), "assignments").size());
        assertEquals(List.of(member.getUsername()), list(days.get(0), "assignments").get(0).get("participants"));
        assertFalse((Boolean) large.value().get("assignmentsTruncated"));

        int listSmall = sql.count(() -> views.list(owner.getId(), 1)).statements();
        for (int i = 0; i < 5; i++) {
            ok(tripTools, "create_trip", full(owner.getId()), args().add("title", "Extra " + i));
        }
        assertEquals(listSmall, sql.count(() -> views.list(owner.getId(), 1)).statements(), "list: one query per count, not per trip");
    }
}
