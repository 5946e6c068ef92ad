package org.trek.vacay.tools;

import static org.trek.mcp.registry.ToolAnnotations.CREATE;
import static org.trek.mcp.registry.ToolAnnotations.DELETE;
import static org.trek.mcp.registry.ToolAnnotations.READ;
import static org.trek.mcp.registry.ToolAnnotations.UPDATE;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import org.trek.mcp.registry.ToolAnnotations;
import org.trek.mcp.registry.ToolDefinition;
import org.trek.mcp.registry.ToolProvider;
import org.trek.mcp.toolkit.Call;
import org.trek.mcp.toolkit.Fields;
import org.trek.mcp.toolkit.Param;
import org.trek.mcp.toolkit.Results;
import org.trek.mcp.toolkit.Schema;
import org.trek.mcp.toolkit.Shape;
import org.trek.mcp.toolkit.ToolKit;
import org.trek.platform.JsonFactory;
import org.trek.platform.Jsons;
import org.trek.platform.addons.AddonId;
import org.trek.vacay.PublicHolidays;
import org.trek.vacay.VacayService;

/**
 * The vacay tools (TREK 3.4.1's 22, in the order of the original's {@code tools/vacay.ts}): the caller's active
 * vacation plan, its invitations, years, entries, company holidays, statistics and public-holiday calendars. Each
 * needs the vacay addon and vacay:read or vacay:write; the answers keep the original's shapes (keys, nesting, types).
 */
@ApplicationScoped
public class VacayTools implements ToolProvider {
    public static final String READ_SCOPE = "vacay:read";
    public static final String WRITE_SCOPE = "vacay:write";
    static final AddonId ADDON = AddonId.VACAY;
    /** Reads an outside service (the public holiday API). */
    static final ToolAnnotations READ_OPEN_WORLD = new ToolAnnotations(true, false, true, true);

    @Inject
    ToolKit kit;

    @Inject
    VacayService vacay;

    @Inject
    PublicHolidays holidays;

    private List<ToolDefinition> tools;

    @Override
    public List<ToolDefinition> tools() {
        return tools;
    }

    static final Param<Boolean> BLOCK_WEEKENDS = Param.bool("block_weekends", "Weekend days cannot be taken off");
    static final Param<Boolean> HOLIDAYS_ENABLED = Param.bool("holidays_enabled", "Public holidays of the plan's calendars are shown and blocked");
    static final Param<String> HOLIDAYS_REGION = Param.nullableString("holidays_region",
            "Legacy single holiday region (DE, DE-BY; null or empty clears); becomes the first calendar when the plan has none", 20);
    static final Param<Boolean> COMPANY_HOLIDAYS_ENABLED = Param.bool("company_holidays_enabled", "Company holidays are blocked for everyone");
    static final Param<Boolean> CARRY_OVER_ENABLED = Param.bool("carry_over_enabled", "Unused days carry over into the next tracked year");
    static final Param<String> COLOR = Param.string("color", "Hex colour, e.g. #6366f1", 7, 7).required();
    static final Param<Long> TARGET_USER_ID = Param.id("targetUserId", "User id (from get_available_vacay_users)").required();
    static final Param<Long> PLAN_ID = Param.id("planId", "Plan id of the invitation (get_vacay_plan incomingInvites[].plan_id)").required();
    static final Param<Integer> YEAR = Param.integer("year", "Calendar year", VacayService.MIN_YEAR, VacayService.MAX_YEAR).required();
    static final Param<String> DATE = Param.date("date", "Day").required();
    static final Param<String> NOTE = Param.string("note", "Note (e.g. the occasion)", 0, 500);
    static final Param<Integer> VACATION_DAYS = Param.integer("vacationDays", "Vacation days allowed in the year", 0, 366).required();
    static final Param<String> REGION = Param.string("region", "Country or region code, e.g. US, GB, DE, DE-BY", 2, 20).required();
    static final Param<String> LABEL = Param.nullableString("label", "Label shown for the calendar (null clears)", 100);
    static final Param<String> CALENDAR_COLOR = Param.string("color", "Hex colour, e.g. #fecaca (default)", 7, 7);
    static final Param<Integer> SORT_ORDER = Param.integer("sortOrder", "Position among the plan's calendars (default 0)", 0, 1000);
    static final Param<Long> CALENDAR_ID = Param.id("calendarId", "Holiday calendar id (get_vacay_plan plan.holiday_calendars[].id)").required();
    static final Param<String> COUNTRY = Param.string("country", "ISO 3166-1 alpha-2 code, e.g. DE", 2, 2).required();

