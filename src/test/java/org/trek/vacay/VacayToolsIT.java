package org.trek.vacay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trek.mcp.it.McpSubscriptionsIT;
import org.trek.mcp.it.McpTestClient;
import org.trek.trips.McpTripHarness;
import org.trek.trips.McpTripHarness.Account;

/**
 * The 22 vacay tools and the 3 vacay resources through /mcp on the shared server (real users, real OAuth tokens):
 * plans and their defaults, invitations (send, decline, cancel, accept, one plan at a time), dissolving, colours,
 * years, entries with blocked weekends and company holidays, statistics with carry-over worked by hand, holiday
 * calendars and the public holiday service ({@link HolidayStub}: cache, unknown country, failing service), other users'
 * plans (they read and change nothing of them), resource updates for every plan member, and the addon switch.
 */
class VacayToolsIT {
    static McpTripHarness mcp;

    @BeforeAll
    static void setUp() {
        mcp = new McpTripHarness();
        HolidayStub.install();
    }

    static JsonObjectBuilder args() {
        return Json.createObjectBuilder();
    }

    static JsonObject ok(Account who, String tool, JsonObjectBuilder a) {
        return mcp.ok(who, tool, a);
    }

    static String error(Account who, String tool, JsonObjectBuilder a) {
        return mcp.error(who, McpTripHarness.MODERN, tool, a.build());
    }

    static JsonObject invalid(Account who, String tool, JsonObjectBuilder a) {
        JsonObject e = mcp.call(who.token(), McpTripHarness.MODERN, tool, a.build()).error();
        assertNotNull(e, tool + " should be invalid params");
        assertEquals(-32602, e.getInt("code"), e.toString());
        return e;
    }

    static JsonObject plan(Account who) {
        return ok(who, "get_vacay_plan", args()).getJsonObject("plan");
    }

    static List<Long> userIds(JsonObject planData) {
        return planData.getJsonArray("users").stream().map(u -> u.asJsonObject().getJsonNumber("id").longValue()).toList();
    }

    static long planId(Account who) {
        return plan(who).getJsonObject("plan").getJsonNumber("id").longValue();
    }

    static JsonObject entries(Account who, int year) {
        return ok(who, "get_vacay_entries", args().add("year", year)).getJsonObject("entries");
    }

