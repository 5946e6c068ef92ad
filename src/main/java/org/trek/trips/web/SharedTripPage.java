package org.trek.trips.web;

import static org.trek.trips.web.TripViewService.dayLabel;
import static org.trek.trips.web.TripViewService.money;
import static org.trek.trips.web.TripViewService.row;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.trek.trips.Accommodation;
import org.trek.trips.BudgetItem;
import org.trek.trips.Category;
import org.trek.trips.DayNote;
import org.trek.trips.PackingItem;
import org.trek.trips.Place;
import org.trek.trips.Reservation;
import org.trek.trips.ReservationEndpoint;
import org.trek.trips.SharedTripService;
import org.trek.trips.Trip;
import org.trek.trips.TripDay;

/**
 * The model of the public page of a share link (views/shared/trip.jsp): only what {@link SharedTripService} read for
 * the link's flags, as maps (Jakarta EL 5 cannot read records). No member names: assignments show no participants and
 * the budget no payer.
 */
final class SharedTripPage {
    private SharedTripPage() {
    }

    static Map<String, Object> view(SharedTripService.Shared s) {
        Trip trip = s.trip();
        Map<String, Object> out = row("title", trip.getTitle(), "description", trip.getDescription(),
                "startDate", trip.getStartDate(), "endDate", trip.getEndDate(),
                "showsMap", s.showsMap(), "showsBookings", s.showsBookings(), "showsPacking", s.showsPacking(),
                "showsBudget", s.showsBudget(), "truncated", !s.truncated().isEmpty());
        Map<Long, TripDay> dayById = new HashMap<>();
        s.days().forEach(d -> dayById.put(d.getId(), d));
        if (s.showsMap()) {
            out.put("days", days(s));
            out.put("places", places(s));
        }
        if (s.showsBookings()) {
            out.put("reservations", reservations(s, dayById));
            out.put("accommodations", accommodations(s, dayById));
        }
        if (s.showsPacking()) {
            out.put("packing", packing(s.packing()));
        }
        if (s.showsBudget()) {
            out.put("budget", budget(s, trip.getCurrency()));
        }
        return out;
    }

    private static String category(SharedTripService.Shared s, Long categoryId) {
        Category c = categoryId == null ? null : s.categories().get(categoryId);
        return c == null ? null : c.getName();
    }

    private static List<Map<String, Object>> days(SharedTripService.Shared s) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (TripDay d : s.days()) {
            List<Map<String, Object>> planned = new ArrayList<>();
            for (SharedTripService.Planned p : s.assignments().getOrDefault(d.getId(), List.of())) {
                Place place = p.place();
                planned.add(row("place", place.getName(), "category", category(s, place.getCategoryId()),
                        "time", p.assignment().getTime() != null ? p.assignment().getTime() : place.getPlaceTime(),
                        "endTime", p.assignment().getEndTime() != null ? p.assignment().getEndTime() : place.getEndTime(),
                        "notes", p.assignment().getNotes()));
            }
            List<Map<String, Object>> notes = new ArrayList<>();
            for (DayNote n : s.dayNotes().getOrDefault(d.getId(), List.of())) {
                notes.add(row("text", n.getText(), "time", n.getTime(), "icon", n.getIcon()));
            }
            out.add(row("number", d.getDayNumber(), "date", d.getDate(), "title", d.getTitle(), "notes", d.getNotes(),
                    "assignments", planned, "noteList", notes));
        }
        return out;
    }

    private static List<Map<String, Object>> places(SharedTripService.Shared s) {
        List<Place> sorted = new ArrayList<>(s.places());
        sorted.sort(Comparator.comparing((Place p) -> p.getName() == null ? "" : p.getName().toLowerCase(Locale.ROOT))
                .thenComparing(Place::getId));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Place p : sorted) {
            out.add(row("name", p.getName(), "category", category(s, p.getCategoryId()),
                    "tags", s.tags().getOrDefault(p.getId(), List.of()).stream().map(SharedTripService.TagRef::name).toList(),
                    "address", p.getAddress(), "notes", p.getNotes(), "mapUrl", mapUrl(p.getLat(), p.getLng())));
        }
        return out;
    }

    /** A link to the place on OpenStreetMap (the page itself loads nothing from elsewhere). */
    static String mapUrl(Double lat, Double lng) {
        if (lat == null || lng == null || !Double.isFinite(lat) || !Double.isFinite(lng)) {
            return null;
        }
        String la = BigDecimal.valueOf(lat).setScale(6, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        String lo = BigDecimal.valueOf(lng).setScale(6, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        return "https://www.openstreetmap.org/?mlat=" + la + "&mlon=" + lo + "#map=17/" + la + "/" + lo;
    }

    private static List<Map<String, Object>> reservations(SharedTripService.Shared s, Map<Long, TripDay> dayById) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Reservation r : s.reservations()) {
            List<String> stops = new ArrayList<>();
            for (ReservationEndpoint e : s.stops().getOrDefault(r.getId(), List.of())) {
                String stop = e.getName() + (e.getCode() == null ? "" : " (" + e.getCode() + ")")
                        + (e.getLocalTime() == null ? "" : " " + Objects.toString(e.getLocalDate(), "") + " " + e.getLocalTime());
                stops.add(stop.replaceAll("\\s+", " ").trim());
            }
            out.add(row("title", r.getTitle(), "type", r.getType(), "status", r.getStatus(),
                    "day", r.getDayId() == null ? null : dayLabel(dayById.get(r.getDayId())),
                    "time", r.getTime(), "endTime", r.getEndTime(), "location", r.getLocation(), "notes", r.getNotes(), "stops", stops));
        }
        return out;
    }

    private static List<Map<String, Object>> accommodations(SharedTripService.Shared s, Map<Long, TripDay> dayById) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SharedTripService.Stay stay : s.accommodations()) {
            Accommodation a = stay.accommodation();
            out.add(row("place", stay.place() == null ? null : stay.place().getName(),
                    "address", stay.place() == null ? null : stay.place().getAddress(),
                    "from", dayLabel(dayById.get(a.getStartDayId())), "to", dayLabel(dayById.get(a.getEndDayId())),
                    "checkIn", a.getCheckIn(), "checkOut", a.getCheckOut(), "notes", a.getNotes()));
        }
        return out;
    }

    private static Map<String, Object> packing(List<PackingItem> items) {
        Map<String, List<Map<String, Object>>> byCategory = new LinkedHashMap<>();
        long checked = 0;
        for (PackingItem p : items) {
            String category = p.getCategory() == null || p.getCategory().isBlank() ? "Other" : p.getCategory();
            byCategory.computeIfAbsent(category, k -> new ArrayList<>()).add(row("name", p.getName(), "quantity", p.getQuantity(),
                    "checked", p.isChecked()));
            checked += p.isChecked() ? 1 : 0;
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        byCategory.forEach((category, list) -> groups.add(row("category", category, "items", list)));
        return row("groups", groups, "total", items.size(), "checked", checked);
    }

    private static Map<String, Object> budget(SharedTripService.Shared s, String currency) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (BudgetItem b : s.budget()) {
            items.add(row("name", b.getName(), "category", b.getCategory(), "total", money(b.getTotalPrice(), currency),
                    "note", b.getNote(), "date", b.getExpenseDate()));
        }
        List<Map<String, Object>> byCategory = new ArrayList<>();
        s.budgetFigures().byCategory().forEach((category, sum) -> byCategory.add(row("category", category, "total", money(sum, currency))));
        return row("items", items, "byCategory", byCategory, "total", money(s.budgetFigures().total(), currency),
                "itemCount", s.budgetFigures().itemCount());
    }
}