    // ---------------------------------------------------------------- shapes (the original's keys)

    public static final Shape CALENDAR = Shape.of("id:integer plan_id:integer region:string label:string color:string sort_order:integer");
    public static final Shape PLAN = Shape.of("id:integer owner_id:integer block_weekends:boolean holidays_enabled:boolean "
            + "holidays_region:string company_holidays_enabled:boolean carry_over_enabled:boolean created_at:string "
            + "weekend_days:string week_start:integer").withList("holiday_calendars", CALENDAR);
    static final Shape PERSON = Shape.of("id:integer username:string email:string color:string");
    static final Shape PENDING = Shape.of("id:integer user_id:integer username:string email:string created_at:string");
    static final Shape INCOMING = Shape.of("id:integer plan_id:integer username:string email:string created_at:string");
    public static final Shape PLAN_DATA = Shape.of("isOwner:boolean isFused:boolean").with("plan", PLAN).withList("users", PERSON)
            .withList("pendingInvites", PENDING).withList("incomingInvites", INCOMING);
    static final Shape USER = Shape.of("id:integer username:string email:string");
    static final Shape ENTRY = Shape.of("id:integer plan_id:integer user_id:integer date:string note:string person_name:string "
            + "person_color:string");
    static final Shape COMPANY_HOLIDAY = Shape.of("id:integer plan_id:integer date:string note:string");
    public static final Shape ENTRIES = Shape.of("").withList("entries", ENTRY).withList("companyHolidays", COMPANY_HOLIDAY);
    static final Shape STAT = Shape.of("user_id:integer person_name:string person_color:string year:integer vacation_days:integer "
            + "carried_over:integer total_available:integer used:integer remaining:integer");
    static final Shape COUNTRY_ROW = Shape.of("countryCode:string name:string");
    public static final Shape HOLIDAY = Shape.of("date:string localName:string name:string countryCode:string")
            .andOptional("fixed:boolean global:boolean counties:array launchYear:integer types:array");

    static JsonObject years(List<Integer> years) {
        return JsonFactory.createObjectBuilder().add("years", Jsons.array(years, y -> JsonFactory.createValue(y))).build();
    }

    static JsonObject yearsSchema() {
        return Schema.nested().ids("years", true).buildOutput();
    }

    static JsonObject action(String action, String date) {
        return JsonFactory.createObjectBuilder().add("action", action).add("date", date).build();
    }

    static JsonObject actionSchema() {
        return Schema.nested().string("action", "added or removed", 1, 10, true).string("date", "The day", 10, 10, true).buildOutput();
    }

