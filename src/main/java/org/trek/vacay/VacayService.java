package org.trek.vacay;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.trek.mcp.registry.ResourceChanged;
import org.trek.platform.Clock;
import org.trek.platform.DomainException;
import org.trek.platform.JsonFactory;
import org.trek.platform.Jsons;
import org.trek.platform.db.Sql;

/**
 * Vacation planning (the original's vacayService): every user has a plan of their own, created on first use; other
 * users join it by invitation, and a user is in one plan at a time (their active plan: the one they joined, else their
 * own). Every method takes the caller and works on the caller's active plan; ids of other plans' calendars are "not
 * found". Bad input (a date that does not exist, a year outside 2000–2100, a malformed colour or region) is a
 * {@link VacayException} before anything is written. Changes announce the {@code trek://vacay/...} resources to every
 * member of the plans they touch (and to invited users, whose plan view lists the invitation).
 *
 * <p>Counting follows the original: a user's used days in a year are their entries of that year in the plan, except
 * (ours) entries on weekend days the plan blocks and on company holidays while those are on; public holidays of the
 * plan's calendars remove the entries on them when applied, as the original does, and cannot be taken. Carry-over:
 * with carry-over on, a tracked year carries what was left of the year before when that one is tracked ({@code vacation_days +
 * carried_over - used}, never below 0); worked out when read, so it never goes stale and reading writes nothing (the
 * original stored it as a side effect of reading the previous year's statistics).
 */
