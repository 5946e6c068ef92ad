package org.trek.vacay;

import jakarta.json.JsonArray;
import jakarta.json.JsonObjectBuilder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.trek.platform.JsonFactory;

/** A vacation plan's row: its owner and settings. */
public record Plan(long id, long ownerId, boolean blockWeekends, boolean holidaysEnabled, String holidaysRegion,
                   boolean companyHolidaysEnabled, boolean carryOverEnabled, String weekendDays, int weekStart, long createdAt) {

    static final String COLUMNS = "p.id, p.owner_id, p.block_weekends, p.holidays_enabled, p.holidays_region, "
            + "p.company_holidays_enabled, p.carry_over_enabled, p.weekend_days, p.week_start, p.created_at";

    static Plan ofRow(ResultSet rs) throws SQLException {
        return new Plan(rs.getLong("id"), rs.getLong("owner_id"), rs.getBoolean("block_weekends"), rs.getBoolean("holidays_enabled"),
                rs.getString("holidays_region"), rs.getBoolean("company_holidays_enabled"), rs.getBoolean("carry_over_enabled"),
                rs.getString("weekend_days"), rs.getInt("week_start"), rs.getLong("created_at"));
    }

    /** The weekend days as the original numbers them (0 = Sunday … 6 = Saturday). */
    Set<Integer> weekend() {
        Set<Integer> out = new HashSet<>();
        for (String d : weekendDays == null ? new String[0] : weekendDays.split(",")) {
            try {
                out.add(Integer.parseInt(d.strip()));
            } catch (NumberFormatException ignored) {
                // a malformed list counts what it can
            }
        }
        return out;
    }

    /** Whether the date falls on a weekend day this plan blocks. */
    boolean blocked(LocalDate date) {
        return blockWeekends && weekend().contains(jsDay(date.getDayOfWeek()));
    }

    static int jsDay(DayOfWeek d) {
        return d.getValue() % 7;
    }

    /** The original's plan object: settings as booleans, {@code holiday_calendars} beside them. */
    JsonObjectBuilder toJson(JsonArray calendars) {
        return JsonFactory.createObjectBuilder().add("id", id).add("owner_id", ownerId).add("block_weekends", blockWeekends)
                .add("holidays_enabled", holidaysEnabled).add("holidays_region", holidaysRegion == null ? "" : holidaysRegion)
                .add("company_holidays_enabled", companyHolidaysEnabled).add("carry_over_enabled", carryOverEnabled)
                .add("created_at", Instant.ofEpochMilli(createdAt).toString()).add("weekend_days", weekendDays)
                .add("week_start", weekStart).add("holiday_calendars", calendars);
    }
}