    @PostConstruct
    void declare() {
        String r = READ_SCOPE;
        String w = WRITE_SCOPE;
        tools = List.of(
                kit.tool("get_vacay_plan", "Get vacation plan",
                        "Gets your active vacation plan (your own, or the one you joined): its settings and holiday calendars, its "
                                + "members with their colours, the invitations it has open and those you received.",
                        Fields.of(), Schema.nested().object("plan", PLAN_DATA, true).buildOutput(), READ, r, ADDON,
                        c -> Results.of("plan", vacay.planData(c.userId()))),
                kit.tool("update_vacay_plan", "Update vacation plan",
                        "Changes the plan's settings: blocking weekends, public holidays (and the legacy single region), company "
                                + "holidays, carry-over. Omitted settings stay. Switching company holidays on removes entries on them; "
                                + "holidays with calendars remove entries on public holidays; carry-over off forgets stored carry-over.",
                        Fields.of(BLOCK_WEEKENDS, HOLIDAYS_ENABLED, HOLIDAYS_REGION, COMPANY_HOLIDAYS_ENABLED, CARRY_OVER_ENABLED),
                        Schema.nested().bool("success", "Always true", true).object("plan", PLAN, true).buildOutput(), UPDATE, w, ADDON,
                        this::updatePlan),
                kit.tool("set_vacay_color", "Set vacation colour", "Sets your colour in the vacation plan's calendar.",
                        Fields.of(COLOR), Schema.nested().bool("success", "Always true", true).string("color", "The colour set", 7, 7, true)
                                .buildOutput(), UPDATE, w, ADDON,
                        c -> JsonFactory.createObjectBuilder().add("success", true).add("color", vacay.setColor(c.userId(), c.get(COLOR))).build()),
                kit.tool("get_available_vacay_users", "List users to invite",
                        "Lists the users who can be invited to your vacation plan (not in it or invited to it, and in no other shared plan).",
                        Fields.of(), Schema.nested().objects("users", USER, true).buildOutput(), READ, r, ADDON,
                        c -> JsonFactory.createObjectBuilder().add("users", Jsons.array(vacay.availableUsers(c.userId()), o -> o)).build()),
                kit.tool("send_vacay_invite", "Invite to vacation plan",
                        "Invites a user (by id, from get_available_vacay_users) to join your vacation plan.",
                        Fields.of(TARGET_USER_ID), Schema.success(), CREATE, w, ADDON, c -> {
                            vacay.sendInvite(c.userId(), c.get(TARGET_USER_ID));
                            return Results.success();
                        }),
                kit.tool("accept_vacay_invite", "Accept vacation invitation",
                        "Accepts an invitation to another user's vacation plan: your entries and allowances move into it. "
                                + "Refused while you are in another shared plan (one plan at a time).",
                        Fields.of(PLAN_ID), Schema.success(), CREATE, w, ADDON, c -> {
                            vacay.acceptInvite(c.userId(), c.get(PLAN_ID));
                            return Results.success();
                        }),
                kit.tool("decline_vacay_invite", "Decline vacation invitation", "Declines an invitation to a vacation plan.",
                        Fields.of(PLAN_ID), Schema.success(), UPDATE, w, ADDON, c -> {
                            vacay.declineInvite(c.userId(), c.get(PLAN_ID));
                            return Results.success();
                        }),
                kit.tool("cancel_vacay_invite", "Cancel vacation invitation", "Withdraws an open invitation of your vacation plan.",
                        Fields.of(TARGET_USER_ID), Schema.success(), UPDATE, w, ADDON, c -> {
                            vacay.cancelInvite(c.userId(), c.get(TARGET_USER_ID));
                            return Results.success();
                        }),
                kit.tool("dissolve_vacay_plan", "Dissolve vacation plan",
                        "Dissolves the shared plan: as its owner, every member returns to their own plan with their entries (and "
                                + "open invitations are dropped); as a member, you leave it alone.",
                        Fields.of(), Schema.success(), DELETE, w, ADDON, c -> {
                            vacay.dissolve(c.userId());
                            return Results.success();
                        }),
                kit.tool("list_vacay_years", "List vacation years", "Lists the calendar years tracked in your vacation plan.",
                        Fields.of(), yearsSchema(), READ, r, ADDON, c -> years(vacay.listYears(c.userId()))),
                kit.tool("add_vacay_year", "Add vacation year",
                        "Tracks a calendar year (2000–2100) in the vacation plan; every member gets the default 30 days for it.",
                        Fields.of(YEAR), yearsSchema(), CREATE, w, ADDON, c -> years(vacay.addYear(c.userId(), c.get(YEAR)))),
                kit.tool("delete_vacay_year", "Delete vacation year",
                        "Stops tracking a year: its entries, company holidays and allowances are deleted.",
                        Fields.of(YEAR), yearsSchema(), DELETE, w, ADDON, c -> years(vacay.deleteYear(c.userId(), c.get(YEAR)))),
                kit.tool("get_vacay_entries", "Get vacation entries",
                        "Gets the vacation days of every plan member and the company holidays in a year.",
                        Fields.of(YEAR), Schema.nested().object("entries", ENTRIES, true).buildOutput(), READ, r, ADDON,
                        c -> Results.of("entries", vacay.entries(c.userId(), c.get(YEAR)))),
                kit.tool("toggle_vacay_entry", "Toggle vacation day",
                        "Takes a day off for you, or gives it back (action added / removed). Blocked weekend days, company "
                                + "holidays and public holidays cannot be taken.",
                        Fields.of(DATE), actionSchema(), CREATE, w, ADDON,
                        c -> action(vacay.toggleEntry(c.userId(), c.get(DATE)), VacayService.date(c.get(DATE)).toString())),
                kit.tool("toggle_company_holiday", "Toggle company holiday",
                        "Makes a day a company holiday of the whole plan (everyone's entries on it are removed), or takes it back.",
                        Fields.of(DATE, NOTE), actionSchema(), CREATE, w, ADDON,
                        c -> action(vacay.toggleCompanyHoliday(c.userId(), c.get(DATE), c.get(NOTE)), VacayService.date(c.get(DATE)).toString())),
                kit.tool("get_vacay_stats", "Get vacation statistics",
                        "Per plan member for a year: allowance, days carried over from the previous tracked year, total, used "
                                + "(blocked weekend days and company holidays do not count) and remaining.",
                        Fields.of(YEAR), Schema.nested().objects("stats", STAT, true).buildOutput(), READ, r, ADDON,
                        c -> JsonFactory.createObjectBuilder().add("stats", Jsons.array(vacay.stats(c.userId(), c.get(YEAR)),
                                s -> statJson(s))).build()),
                kit.tool("update_vacay_stats", "Set vacation allowance", "Sets your vacation day allowance for a year.",
                        Fields.of(YEAR, VACATION_DAYS), Schema.success(), UPDATE, w, ADDON, c -> {
                            vacay.updateStats(c.userId(), c.get(YEAR), c.get(VACATION_DAYS));
                            return Results.success();
                        }),
                kit.tool("add_holiday_calendar", "Add holiday calendar",
                        "Adds a public-holiday calendar (country DE, or region DE-BY) to the vacation plan.",
                        Fields.of(REGION, LABEL, CALENDAR_COLOR, SORT_ORDER), Schema.nested().object("calendar", CALENDAR, true).buildOutput(),
                        CREATE, w, ADDON, c -> Results.of("calendar", vacay.addCalendar(c.userId(), c.get(REGION), c.get(LABEL),
                                c.get(CALENDAR_COLOR), c.get(SORT_ORDER)))),
                kit.tool("update_holiday_calendar", "Update holiday calendar",
                        "Changes a holiday calendar's label (null clears) or colour; omitted fields stay.",
                        Fields.of(CALENDAR_ID, LABEL, CALENDAR_COLOR), Schema.nested().object("calendar", CALENDAR, true).buildOutput(),
                        UPDATE, w, ADDON, c -> Results.of("calendar", vacay.updateCalendar(c.userId(), c.get(CALENDAR_ID), c.get(LABEL),
                                c.has(LABEL), c.get(CALENDAR_COLOR)))),
                kit.tool("delete_holiday_calendar", "Delete holiday calendar", "Removes a holiday calendar from the vacation plan.",
                        Fields.of(CALENDAR_ID), Schema.success(), DELETE, w, ADDON, c -> {
                            vacay.deleteCalendar(c.userId(), c.get(CALENDAR_ID));
                            return Results.success();
                        }),
                kit.tool("list_holiday_countries", "List holiday countries",
                        "Lists the countries the public holiday service knows (countryCode, name).",
                        Fields.of(), Schema.nested().objects("countries", COUNTRY_ROW, true).buildOutput(), READ_OPEN_WORLD, r, ADDON,
                        c -> Results.of("countries", holidays.countries())),
                kit.tool("list_holidays", "List public holidays", "Lists the public holidays of a country in a year.",
                        Fields.of(COUNTRY, YEAR), Schema.nested().objects("holidays", HOLIDAY, true).buildOutput(), READ_OPEN_WORLD, r, ADDON,
                        c -> Results.of("holidays", holidays.holidays(c.get(YEAR), c.get(COUNTRY)))));
    }

    private JsonObject updatePlan(Call c) {
        String region = c.get(HOLIDAYS_REGION);
        JsonObject plan = vacay.updatePlan(c.userId(), new VacayService.Settings(c.get(BLOCK_WEEKENDS), c.get(HOLIDAYS_ENABLED),
                region, c.has(HOLIDAYS_REGION) && c.isNull(HOLIDAYS_REGION), c.get(COMPANY_HOLIDAYS_ENABLED), c.get(CARRY_OVER_ENABLED)));
        return JsonFactory.createObjectBuilder().add("success", true).add("plan", plan).build();
    }

    static jakarta.json.JsonObjectBuilder statJson(VacayService.Stat s) {
        return JsonFactory.createObjectBuilder().add("user_id", s.userId()).add("person_name", s.personName())
                .add("person_color", s.personColor()).add("year", s.year()).add("vacation_days", s.vacationDays())
                .add("carried_over", s.carriedOver()).add("total_available", s.totalAvailable()).add("used", s.used())
                .add("remaining", s.remaining());
    }
}