    static List<String> entryDates(Account who, int year, Account of) {
        return entries(who, year).getJsonArray("entries").stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getJsonNumber("user_id").longValue() == of.id()).map(e -> e.getString("date")).toList();
    }

    static String toggle(Account who, String date) {
        return ok(who, "toggle_vacay_entry", args().add("date", date)).getString("action");
    }

    static JsonObject stat(Account who, int year, Account of) {
        return ok(who, "get_vacay_stats", args().add("year", year)).getJsonArray("stats").stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getJsonNumber("user_id").longValue() == of.id()).findFirst().orElseThrow();
    }

    static JsonValue resource(Account who, String uri) {
        JsonObject r = new McpTestClient(mcp.server.baseUrl(), who.token()).modern("resources/read",
                args().add("uri", uri).build()).result();
        return Json.createReader(new StringReader(r.getJsonArray("contents").getJsonObject(0).getString("text"))).readValue();
    }

    // ---------------------------------------------------------------- plans

    @Test
    void aPlanIsCreatedOnFirstUseWithTheOriginalsDefaults() {
        Account ann = mcp.newAccount("vac-first");
        JsonObject data = plan(ann);
        JsonObject p = data.getJsonObject("plan");
        assertEquals(ann.id(), p.getJsonNumber("owner_id").longValue());
        assertTrue(p.getBoolean("block_weekends"));
        assertFalse(p.getBoolean("holidays_enabled"));
        assertEquals("", p.getString("holidays_region"));
        assertTrue(p.getBoolean("company_holidays_enabled"));
        assertTrue(p.getBoolean("carry_over_enabled"));
        assertEquals("0,6", p.getString("weekend_days"));
        assertEquals(1, p.getInt("week_start"));
        assertTrue(p.getString("created_at").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z"), p.getString("created_at"));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, p.getJsonArray("holiday_calendars"));
        JsonObject me = data.getJsonArray("users").getJsonObject(0);
        assertEquals(ann.name(), me.getString("username"));
        assertEquals("#6366f1", me.getString("color"));
        assertTrue(data.getBoolean("isOwner"));
        assertFalse(data.getBoolean("isFused"));
        assertEquals(1, ok(ann, "list_vacay_years", args()).getJsonArray("years").size(), "the current year is tracked");
        assertEquals(planId(ann), p.getJsonNumber("id").longValue(), "the same plan next time");
        assertEquals(data, resource(ann, "trek://vacay/plan"), "the resource is the tool's plan view");
    }

    @Test
    void settingsAndColoursChangeWhatIsGivenOnly() {
        Account ann = mcp.newAccount("vac-set");
        JsonObject r = ok(ann, "update_vacay_plan", args().add("carry_over_enabled", false).add("block_weekends", false));
        assertTrue(r.getBoolean("success"));
        JsonObject p = r.getJsonObject("plan");
        assertFalse(p.getBoolean("carry_over_enabled"));
        assertFalse(p.getBoolean("block_weekends"));
        assertTrue(p.getBoolean("company_holidays_enabled"), "not given: unchanged");
        assertTrue(error(ann, "update_vacay_plan", args().add("holidays_region", "Bavaria")).startsWith("region must be"));
        assertEquals("", plan(ann).getJsonObject("plan").getString("holidays_region"), "nothing changed");

        assertEquals("#14b8a6", ok(ann, "set_vacay_color", args().add("color", "#14B8A6")).getString("color"));
        assertEquals("#14b8a6", plan(ann).getJsonArray("users").getJsonObject(0).getString("color"));
        assertTrue(error(ann, "set_vacay_color", args().add("color", "#zzzzzz")).startsWith("color must be"));
        assertEquals("#14b8a6", plan(ann).getJsonArray("users").getJsonObject(0).getString("color"));
    }

    // ---------------------------------------------------------------- invitations

    @Test
    void invitationsCanBeDeclinedCancelledAndAccepted() {
        Account ann = mcp.newAccount("vac-ann");
        Account bob = mcp.newAccount("vac-bob");
        Account cid = mcp.newAccount("vac-cid");
        long annPlan = planId(ann);
        // Bob has days of his own before he joins.
        toggle(bob, "2027-03-08");
        assertTrue(ok(ann, "get_available_vacay_users", args()).getJsonArray("users").stream()
                .anyMatch(u -> u.asJsonObject().getJsonNumber("id").longValue() == bob.id()));

        assertEquals("Cannot invite yourself", error(ann, "send_vacay_invite", args().add("targetUserId", ann.id())));
        assertEquals("User not found", error(ann, "send_vacay_invite", args().add("targetUserId", 987_654_321)));
        ok(ann, "send_vacay_invite", args().add("targetUserId", bob.id()));
        assertEquals("Invite already pending", error(ann, "send_vacay_invite", args().add("targetUserId", bob.id())));
        JsonObject pending = plan(ann).getJsonArray("pendingInvites").getJsonObject(0);
        assertEquals(bob.id(), pending.getJsonNumber("user_id").longValue());
        assertEquals(bob.name(), pending.getString("username"));
        JsonObject incoming = plan(bob).getJsonArray("incomingInvites").getJsonObject(0);
        assertEquals(annPlan, incoming.getJsonNumber("plan_id").longValue());
        assertEquals(ann.name(), incoming.getString("username"), "the inviting plan's owner");
        // the invitee is told in the app (the original's vacay_invite), once
        jakarta.json.JsonArray told = ok(bob, "list_notifications", args()).getJsonArray("notifications");
        assertEquals(1, told.stream().filter(n -> n.asJsonObject().getString("title_key", "").equals("notif.vacay_invite.title")).count(),
                told.toString());
        assertTrue(told.toString().contains(ann.name()), "names who invited");

        // Declined: gone; declining again is an error.
        ok(bob, "decline_vacay_invite", args().add("planId", annPlan));
        assertEquals(0, plan(ann).getJsonArray("pendingInvites").size());
        assertEquals("No pending invite", error(bob, "decline_vacay_invite", args().add("planId", annPlan)));
        // Cancelled by the inviter: gone; cancelling again is an error.
        ok(ann, "send_vacay_invite", args().add("targetUserId", bob.id()));
        ok(ann, "cancel_vacay_invite", args().add("targetUserId", bob.id()));
        assertEquals(0, plan(bob).getJsonArray("incomingInvites").size());
        assertEquals("No pending invite for that user", error(ann, "cancel_vacay_invite", args().add("targetUserId", bob.id())));
        assertEquals("No pending invite", error(bob, "accept_vacay_invite", args().add("planId", annPlan)));

        // Cid invites Bob too; Bob accepts Ann's: he is in her plan with his days (but none on her company holidays),
        // in a colour of his own.
        toggle(bob, "2027-03-11");
        ok(ann, "toggle_company_holiday", args().add("date", "2027-03-11"));
        ok(bob, "send_vacay_invite", args().add("targetUserId", mcp.newUser("vac-dan").id()));
        ok(cid, "send_vacay_invite", args().add("targetUserId", bob.id()));
        ok(ann, "send_vacay_invite", args().add("targetUserId", bob.id()));
        ok(bob, "accept_vacay_invite", args().add("planId", annPlan));
        JsonObject fused = plan(ann);
        assertEquals(List.of(ann.id(), bob.id()), userIds(fused));
        assertTrue(fused.getBoolean("isFused"));
        assertEquals("#ec4899", fused.getJsonArray("users").getJsonObject(1).getString("color"), "Ann has the default colour");
        assertEquals(annPlan, planId(bob), "Bob's active plan is Ann's");
        assertFalse(plan(bob).getBoolean("isOwner"));
        assertEquals(List.of("2027-03-08"), entryDates(ann, 2027, bob), "Bob's days came along, but not the company holiday");

        // One plan at a time.
        assertEquals("You are already in a shared plan; leave or dissolve it first (dissolve_vacay_plan).",
                error(bob, "accept_vacay_invite", args().add("planId", planId(cid))));
        assertEquals("Invite already pending", error(cid, "send_vacay_invite", args().add("targetUserId", bob.id())));
        ok(cid, "cancel_vacay_invite", args().add("targetUserId", bob.id()));
        assertEquals("User is already fused with another plan", error(cid, "send_vacay_invite", args().add("targetUserId", bob.id())));
        assertEquals("User is already fused with another plan", error(cid, "send_vacay_invite", args().add("targetUserId", ann.id())),
                "the owner of a shared plan cannot join another");
        assertEquals("Already fused", error(ann, "send_vacay_invite", args().add("targetUserId", bob.id())));
        List<Long> available = ok(cid, "get_available_vacay_users", args()).getJsonArray("users").stream()
                .map(u -> u.asJsonObject().getJsonNumber("id").longValue()).toList();
        assertFalse(available.contains(ann.id()) || available.contains(bob.id()) || available.contains(cid.id()), available.toString());

        // Bob leaves: back in his own plan with his days; Ann's plan is hers alone.
        ok(bob, "dissolve_vacay_plan", args());
        assertEquals(List.of(ann.id()), userIds(plan(ann)));
        assertEquals(List.of(bob.id()), userIds(plan(bob)));
        assertEquals(List.of("2027-03-08"), entryDates(bob, 2027, bob));
        assertEquals(List.of(), entryDates(ann, 2027, bob));
        assertEquals(0, plan(bob).getJsonArray("pendingInvites").size(), "Bob's own invitation lapsed when he joined Ann");
        assertTrue(error(ann, "dissolve_vacay_plan", args()).contains("nothing to dissolve"));
    }

    @Test
    void theOwnerDissolvingSendsEveryoneHomeWithTheirDaysAndTheCompanyHolidays() {
        Account ann = mcp.newAccount("vac-own");
        Account bob = mcp.newAccount("vac-mem");
        Account spare = mcp.newUser("vac-spare");
        ok(ann, "send_vacay_invite", args().add("targetUserId", bob.id()));
        ok(bob, "accept_vacay_invite", args().add("planId", planId(ann)));
        ok(ann, "send_vacay_invite", args().add("targetUserId", spare.id()));
        toggle(bob, "2027-03-09");
        ok(ann, "toggle_company_holiday", args().add("date", "2027-12-24").add("note", "Christmas Eve"));
        ok(ann, "dissolve_vacay_plan", args());
        assertEquals(List.of(ann.id()), userIds(plan(ann)));
        assertEquals(0, plan(ann).getJsonArray("pendingInvites").size(), "open invitations dropped");
        JsonObject bobs = entries(bob, 2027);
        assertEquals(List.of("2027-03-09"), entryDates(bob, 2027, bob));
        assertEquals("Christmas Eve", bobs.getJsonArray("companyHolidays").getJsonObject(0).getString("note"));
        assertEquals(1, entries(ann, 2027).getJsonArray("companyHolidays").size(), "the owner keeps them");
    }

    // ---------------------------------------------------------------- years, entries, statistics

    @Test
    void entriesRespectWeekendsCompanyHolidaysAndRealDates() {
        Account ann = mcp.newAccount("vac-days");
        assertEquals("added", toggle(ann, "2027-03-08"));
        JsonObject e = entries(ann, 2027).getJsonArray("entries").getJsonObject(0);
        assertEquals("2027-03-08", e.getString("date"));
        assertEquals(ann.name(), e.getString("person_name"));
        assertEquals("#6366f1", e.getString("person_color"));
        assertEquals("removed", toggle(ann, "2027-03-08"));
        assertEquals(0, entries(ann, 2027).getJsonArray("entries").size());

        assertTrue(error(ann, "toggle_vacay_entry", args().add("date", "2027-03-06")).contains("weekend"), "a Saturday");
        assertEquals("Not a calendar date: 2027-02-30 (expected YYYY-MM-DD).", error(ann, "toggle_vacay_entry", args().add("date", "2027-02-30")));
        assertTrue(error(ann, "toggle_vacay_entry", args().add("date", "1999-03-08")).startsWith("year must be"));
        invalid(ann, "toggle_vacay_entry", args().add("date", "8.3.2027"));
        assertEquals(0, entries(ann, 2027).getJsonArray("entries").size(), "nothing was written");

        // A company holiday removes the days on it and cannot be taken.
        toggle(ann, "2027-03-10");
        assertEquals("added", ok(ann, "toggle_company_holiday", args().add("date", "2027-03-10").add("note", "Founders' day"))
                .getString("action"));
        assertEquals(List.of(), entryDates(ann, 2027, ann));
        assertEquals("2027-03-10 is a company holiday of this plan.", error(ann, "toggle_vacay_entry", args().add("date", "2027-03-10")));
        JsonObject company = entries(ann, 2027).getJsonArray("companyHolidays").getJsonObject(0);
        assertEquals("Founders' day", company.getString("note"));
        assertEquals("removed", ok(ann, "toggle_company_holiday", args().add("date", "2027-03-10")).getString("action"));
        assertEquals("added", toggle(ann, "2027-03-10"));
        assertEquals(entries(ann, 2027), resource(ann, "trek://vacay/entries/2027"));

        // Years: 2000..2100 only; deleting one takes its days with it.
        invalid(ann, "add_vacay_year", args().add("year", 1999));
        invalid(ann, "get_vacay_entries", args().add("year", 2101));
        JsonArray years = ok(ann, "add_vacay_year", args().add("year", 2027)).getJsonArray("years");
        assertTrue(years.contains(Json.createValue(2027)), years.toString());
        assertEquals(years, ok(ann, "add_vacay_year", args().add("year", 2027)).getJsonArray("years"), "again: no change");
        assertFalse(ok(ann, "delete_vacay_year", args().add("year", 2027)).getJsonArray("years").contains(Json.createValue(2027)));
        assertEquals(0, entries(ann, 2027).getJsonArray("entries").size());
    }

    /**
     * Worked by hand. 2026 allowance 0 (nothing to carry). 2027: 20 days, Monday to Wednesday taken (3) → 17 left,
     * carried into 2028 (30 + 17 = 47). A Saturday taken while weekends were open does not count once they are
     * blocked again. A company holiday on a taken day removes it. Carry-over off: 2028 carries 0; on again: 17.
     */
    @Test
    void statisticsCarryOverWhatIsLeft() {
        Account ann = mcp.newAccount("vac-stats");
        int now = java.time.Year.now(java.time.ZoneOffset.UTC).getValue();
        ok(ann, "update_vacay_stats", args().add("year", now).add("vacationDays", 0));
        ok(ann, "add_vacay_year", args().add("year", 2027));
        ok(ann, "add_vacay_year", args().add("year", 2028));
        assertTrue(ok(ann, "update_vacay_stats", args().add("year", 2027).add("vacationDays", 20)).getBoolean("success"));
        for (String d : List.of("2027-03-08", "2027-03-09", "2027-03-10")) {
            toggle(ann, d);
        }
        JsonObject y2027 = stat(ann, 2027, ann);
        assertEquals(Map.of("vacation_days", 20, "carried_over", 0, "total_available", 20, "used", 3, "remaining", 17), numbers(y2027));
        assertEquals(2027, y2027.getInt("year"));
        assertEquals(ann.name(), y2027.getString("person_name"));
        assertEquals(Map.of("vacation_days", 30, "carried_over", 17, "total_available", 47, "used", 0, "remaining", 47),
                numbers(stat(ann, 2028, ann)));

        ok(ann, "update_vacay_plan", args().add("block_weekends", false));
        toggle(ann, "2027-03-06");
        assertEquals(4, stat(ann, 2027, ann).getInt("used"), "a Saturday counts while weekends are open");
        assertEquals(16, stat(ann, 2028, ann).getInt("carried_over"));
        ok(ann, "update_vacay_plan", args().add("block_weekends", true));
        assertEquals(3, stat(ann, 2027, ann).getInt("used"), "blocked weekend days do not count");

        ok(ann, "toggle_company_holiday", args().add("date", "2027-03-10"));
        assertEquals(2, stat(ann, 2027, ann).getInt("used"), "the company holiday took the day back");
        assertEquals(18, stat(ann, 2028, ann).getInt("carried_over"));

        ok(ann, "update_vacay_plan", args().add("carry_over_enabled", false));
        assertEquals(0, stat(ann, 2028, ann).getInt("carried_over"));
        assertEquals(30, stat(ann, 2028, ann).getInt("total_available"));
        ok(ann, "update_vacay_plan", args().add("carry_over_enabled", true));
        assertEquals(18, stat(ann, 2028, ann).getInt("carried_over"));
        invalid(ann, "update_vacay_stats", args().add("year", 2027).add("vacationDays", -1));
        assertEquals(20, stat(ann, 2027, ann).getInt("vacation_days"), "nothing changed");
    }

    static Map<String, Integer> numbers(JsonObject stat) {
        return List.of("vacation_days", "carried_over", "total_available", "used", "remaining").stream()
                .collect(Collectors.toMap(k -> k, stat::getInt));
    }

    // ---------------------------------------------------------------- public holidays

    @Test
    void publicHolidaysComeFromTheServiceAndBlockTheirDays() {
        Account ann = mcp.newAccount("vac-hol");
        JsonArray countries = ok(ann, "list_holiday_countries", args()).getJsonArray("countries");
        assertEquals("DE", countries.getJsonObject(1).getString("countryCode"));
        int before = HolidayStub.REQUESTS.get();
        JsonArray de = ok(ann, "list_holidays", args().add("country", "DE").add("year", 2027)).getJsonArray("holidays");
        assertEquals(5, de.size());
        assertEquals("Epiphany", de.getJsonObject(1).getString("name"));
        ok(ann, "list_holidays", args().add("country", "de").add("year", 2027));
        assertTrue(HolidayStub.REQUESTS.get() - before <= 1, "cached per country and year");
        assertTrue(error(ann, "list_holidays", args().add("country", "ZZ").add("year", 2027)).contains("ZZ"));
        assertEquals("The public holiday service is unavailable right now; try again later.",
                error(ann, "list_holidays", args().add("country", "XX").add("year", 2027)));
        invalid(ann, "list_holidays", args().add("country", "DE").add("year", 1999));

        // Bavaria's calendar: its holidays remove the days on them once holidays are on, and cannot be taken.
        ok(ann, "add_vacay_year", args().add("year", 2027));
        toggle(ann, "2027-01-06");
        toggle(ann, "2027-01-04");
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, resource(ann, "trek://vacay/holidays/2027"), "[] while holidays are off");
        JsonObject cal = ok(ann, "add_holiday_calendar", args().add("region", "de-by").add("label", "Bavaria")).getJsonObject("calendar");
        assertEquals("DE-BY", cal.getString("region"));
        assertEquals("#fecaca", cal.getString("color"));
        assertEquals(0, cal.getInt("sort_order"));
        ok(ann, "update_vacay_plan", args().add("holidays_enabled", true));
        assertEquals(List.of("2027-01-04"), entryDates(ann, 2027, ann), "Epiphany's day was removed");
        assertEquals("2027-01-06 is a public holiday (Epiphany).", error(ann, "toggle_vacay_entry", args().add("date", "2027-01-06")));
        JsonArray resource = resource(ann, "trek://vacay/holidays/2027").asJsonArray();
        assertEquals(5, resource.size());
        assertEquals("DE-BY", resource.getJsonObject(0).getString("region"));

        // Calendars: update, another plan's id, delete.
        long calId = cal.getJsonNumber("id").longValue();
        JsonObject updated = ok(ann, "update_holiday_calendar", args().add("calendarId", calId).add("color", "#00ff00"))
                .getJsonObject("calendar");
        assertEquals("Bavaria", updated.getString("label"), "omitted: kept");
        assertEquals("#00ff00", updated.getString("color"));
        assertTrue(ok(ann, "update_holiday_calendar", args().add("calendarId", calId).addNull("label")).getJsonObject("calendar")
                .isNull("label"));
        assertTrue(error(ann, "add_holiday_calendar", args().add("region", "Bavaria")).startsWith("region must be"));
        Account eve = mcp.newAccount("vac-eve");
        assertEquals("Holiday calendar not found.", error(eve, "update_holiday_calendar", args().add("calendarId", calId).add("label", "x")));
        assertEquals("Holiday calendar not found.", error(eve, "delete_holiday_calendar", args().add("calendarId", calId)));
        assertEquals(1, plan(ann).getJsonObject("plan").getJsonArray("holiday_calendars").size(), "untouched by Eve");
        ok(ann, "delete_holiday_calendar", args().add("calendarId", calId));
        assertEquals("Holiday calendar not found.", error(ann, "delete_holiday_calendar", args().add("calendarId", calId)));
        assertEquals("added", toggle(ann, "2027-01-06"), "no calendar: an ordinary day");
    }

    // ---------------------------------------------------------------- other users

    @Test
    void otherUsersNeitherSeeNorChangeAPlanTheyAreNotIn() {
        Account ann = mcp.newAccount("vac-priv");
        Account eve = mcp.newAccount("vac-snoop");
        toggle(ann, "2027-03-08");
        ok(ann, "toggle_company_holiday", args().add("date", "2027-03-09"));
        long annPlan = planId(ann);
        assertEquals(List.of(), entryDates(eve, 2027, ann));
        assertEquals(0, entries(eve, 2027).getJsonArray("companyHolidays").size());
        assertFalse(userIds(plan(eve)).contains(ann.id()));
        assertEquals(List.of(eve.id()), ok(eve, "get_vacay_stats", args().add("year", 2027)).getJsonArray("stats").stream()
                .map(s -> s.asJsonObject().getJsonNumber("user_id").longValue()).toList());
        assertEquals("No pending invite", error(eve, "accept_vacay_invite", args().add("planId", annPlan)));
        assertEquals("No pending invite", error(eve, "decline_vacay_invite", args().add("planId", annPlan)));
        toggle(eve, "2027-03-08");
        ok(eve, "toggle_company_holiday", args().add("date", "2027-03-09"));
        assertEquals(List.of("2027-03-08"), entryDates(ann, 2027, ann), "Ann's day is still hers");
        assertEquals(1, entries(ann, 2027).getJsonArray("companyHolidays").size());
        assertEquals(List.of(ann.id()), userIds(plan(ann)));
    }

    // ---------------------------------------------------------------- resource updates

    @Test
    void everyPlanMemberHearsOfChangesOthersDoNot() throws Exception {
        Account ann = mcp.newAccount("vac-sub-a");
        Account bob = mcp.newAccount("vac-sub-b");
        Account eve = mcp.newAccount("vac-sub-e");
        ok(ann, "send_vacay_invite", args().add("targetUserId", bob.id()));
        ok(bob, "accept_vacay_invite", args().add("planId", planId(ann)));
        plan(eve);
        String uri = "trek://vacay/entries/2027";
        BlockingQueue<String> bobs = McpSubscriptionsIT.listen(new McpTestClient(mcp.server.baseUrl(), bob.token()), "vac-b",
                List.of(uri, "trek://vacay/plan"), List.of(uri, "trek://vacay/plan"));
        BlockingQueue<String> eves = McpSubscriptionsIT.listen(new McpTestClient(mcp.server.baseUrl(), eve.token()), "vac-e",
                List.of(uri), List.of(uri));
        McpSubscriptionsIT.settle(bobs, McpTestClient.MODERN);
        McpSubscriptionsIT.settle(eves, McpTestClient.MODERN);
        toggle(ann, "2027-03-08");
        JsonObject update = McpSubscriptionsIT.nextUpdate(bobs, McpTestClient.MODERN, 15);
        assertNotNull(update, "Bob is told of Ann's day");
        assertEquals(uri, update.getString("uri"));
        assertNull(McpSubscriptionsIT.nextUpdate(eves, McpTestClient.MODERN, 3), "Eve is not in the plan");
        ok(ann, "set_vacay_color", args().add("color", "#3b82f6"));
        List<String> told = new java.util.ArrayList<>();
        for (JsonObject u; (u = McpSubscriptionsIT.nextUpdate(bobs, McpTestClient.MODERN, 5)) != null; ) {
            told.add(u.getString("uri"));
        }
        assertTrue(told.contains("trek://vacay/plan"), told.toString());
    }

    // ---------------------------------------------------------------- the addon switch

    @Test
    void switchingTheAddonOffHidesToolsAndResourcesAndKeepsTheData() {
        Account ann = mcp.newAccount("vac-addon");
        toggle(ann, "2027-03-08");
        assertTrue(mcp.tools(ann.token()).containsKey("get_vacay_plan"));
        mcp.addon("vacay", false);
        try {
            Map<String, JsonObject> tools = mcp.tools(ann.token());
            assertFalse(tools.keySet().stream().anyMatch(t -> t.contains("vacay") || t.contains("holiday")), tools.keySet().toString());
            JsonObject e = mcp.call(ann.token(), McpTripHarness.MODERN, "get_vacay_entries", args().add("year", 2027).build()).error();
            assertEquals(-32602, e.getInt("code"));
            assertEquals("Unknown tool: get_vacay_entries", e.getString("message"));
            McpTestClient client = new McpTestClient(mcp.server.baseUrl(), ann.token());
            assertFalse(client.modern("resources/list", args().build()).result().toString().contains("trek://vacay"));
            assertFalse(client.modern("resources/templates/list", args().build()).result().toString().contains("trek://vacay"));
            assertNotNull(client.modern("resources/read", args().add("uri", "trek://vacay/plan").build()).error(),
                    "the resource cannot be read");
        } finally {
            mcp.addon("vacay", true);
        }
        assertTrue(mcp.tools(ann.token()).containsKey("get_vacay_plan"));
        assertEquals(List.of("2027-03-08"), entryDates(ann, 2027, ann), "data intact");
    }

    @Test
    void withoutVacayScopesNothingIsListed() {
        Account ann = mcp.newAccount("vac-scope");
        String token = mcp.token(ann, McpTripHarness.allBut("vacay:read"));
        assertFalse(mcp.tools(token).keySet().stream().anyMatch(t -> t.contains("vacay") || t.contains("holiday")));
        String readOnly = mcp.token(ann, List.of("vacay:read"));
        Map<String, JsonObject> tools = mcp.tools(readOnly);
        assertEquals(7, tools.size(), tools.keySet().toString());
        assertTrue(tools.containsKey("get_vacay_stats") && !tools.containsKey("toggle_vacay_entry"));
        assertTrue(tools.get("list_holidays").getJsonObject("annotations").getBoolean("openWorldHint"));
    }
}
