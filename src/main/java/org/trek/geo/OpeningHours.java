package org.trek.geo;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simple weekly form of OpenStreetMap's opening_hours tag ("Mo-Fr 09:00-18:00; Sa 10:00-14:00") as seven
 * "Monday: 09:00-18:00" lines (unknown days "Monday: ?"), and whether the place is open at a given local time.
 * Anything fancier (public holidays, months, "sunset") is left as "?".
 */
public final class OpeningHours {
    private static final List<String> DAYS = List.of("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su");
    private static final List<String> LONG = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
    private static final String DAY = "(?:Mo|Tu|We|Th|Fr|Sa|Su)";
    private static final Pattern SEGMENT = Pattern.compile("^(" + DAY + "(?:\\s*-\\s*" + DAY + ")?(?:\\s*,\\s*" + DAY
            + "(?:\\s*-\\s*" + DAY + ")?)*)\\s+(.+)$");
    private static final Pattern RANGE = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");

    /** Seven lines, Monday first, and open-now (null when today has no time ranges). */
    public record Week(List<String> weekdayDescriptions, Boolean openNow) {
        /** Whether any day is known. */
        public boolean hasData() {
            return weekdayDescriptions.stream().anyMatch(l -> !l.endsWith("?"));
        }
    }

    private OpeningHours() {
    }

    public static Week parse(String tag, LocalDateTime now) {
        List<String> lines = new ArrayList<>();
        for (String d : LONG) {
            lines.add(d + ": ?");
        }
        for (String segment : (tag == null ? "" : tag).split(";")) {
            Matcher m = SEGMENT.matcher(segment.strip());
            if (!m.matches()) {
                continue;
            }
            Set<Integer> days = new LinkedHashSet<>();
            for (String range : m.group(1).split(",")) {
                String[] ends = range.strip().split("-");
                int from = DAYS.indexOf(ends[0].strip());
                if (ends.length == 2) {
                    int to = DAYS.indexOf(ends[1].strip());
                    if (from < 0 || to < 0) {
                        continue;
                    }
                    // Mo-Su is the whole week, Fr-Mo wraps over the weekend
                    for (int i = from; ; i = (i + 1) % 7) {
                        days.add(i);
                        if (i == to) {
                            break;
                        }
                    }
                } else if (from >= 0) {
                    days.add(from);
                }
            }
            for (int i : days) {
                lines.set(i, LONG.get(i) + ": " + m.group(2).strip());
            }
        }
        Boolean openNow = null;
        if (now != null) {
            String today = lines.get(now.getDayOfWeek().getValue() - 1);
            Matcher r = RANGE.matcher(today);
            int minutes = now.getHour() * 60 + now.getMinute();
            boolean any = false;
            boolean open = false;
            while (r.find()) {
                any = true;
                int start = Integer.parseInt(r.group(1)) * 60 + Integer.parseInt(r.group(2));
                int end = Integer.parseInt(r.group(3)) * 60 + Integer.parseInt(r.group(4));
                open |= end > start ? minutes >= start && minutes < end : minutes >= start || minutes < end;
            }
            openNow = any ? open : null;
        }
        return new Week(List.copyOf(lines), openNow);
    }
}