@ApplicationScoped
@Transactional
public class VacayService {
    private static final Logger LOG = Logger.getLogger(VacayService.class.getName());
    public static final String PLAN_URI = "trek://vacay/plan";
    public static final String ENTRIES_URI = "trek://vacay/entries/";
    public static final String HOLIDAYS_URI = "trek://vacay/holidays/";
    /** Every vacay resource (a tree): plan, entries of every year, holidays of every year. */
    public static final String TREE = "trek://vacay";

    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;
    public static final int DEFAULT_DAYS = 30;
    public static final String DEFAULT_COLOR = "#6366f1";
    public static final String DEFAULT_CALENDAR_COLOR = "#fecaca";
    /** The original's palette for members whose colour is taken. */
    static final List<String> COLORS = List.of("#6366f1", "#ec4899", "#14b8a6", "#8b5cf6", "#ef4444", "#3b82f6", "#22c55e",
            "#06b6d4", "#f43f5e", "#a855f7", "#10b981", "#0ea5e9", "#64748b", "#be185d", "#0d9488");
    static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");
    static final Pattern REGION = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,4})?");
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    @Inject
    Sql sql;

    @Inject
    Clock clock;

    @Inject
    PublicHolidays holidays;

    @Inject
    Event<ResourceChanged> changed;

    @Inject
    Event<org.trek.vacay.events.VacayInviteSent> invited;

    /** A member of a plan as its answers show them. */
    public record Person(long id, String username, String email, String color) {
        JsonObjectBuilder toJson() {
            return JsonFactory.createObjectBuilder().add("id", id).add("username", username).add("email", email).add("color", color);
        }
    }

    /** A plan setting change; null leaves a field as it is. */
    public record Settings(Boolean blockWeekends, Boolean holidaysEnabled, String holidaysRegion, boolean clearRegion,
                           Boolean companyHolidaysEnabled, Boolean carryOverEnabled) {
    }

    /** One user's numbers of one year. */
    public record Stat(long userId, String personName, String personColor, int year, int vacationDays, int carriedOver,
                       int totalAvailable, int used, int remaining) {
    }

    // ---------------------------------------------------------------- validation

    public static void checkYear(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new VacayException("year must be between " + MIN_YEAR + " and " + MAX_YEAR + ".");
        }
    }

    /** A real calendar date YYYY-MM-DD in the supported years, or a clear error. */
    public static LocalDate date(String text) {
        LocalDate d;
        try {
            d = LocalDate.parse(text == null ? "" : text, STRICT_DATE);
        } catch (DateTimeParseException e) {
            throw new VacayException("Not a calendar date: " + text + " (expected YYYY-MM-DD).");
        }
        checkYear(d.getYear());
        return d;
    }

    public static String color(String color) {
        if (color == null || !HEX.matcher(color).matches()) {
            throw new VacayException("color must be a hex colour such as #6366f1.");
        }
        return color.toLowerCase(Locale.ROOT);
    }

    /** A holiday calendar region: a country (DE) or a country subdivision (DE-BY), in capitals. */
    public static String region(String region) {
        String r = region == null ? "" : region.strip().toUpperCase(Locale.ROOT);
        if (!REGION.matcher(r).matches()) {
            throw new VacayException("region must be a country code such as DE, or a subdivision such as DE-BY.");
        }
        return r;
    }

    // ---------------------------------------------------------------- plans

    private Plan planById(long planId) {
        List<Plan> rows = sql.list("SELECT " + Plan.COLUMNS + " FROM vacay_plans p WHERE p.id = ?", Plan::ofRow, planId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private Plan ownPlanOrNull(long userId) {
        List<Plan> rows = sql.list("SELECT " + Plan.COLUMNS + " FROM vacay_plans p WHERE p.owner_id = ?", Plan::ofRow, userId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The user's own plan, created with the current year, 30 days and the default colour on first use (as the original). */
    Plan ownPlan(long userId) {
        Plan plan = ownPlanOrNull(userId);
        if (plan != null) {
            return plan;
        }
        try {
            sql.update("INSERT INTO vacay_plans (owner_id, created_at) VALUES (?, ?)", userId, clock.millis());
        } catch (IllegalStateException e) {
            // A concurrent first call of the same user created it (unique owner_id): use that one.
            plan = ownPlanOrNull(userId);
            if (plan != null) {
                return plan;
            }
            throw e;
        }
        plan = ownPlanOrNull(userId);
        int year = java.time.Year.now(java.time.ZoneOffset.UTC).getValue();
        sql.update("INSERT INTO vacay_years (plan_id, vacation_year) VALUES (?, ?)", plan.id(), year);
        sql.update("INSERT INTO vacay_user_years (user_id, plan_id, vacation_year, vacation_days, carried_over) VALUES (?, ?, ?, ?, 0)",
                userId, plan.id(), year, DEFAULT_DAYS);
        sql.update("INSERT INTO vacay_user_colors (user_id, plan_id, color) VALUES (?, ?, ?)", userId, plan.id(), DEFAULT_COLOR);
        return plan;
    }

    /** The plan the user joined, else their own. */
    public Plan activePlan(long userId) {
        List<Plan> joined = sql.list("SELECT " + Plan.COLUMNS + " FROM vacay_plans p JOIN vacay_plan_members m ON m.plan_id = p.id "
                + "WHERE m.user_id = ? AND m.status = 'accepted'", Plan::ofRow, userId);
        return joined.isEmpty() ? ownPlan(userId) : joined.get(0);
    }

    /** Owner first, then the accepted members in the order they joined; each with their colour in the plan. */
    List<Person> people(Plan plan) {
        List<Person> rows = sql.list("SELECT u.id, u.username, u.email, c.color, "
                        + "CASE WHEN u.id = ? THEN 0 ELSE COALESCE((SELECT m.id FROM vacay_plan_members m WHERE m.plan_id = ? "
                        + "AND m.user_id = u.id), 0) END AS position FROM users u "
                        + "LEFT JOIN vacay_user_colors c ON c.user_id = u.id AND c.plan_id = ? WHERE u.id = ? OR u.id IN "
                        + "(SELECT user_id FROM vacay_plan_members WHERE plan_id = ? AND status = 'accepted') ORDER BY position, u.id",
                rs -> new Person(rs.getLong("id"), rs.getString("username"), rs.getString("email"),
                        rs.getString("color") == null ? DEFAULT_COLOR : rs.getString("color")),
                plan.ownerId(), plan.id(), plan.id(), plan.ownerId(), plan.id());
        return rows;
    }

    private Set<Long> memberIds(Plan plan) {
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(plan.ownerId());
        ids.addAll(sql.list("SELECT user_id FROM vacay_plan_members WHERE plan_id = ? AND status = 'accepted'", rs -> rs.getLong(1),
                plan.id()));
        return ids;
    }

    private JsonArray calendars(long planId) {
        return Jsons.array(sql.list("SELECT id, plan_id, region, label, color, sort_order FROM vacay_holiday_calendars "
                + "WHERE plan_id = ? ORDER BY sort_order, id", VacayService::calendarRow, planId), o -> o).build();
    }

    private static JsonObject calendarRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("id", rs.getLong("id")).add("plan_id", rs.getLong("plan_id"))
                .add("region", rs.getString("region"));
        Jsons.put(b, "label", rs.getString("label"));
        return b.add("color", rs.getString("color")).add("sort_order", rs.getInt("sort_order")).build();
    }

    /** The original's plan view: {plan, users, pendingInvites, incomingInvites, isOwner, isFused}. */
    public JsonObject planData(long userId) {
        Plan plan = activePlan(userId);
        List<Person> people = people(plan);
        JsonArray pending = Jsons.array(sql.list("SELECT m.id, m.user_id, u.username, u.email, m.created_at FROM vacay_plan_members m "
                + "JOIN users u ON u.id = m.user_id WHERE m.plan_id = ? AND m.status = 'pending' ORDER BY m.id", rs ->
                JsonFactory.createObjectBuilder().add("id", rs.getLong("id")).add("user_id", rs.getLong("user_id"))
                        .add("username", rs.getString("username")).add("email", rs.getString("email"))
                        .add("created_at", Instant.ofEpochMilli(rs.getLong("created_at")).toString()).build(), plan.id()), o -> o).build();
        JsonArray incoming = Jsons.array(sql.list("SELECT m.id, m.plan_id, u.username, u.email, m.created_at FROM vacay_plan_members m "
                + "JOIN vacay_plans p ON p.id = m.plan_id JOIN users u ON u.id = p.owner_id WHERE m.user_id = ? AND m.status = 'pending' "
                + "ORDER BY m.id", rs -> JsonFactory.createObjectBuilder().add("id", rs.getLong("id")).add("plan_id", rs.getLong("plan_id"))
                .add("username", rs.getString("username")).add("email", rs.getString("email"))
                .add("created_at", Instant.ofEpochMilli(rs.getLong("created_at")).toString()).build(), userId), o -> o).build();
        return JsonFactory.createObjectBuilder().add("plan", plan.toJson(calendars(plan.id())))
                .add("users", Jsons.array(people, Person::toJson)).add("pendingInvites", pending).add("incomingInvites", incoming)
                .add("isOwner", plan.ownerId() == userId).add("isFused", people.size() > 1).build();
    }

    /** The plan object alone (update_vacay_plan's answer). */
    public JsonObject planObject(long userId) {
        Plan plan = activePlan(userId);
        return plan.toJson(calendars(plan.id())).build();
    }

    /**
     * Changes the active plan's settings (any member may, as in the original). Switching company holidays on removes
     * the entries on company holidays; switching holidays on with a region adds that region as the plan's first
     * calendar when it has none and removes the entries on its public holidays (the original's migration and
     * application); switching carry-over off forgets stored carry-over.
     */
    public JsonObject updatePlan(long userId, Settings s) {
        Plan plan = activePlan(userId);
        String region = s.holidaysRegion() == null ? null : s.holidaysRegion().isBlank() ? "" : region(s.holidaysRegion());
        if (s.clearRegion()) {
            region = "";
        }
        List<String> sets = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (s.blockWeekends() != null) {
            sets.add("block_weekends = ?");
            params.add(s.blockWeekends());
        }
        if (s.holidaysEnabled() != null) {
            sets.add("holidays_enabled = ?");
            params.add(s.holidaysEnabled());
        }
        if (region != null) {
            sets.add("holidays_region = ?");
            params.add(region);
        }
        if (s.companyHolidaysEnabled() != null) {
            sets.add("company_holidays_enabled = ?");
            params.add(s.companyHolidaysEnabled());
        }
        if (s.carryOverEnabled() != null) {
            sets.add("carry_over_enabled = ?");
            params.add(s.carryOverEnabled());
        }
        if (!sets.isEmpty()) {
            params.add(plan.id());
            sql.update("UPDATE vacay_plans SET " + String.join(", ", sets) + " WHERE id = ?", params.toArray());
        }
        if (Boolean.TRUE.equals(s.companyHolidaysEnabled())) {
            sql.update("DELETE FROM vacay_entries WHERE plan_id = ? AND vacation_date IN "
                    + "(SELECT holiday_date FROM vacay_company_holidays WHERE plan_id = ?)", plan.id(), plan.id());
        }
        Plan updated = planById(plan.id());
        if (updated.holidaysEnabled() && !updated.holidaysRegion().isEmpty()
                && sql.list("SELECT id FROM vacay_holiday_calendars WHERE plan_id = ?", rs -> rs.getLong(1), plan.id()).isEmpty()) {
            sql.update("INSERT INTO vacay_holiday_calendars (plan_id, region, label, color, sort_order) VALUES (?, ?, NULL, ?, 0)",
                    plan.id(), updated.holidaysRegion(), DEFAULT_CALENDAR_COLOR);
        }
        applyHolidayCalendars(updated);
        if (Boolean.FALSE.equals(s.carryOverEnabled())) {
            sql.update("UPDATE vacay_user_years SET carried_over = 0 WHERE plan_id = ?", plan.id());
        }
        announceTree(updated);
        return updated.toJson(calendars(plan.id())).build();
    }

    /**
     * With holidays on: removes the plan's entries and company holidays on the public holidays of its calendars in its
     * tracked years (as the original). A failing holiday service skips that calendar (logged), as the original does.
     */
    private void applyHolidayCalendars(Plan plan) {
        if (!plan.holidaysEnabled() || !holidays.configured()) {
            return;
        }
        List<String> regions = sql.list("SELECT region FROM vacay_holiday_calendars WHERE plan_id = ? ORDER BY sort_order, id",
                rs -> rs.getString(1), plan.id());
        List<Integer> years = years(plan.id());
        Set<String> dates = new TreeSet<>();
        for (String region : regions) {
            for (int year : years) {
                try {
                    holidays.forRegion(year, region).forEach(h -> dates.add(h.asJsonObject().getString("date", "")));
                } catch (DomainException e) {
                    LOG.info(() -> "public holidays of " + region + " " + year + " not applied: " + e.getMessage());
                }
            }
        }
        for (String d : dates) {
            sql.update("DELETE FROM vacay_entries WHERE plan_id = ? AND vacation_date = ?", plan.id(), d);
            sql.update("DELETE FROM vacay_company_holidays WHERE plan_id = ? AND holiday_date = ?", plan.id(), d);
        }
    }

    /** Sets the caller's colour in their active plan. */
    public String setColor(long userId, String color) {
        String c = color(color);
        Plan plan = activePlan(userId);
        if (sql.update("UPDATE vacay_user_colors SET color = ? WHERE user_id = ? AND plan_id = ?", c, userId, plan.id()) == 0) {
            sql.update("INSERT INTO vacay_user_colors (user_id, plan_id, color) VALUES (?, ?, ?)", userId, plan.id(), c);
        }
        announceTree(plan);
        return c;
    }

    // ---------------------------------------------------------------- invitations

    /**
     * Users who could be invited to the caller's plan (the original's list): everyone else who is neither invited to
     * nor in this plan, not a member of any other plan, and not the owner of a plan others have joined.
     */
    public List<JsonObject> availableUsers(long userId) {
        Plan plan = activePlan(userId);
        return sql.list("SELECT u.id, u.username, u.email FROM users u WHERE u.id <> ? AND u.disabled = FALSE "
                        + "AND u.id NOT IN (SELECT user_id FROM vacay_plan_members WHERE plan_id = ?) "
                        + "AND u.id NOT IN (SELECT user_id FROM vacay_plan_members WHERE status = 'accepted') "
                        + "AND u.id NOT IN (SELECT p.owner_id FROM vacay_plans p JOIN vacay_plan_members m ON m.plan_id = p.id "
                        + "WHERE m.status = 'accepted') AND u.id <> ? ORDER BY u.username",
                rs -> JsonFactory.createObjectBuilder().add("id", rs.getLong("id")).add("username", rs.getString("username"))
                        .add("email", rs.getString("email")).build(), userId, plan.id(), plan.ownerId());
    }

    private boolean isFusedElsewhere(long userId) {
        return !sql.list("SELECT m.id FROM vacay_plan_members m WHERE m.user_id = ? AND m.status = 'accepted' UNION ALL "
                + "SELECT m.id FROM vacay_plans p JOIN vacay_plan_members m ON m.plan_id = p.id WHERE p.owner_id = ? "
                + "AND m.status = 'accepted'", rs -> rs.getLong(1), userId, userId).isEmpty();
    }

    /** Invites an existing user to the caller's active plan (the original's checks, plus: not the owner of a shared plan). */
    public void sendInvite(long userId, long targetUserId) {
        if (targetUserId == userId) {
            throw new VacayException("Cannot invite yourself");
        }
        if (sql.list("SELECT id FROM users WHERE id = ? AND disabled = FALSE", rs -> rs.getLong(1), targetUserId).isEmpty()) {
            throw new VacayException("User not found");
        }
        Plan plan = activePlan(userId);
        if (targetUserId == plan.ownerId()) {
            throw new VacayException("Already fused");
        }
        List<String> existing = sql.list("SELECT status FROM vacay_plan_members WHERE plan_id = ? AND user_id = ?", rs -> rs.getString(1),
                plan.id(), targetUserId);
        if (!existing.isEmpty()) {
            throw new VacayException("accepted".equals(existing.get(0)) ? "Already fused" : "Invite already pending");
        }
        if (isFusedElsewhere(targetUserId)) {
            throw new VacayException("User is already fused with another plan");
        }
        sql.update("INSERT INTO vacay_plan_members (plan_id, user_id, status, created_at) VALUES (?, ?, 'pending', ?)",
                plan.id(), targetUserId, clock.millis());
        invited.fire(new org.trek.vacay.events.VacayInviteSent(plan.id(), userId, targetUserId));
        Set<Long> told = new HashSet<>(memberIds(plan));
        told.add(targetUserId);
        announce(Set.of(PLAN_URI), Set.of(), told);
    }

    /**
     * Joins the plan that invited the caller: the caller's entries and yearly allowances move over from their own
     * plan, their colour comes along unless a member has it already (then the first free one of the palette), and they
     * get an allowance for each of the plan's years. Refused while the caller is in another shared plan (theirs or
     * someone else's): one plan at a time.
     */
    public void acceptInvite(long userId, long planId) {
        List<Long> invite = sql.list("SELECT id FROM vacay_plan_members WHERE plan_id = ? AND user_id = ? AND status = 'pending'",
                rs -> rs.getLong(1), planId, userId);
        if (invite.isEmpty()) {
            throw new VacayException("No pending invite");
        }
        if (isFusedElsewhere(userId)) {
            throw new VacayException("You are already in a shared plan; leave or dissolve it first (dissolve_vacay_plan).");
        }
        sql.update("UPDATE vacay_plan_members SET status = 'accepted' WHERE id = ?", invite.get(0));
        Plan own = ownPlanOrNull(userId);
        Set<Long> told = new HashSet<>();
        if (own != null && own.id() != planId) {
            // One plan at a time: the invitations the user's own plan still has open lapse (their targets are told).
            told.addAll(sql.list("SELECT user_id FROM vacay_plan_members WHERE plan_id = ? AND status = 'pending'", rs -> rs.getLong(1),
                    own.id()));
            sql.update("DELETE FROM vacay_plan_members WHERE plan_id = ? AND status = 'pending'", own.id());
            // Entries on dates the user already has in the target plan cannot exist (they were never there).
            sql.update("UPDATE vacay_entries SET plan_id = ? WHERE plan_id = ? AND user_id = ?", planId, own.id(), userId);
            Plan target = planById(planId);
            if (target.companyHolidaysEnabled()) {
                // The plan's company holidays are off for everyone, the newcomer included.
                sql.update("DELETE FROM vacay_entries WHERE plan_id = ? AND user_id = ? AND vacation_date IN "
                        + "(SELECT holiday_date FROM vacay_company_holidays WHERE plan_id = ?)", planId, userId, planId);
            }
            sql.update("INSERT INTO vacay_user_years (user_id, plan_id, vacation_year, vacation_days, carried_over) "
                    + "SELECT y.user_id, ?, y.vacation_year, y.vacation_days, y.carried_over FROM vacay_user_years y "
                    + "WHERE y.user_id = ? AND y.plan_id = ? AND NOT EXISTS (SELECT 1 FROM vacay_user_years t WHERE t.user_id = y.user_id "
                    + "AND t.plan_id = ? AND t.vacation_year = y.vacation_year)", planId, userId, own.id(), planId);
            sql.update("INSERT INTO vacay_user_colors (user_id, plan_id, color) SELECT c.user_id, ?, c.color FROM vacay_user_colors c "
                    + "WHERE c.user_id = ? AND c.plan_id = ? AND NOT EXISTS (SELECT 1 FROM vacay_user_colors t WHERE t.user_id = c.user_id "
                    + "AND t.plan_id = ?)", planId, userId, own.id(), planId);
        }
        List<String> taken = sql.list("SELECT color FROM vacay_user_colors WHERE plan_id = ? AND user_id <> ?", rs -> rs.getString(1),
                planId, userId);
        List<String> mine = sql.list("SELECT color FROM vacay_user_colors WHERE plan_id = ? AND user_id = ?", rs -> rs.getString(1),
                planId, userId);
        String effective = mine.isEmpty() ? DEFAULT_COLOR : mine.get(0);
        String color = effective;
        if (taken.contains(effective)) {
            color = COLORS.stream().filter(c -> !taken.contains(c)).findFirst().orElse(effective);
        }
        if (mine.isEmpty()) {
            sql.update("INSERT INTO vacay_user_colors (user_id, plan_id, color) VALUES (?, ?, ?)", userId, planId, color);
        } else if (!color.equals(effective)) {
            sql.update("UPDATE vacay_user_colors SET color = ? WHERE user_id = ? AND plan_id = ?", color, userId, planId);
        }
        sql.update("INSERT INTO vacay_user_years (user_id, plan_id, vacation_year, vacation_days, carried_over) "
                + "SELECT ?, y.plan_id, y.vacation_year, ?, 0 FROM vacay_years y WHERE y.plan_id = ? AND NOT EXISTS "
                + "(SELECT 1 FROM vacay_user_years t WHERE t.user_id = ? AND t.plan_id = y.plan_id AND t.vacation_year = y.vacation_year)",
                userId, DEFAULT_DAYS, planId, userId);
        told.addAll(memberIds(planById(planId)));
        announce(Set.of(), Set.of(TREE), told);
    }

    /** Declines an invitation to the caller (ours: an invitation that does not exist is an error, not a silent success). */
    public void declineInvite(long userId, long planId) {
        if (sql.update("DELETE FROM vacay_plan_members WHERE plan_id = ? AND user_id = ? AND status = 'pending'", planId, userId) == 0) {
            throw new VacayException("No pending invite");
        }
        Plan plan = planById(planId);
        Set<Long> told = new HashSet<>(memberIds(plan));
        told.add(userId);
        announce(Set.of(PLAN_URI), Set.of(), told);
    }

    /** Withdraws an invitation of the caller's active plan (ours: one that does not exist is an error). */
    public void cancelInvite(long userId, long targetUserId) {
        Plan plan = activePlan(userId);
        if (sql.update("DELETE FROM vacay_plan_members WHERE plan_id = ? AND user_id = ? AND status = 'pending'", plan.id(),
                targetUserId) == 0) {
            throw new VacayException("No pending invite for that user");
        }
        Set<Long> told = new HashSet<>(memberIds(plan));
        told.add(targetUserId);
        announce(Set.of(PLAN_URI), Set.of(), told);
    }

    /**
     * The owner dissolves the shared plan: each member returns to their own plan (created if needed) with their entries
     * and a copy of the company holidays, and the open invitations are dropped. A member leaves the same way, alone.
     * Ours: a plan that is neither shared nor has open invitations is an error ("nothing to dissolve").
     */
    public void dissolve(long userId) {
        Plan plan = activePlan(userId);
        Set<Long> everyone = memberIds(plan);
        boolean owner = plan.ownerId() == userId;
        List<Long> leaving = owner ? new ArrayList<>(everyone) : List.of(userId);
        if (owner) {
            leaving.remove(userId);
            boolean pending = !sql.list("SELECT id FROM vacay_plan_members WHERE plan_id = ? AND status = 'pending'", rs -> rs.getLong(1),
                    plan.id()).isEmpty();
            if (leaving.isEmpty() && !pending) {
                throw new VacayException("Your plan is not shared and has no open invitations: there is nothing to dissolve.");
            }
        }
        Set<Long> told = new HashSet<>(everyone);
        told.addAll(sql.list("SELECT user_id FROM vacay_plan_members WHERE plan_id = ? AND status = 'pending'", rs -> rs.getLong(1),
                plan.id()));
        for (long member : leaving) {
            Plan own = ownPlan(member);
            sql.update("UPDATE vacay_entries SET plan_id = ? WHERE plan_id = ? AND user_id = ?", own.id(), plan.id(), member);
            sql.update("INSERT INTO vacay_company_holidays (plan_id, holiday_date, note) SELECT ?, h.holiday_date, h.note "
                    + "FROM vacay_company_holidays h WHERE h.plan_id = ? AND NOT EXISTS (SELECT 1 FROM vacay_company_holidays t "
                    + "WHERE t.plan_id = ? AND t.holiday_date = h.holiday_date)", own.id(), plan.id(), own.id());
        }
        if (owner) {
            sql.update("DELETE FROM vacay_plan_members WHERE plan_id = ?", plan.id());
        } else {
            sql.update("DELETE FROM vacay_plan_members WHERE plan_id = ? AND user_id = ?", plan.id(), userId);
        }
        announce(Set.of(), Set.of(TREE), told);
    }

    // ---------------------------------------------------------------- years

    List<Integer> years(long planId) {
        return sql.list("SELECT vacation_year FROM vacay_years WHERE plan_id = ? ORDER BY vacation_year", rs -> rs.getInt(1), planId);
    }

    public List<Integer> listYears(long userId) {
        return years(activePlan(userId).id());
    }

    /**
     * Tracks a year (again: no change): every member gets the default allowance for it. Its carry-over is worked out
     * from the year before when read.
     */
    public List<Integer> addYear(long userId, int year) {
        checkYear(year);
        Plan plan = activePlan(userId);
        if (!years(plan.id()).contains(year)) {
            sql.update("INSERT INTO vacay_years (plan_id, vacation_year) VALUES (?, ?)", plan.id(), year);
            for (long member : memberIds(plan)) {
                sql.update("INSERT INTO vacay_user_years (user_id, plan_id, vacation_year, vacation_days, carried_over) "
                        + "SELECT ?, ?, ?, ?, 0 FROM vacay_years WHERE plan_id = ? AND vacation_year = ? AND NOT EXISTS "
                        + "(SELECT 1 FROM vacay_user_years WHERE user_id = ? AND plan_id = ? AND vacation_year = ?)",
                        member, plan.id(), year, DEFAULT_DAYS, plan.id(), year, member, plan.id(), year);
            }
            announceTree(plan);
        }
        return years(plan.id());
    }

    /** Stops tracking a year: its entries, company holidays and allowances go with it (as the original). */
    public List<Integer> deleteYear(long userId, int year) {
        checkYear(year);
        Plan plan = activePlan(userId);
        String from = year + "-01-01";
        String to = (year + 1) + "-01-01";
        int n = sql.update("DELETE FROM vacay_years WHERE plan_id = ? AND vacation_year = ?", plan.id(), year);
        n += sql.update("DELETE FROM vacay_entries WHERE plan_id = ? AND vacation_date >= ? AND vacation_date < ?", plan.id(), from, to);
        n += sql.update("DELETE FROM vacay_company_holidays WHERE plan_id = ? AND holiday_date >= ? AND holiday_date < ?", plan.id(), from, to);
        n += sql.update("DELETE FROM vacay_user_years WHERE plan_id = ? AND vacation_year = ?", plan.id(), year);
        if (n > 0) {
            announceTree(plan);
        }
        return years(plan.id());
    }

    // ---------------------------------------------------------------- entries

    /** {entries: [...], companyHolidays: [...]} of the caller's active plan in the year. */
    public JsonObject entries(long userId, int year) {
        checkYear(year);
        Plan plan = activePlan(userId);
        String from = year + "-01-01";
        String to = (year + 1) + "-01-01";
        JsonArray entries = Jsons.array(sql.list("SELECT e.id, e.plan_id, e.user_id, e.vacation_date, e.note, u.username, "
                + "COALESCE(c.color, '" + DEFAULT_COLOR + "') AS color FROM vacay_entries e JOIN users u ON u.id = e.user_id "
                + "LEFT JOIN vacay_user_colors c ON c.user_id = e.user_id AND c.plan_id = e.plan_id "
                + "WHERE e.plan_id = ? AND e.vacation_date >= ? AND e.vacation_date < ? ORDER BY e.vacation_date, e.user_id", rs ->
                JsonFactory.createObjectBuilder().add("id", rs.getLong("id")).add("plan_id", rs.getLong("plan_id"))
                        .add("user_id", rs.getLong("user_id")).add("date", rs.getString("vacation_date")).add("note", rs.getString("note"))
                        .add("person_name", rs.getString("username")).add("person_color", rs.getString("color")).build(),
                plan.id(), from, to), o -> o).build();
        JsonArray company = Jsons.array(sql.list("SELECT id, plan_id, holiday_date, note FROM vacay_company_holidays "
                + "WHERE plan_id = ? AND holiday_date >= ? AND holiday_date < ? ORDER BY holiday_date", rs ->
                JsonFactory.createObjectBuilder().add("id", rs.getLong("id")).add("plan_id", rs.getLong("plan_id"))
                        .add("date", rs.getString("holiday_date")).add("note", rs.getString("note")).build(), plan.id(), from, to), o -> o)
                .build();
        return JsonFactory.createObjectBuilder().add("entries", entries).add("companyHolidays", company).build();
    }

    /**
     * Takes the date off for the caller, or gives it back ("added" / "removed"). A day cannot be taken on a weekend
     * day the plan blocks, on a company holiday (while those are on), or on a public holiday of the plan's calendars
     * (while holidays are on; a failing holiday service does not stand in the way).
     */
    public String toggleEntry(long userId, String dateText) {
        LocalDate date = date(dateText);
        String d = date.toString();
        Plan plan = activePlan(userId);
        if (sql.update("DELETE FROM vacay_entries WHERE user_id = ? AND plan_id = ? AND vacation_date = ?", userId, plan.id(), d) > 0) {
            announceEntries(plan, date.getYear());
            return "removed";
        }
        if (plan.blocked(date)) {
            throw new VacayException(d + " is a weekend day, and this plan blocks weekends (update_vacay_plan block_weekends=false "
                    + "allows them).");
        }
        if (plan.companyHolidaysEnabled() && !sql.list("SELECT id FROM vacay_company_holidays WHERE plan_id = ? AND holiday_date = ?",
                rs -> rs.getLong(1), plan.id(), d).isEmpty()) {
            throw new VacayException(d + " is a company holiday of this plan.");
        }
        String holiday = publicHoliday(plan, date);
        if (holiday != null) {
            throw new VacayException(d + " is a public holiday (" + holiday + ").");
        }
        sql.update("INSERT INTO vacay_entries (plan_id, user_id, vacation_date, note) VALUES (?, ?, ?, '')", plan.id(), userId, d);
        announceEntries(plan, date.getYear());
        return "added";
    }

    private String publicHoliday(Plan plan, LocalDate date) {
        if (!plan.holidaysEnabled() || !holidays.configured()) {
            return null;
        }
        for (String region : sql.list("SELECT region FROM vacay_holiday_calendars WHERE plan_id = ? ORDER BY sort_order, id",
                rs -> rs.getString(1), plan.id())) {
            try {
                for (JsonValue h : holidays.forRegion(date.getYear(), region)) {
                    if (date.toString().equals(h.asJsonObject().getString("date", ""))) {
                        return h.asJsonObject().getString("name", h.asJsonObject().getString("localName", region));
                    }
                }
            } catch (DomainException e) {
                LOG.info(() -> "public holidays of " + region + " not checked: " + e.getMessage());
            }
        }
        return null;
    }

    /**
     * Makes the date a company holiday of the plan (removing everyone's entries on it, as the original), or takes it
     * back ("added" / "removed").
     */
    public String toggleCompanyHoliday(long userId, String dateText, String note) {
        LocalDate date = date(dateText);
        String d = date.toString();
        if (note != null && note.length() > 500) {
            throw new VacayException("note is longer than 500 characters.");
        }
        Plan plan = activePlan(userId);
        String action;
        if (sql.update("DELETE FROM vacay_company_holidays WHERE plan_id = ? AND holiday_date = ?", plan.id(), d) > 0) {
            action = "removed";
        } else {
            sql.update("INSERT INTO vacay_company_holidays (plan_id, holiday_date, note) VALUES (?, ?, ?)", plan.id(), d,
                    note == null ? "" : note);
            sql.update("DELETE FROM vacay_entries WHERE plan_id = ? AND vacation_date = ?", plan.id(), d);
            action = "added";
        }
        announceEntries(plan, date.getYear());
        return action;
    }

    // ---------------------------------------------------------------- statistics

    /** One line per plan member (owner first) for the year; reading writes nothing. */
    public List<Stat> stats(long userId, int year) {
        checkYear(year);
        Plan plan = activePlan(userId);
        List<Person> people = people(plan);
        List<Integer> tracked = years(plan.id());
        int first = tracked.isEmpty() ? year : Math.min(tracked.get(0), year);
        // allowances: user -> year -> {vacation_days, carried_over}
        Map<Long, Map<Integer, int[]>> allowances = new HashMap<>();
        sql.list("SELECT user_id, vacation_year, vacation_days, carried_over FROM vacay_user_years WHERE plan_id = ?", rs -> {
            allowances.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getInt(2), new int[] {rs.getInt(3), rs.getInt(4)});
            return null;
        }, plan.id());
        Set<String> company = new HashSet<>();
        if (plan.companyHolidaysEnabled()) {
            company.addAll(sql.list("SELECT holiday_date FROM vacay_company_holidays WHERE plan_id = ? AND holiday_date >= ? "
                    + "AND holiday_date < ?", rs -> rs.getString(1), plan.id(), first + "-01-01", (year + 1) + "-01-01"));
        }
        // used: user -> year -> count
        Map<Long, Map<Integer, Integer>> used = new HashMap<>();
        sql.list("SELECT user_id, vacation_date FROM vacay_entries WHERE plan_id = ? AND vacation_date >= ? AND vacation_date < ?", rs -> {
            String d = rs.getString(2);
            LocalDate date = LocalDate.parse(d);
            if (!plan.blocked(date) && !company.contains(d)) {
                used.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).merge(date.getYear(), 1, Integer::sum);
            }
            return null;
        }, plan.id(), first + "-01-01", (year + 1) + "-01-01");
        List<Stat> out = new ArrayList<>();
        for (Person p : people) {
            Map<Integer, int[]> mine = allowances.getOrDefault(p.id(), Map.of());
            Map<Integer, Integer> usedByYear = used.getOrDefault(p.id(), Map.of());
            int[] config = mine.get(year);
            int vacationDays = config == null ? DEFAULT_DAYS : config[0];
            int carried = plan.carryOverEnabled() ? carried(year, tracked, mine, usedByYear) : 0;
            int u = usedByYear.getOrDefault(year, 0);
            int total = vacationDays + carried;
            out.add(new Stat(p.id(), p.username(), p.color(), year, vacationDays, carried, total, u, total - u));
        }
        return out;
    }

    /**
     * What a year carries over: of a tracked year whose calendar year before is tracked too, what was left of that one
     * (its allowance plus its own carry-over, less what was used, never below 0), as the original's addYear and
     * getStats carry from one year to the next; otherwise the stored value (0 unless it came with a user joining the
     * plan).
     */
    static int carried(int year, List<Integer> tracked, Map<Integer, int[]> allowances, Map<Integer, Integer> used) {
        int[] config = allowances.get(year);
        int stored = config == null ? 0 : config[1];
        int prev = year - 1;
        if (!tracked.contains(year) || !tracked.contains(prev)) {
            return stored;
        }
        int[] prevConfig = allowances.get(prev);
        int prevDays = prevConfig == null ? DEFAULT_DAYS : prevConfig[0];
        int prevCarried = carried(prev, tracked, allowances, used);
        return Math.max(0, prevDays + prevCarried - used.getOrDefault(prev, 0));
    }

    /** Sets the caller's allowance for the year in the active plan. */
    public void updateStats(long userId, int year, int vacationDays) {
        checkYear(year);
        if (vacationDays < 0 || vacationDays > 366) {
            throw new VacayException("vacationDays must be between 0 and 366.");
        }
        Plan plan = activePlan(userId);
        if (sql.update("UPDATE vacay_user_years SET vacation_days = ? WHERE user_id = ? AND plan_id = ? AND vacation_year = ?",
                vacationDays, userId, plan.id(), year) == 0) {
            sql.update("INSERT INTO vacay_user_years (user_id, plan_id, vacation_year, vacation_days, carried_over) VALUES (?, ?, ?, ?, 0)",
                    userId, plan.id(), year, vacationDays);
        }
        announceTree(plan);
    }

    // ---------------------------------------------------------------- holiday calendars

    private JsonObject calendar(long planId, long calendarId) {
        List<JsonObject> rows = sql.list("SELECT id, plan_id, region, label, color, sort_order FROM vacay_holiday_calendars "
                + "WHERE id = ? AND plan_id = ?", VacayService::calendarRow, calendarId, planId);
        if (rows.isEmpty()) {
            throw new VacayException("Holiday calendar not found.");
        }
        return rows.get(0);
    }

    private static String label(String label) {
        if (label != null && label.length() > 100) {
            throw new VacayException("label is longer than 100 characters.");
        }
        return label == null || label.isBlank() ? null : label;
    }

    /** Adds a public-holiday calendar to the active plan (and, with holidays on, removes the entries on its holidays). */
    public JsonObject addCalendar(long userId, String region, String label, String color, Integer sortOrder) {
        String r = region(region);
        String l = label(label);
        String c = color == null ? DEFAULT_CALENDAR_COLOR : color(color);
        Plan plan = activePlan(userId);
        if (sql.list("SELECT id FROM vacay_holiday_calendars WHERE plan_id = ?", rs -> rs.getLong(1), plan.id()).size() >= 50) {
            throw new VacayException("A plan has at most 50 holiday calendars.");
        }
        sql.update("INSERT INTO vacay_holiday_calendars (plan_id, region, label, color, sort_order) VALUES (?, ?, ?, ?, ?)",
                plan.id(), r, l, c, sortOrder == null ? 0 : sortOrder);
        long id = sql.list("SELECT MAX(id) FROM vacay_holiday_calendars WHERE plan_id = ?", rs -> rs.getLong(1), plan.id()).get(0);
        applyHolidayCalendars(plan);
        announceTree(plan);
        return calendar(plan.id(), id);
    }

    /** Changes a calendar's label (null clears) and/or colour; another plan's calendar is "not found". */
    public JsonObject updateCalendar(long userId, long calendarId, String label, boolean labelGiven, String color) {
        Plan plan = activePlan(userId);
        calendar(plan.id(), calendarId);
        String c = color == null ? null : color(color);
        String l = label(label);
        if (labelGiven) {
            sql.update("UPDATE vacay_holiday_calendars SET label = ? WHERE id = ?", l, calendarId);
        }
        if (c != null) {
            sql.update("UPDATE vacay_holiday_calendars SET color = ? WHERE id = ?", c, calendarId);
        }
        announceTree(plan);
        return calendar(plan.id(), calendarId);
    }

    public void deleteCalendar(long userId, long calendarId) {
        Plan plan = activePlan(userId);
        calendar(plan.id(), calendarId);
        sql.update("DELETE FROM vacay_holiday_calendars WHERE id = ?", calendarId);
        announceTree(plan);
    }

    /**
     * trek://vacay/holidays/{year}: the public holidays of the active plan's calendars in the year (with the legacy
     * single region when it has none), each region's once, by date; [] while holidays are off. Unlike the original,
     * which read only the legacy region.
     */
    public JsonArray planHolidays(long userId, int year) {
        checkYear(year);
        Plan plan = activePlan(userId);
        if (!plan.holidaysEnabled()) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        Set<String> regions = new LinkedHashSet<>(sql.list("SELECT region FROM vacay_holiday_calendars WHERE plan_id = ? "
                + "ORDER BY sort_order, id", rs -> rs.getString(1), plan.id()));
        if (regions.isEmpty() && !plan.holidaysRegion().isEmpty()) {
            regions.add(plan.holidaysRegion());
        }
        List<JsonObject> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String region : regions) {
            for (JsonValue h : holidays.forRegion(year, region)) {
                JsonObject o = h.asJsonObject();
                if (seen.add(o.getString("date", "") + "|" + o.getString("name", ""))) {
                    all.add(JsonFactory.createObjectBuilder(o).add("region", region).build());
                }
            }
        }
        all.sort(java.util.Comparator.comparing(o -> o.getString("date", "")));
        JsonArrayBuilder out = JsonFactory.createArrayBuilder();
        all.forEach(out::add);
        return out.build();
    }

    // ---------------------------------------------------------------- announcements

    private void announceEntries(Plan plan, int year) {
        announce(Set.of(ENTRIES_URI + year), Set.of(), memberIds(plan));
    }

    private void announceTree(Plan plan) {
        announce(Set.of(), Set.of(TREE), memberIds(plan));
    }

    private void announce(Set<String> uris, Set<String> trees, Set<Long> users) {
        changed.fire(new ResourceChanged(uris, trees, users));
    }
}
