package org.trek.trips;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.trek.trips.ToolTestSupport.args;
import static org.trek.trips.ToolTestSupport.full;
import static org.trek.trips.ToolTestSupport.ok;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trek.account.User;
import org.trek.account.UserService;
import org.trek.it.Deployments;
import org.trek.platform.db.Sql;
import org.trek.trips.tools.AssignmentTools;
import org.trek.trips.tools.BudgetTools;
import org.trek.trips.tools.DayTools;
import org.trek.trips.tools.PackingTools;
import org.trek.trips.tools.PlaceTools;
import org.trek.trips.tools.ReservationTools;
import org.trek.trips.tools.TodoTools;
import org.trek.trips.tools.TripTools;

/**
 * The exact JSON of {@link TripSummaryService#summary} (get_trip_summary, the trip-summary prompt, trek://trips/{id}/…)
 * for one rich trip — every section filled, optional fields both set and null, decimals, notes and assignments on
 * several days, a stay with and one without a place — compared with golden files: field order, nulls, number text,
 * booleans and time formats must not change. Only what changes from run to run is normalized: ids become
 * {@code <kind#n>} in order of first appearance, user names {@code <owner>}/{@code <member…>}, times of this run
 * {@code <now>} (times pinned by the fixture stay as they are). A second test checks the caps and "more" markers.
 *
 * <p>After an intended change of the JSON, the actual text is written to {@code target/summary-golden/} to review and
 * copy over the golden file.
 */
@ExtendWith(ArquillianExtension.class)
class TripSummaryGoldenIT {

    static final String GOLDEN_ALL = "org/trek/trips/trip-summary-all-sections.json";
    static final String GOLDEN_NONE = "org/trek/trips/trip-summary-no-optional-sections.json";

    @Deployment
    static WebArchive deployment() {
        return Deployments.trekWith(TripSummaryGoldenIT.class, ToolTestSupport.class, ToolTestSupport.TestCall.class,
                Normalizer.class).addAsResource(GOLDEN_ALL).addAsResource(GOLDEN_NONE);
    }

    @Inject TripSummaryService summaries;
    @Inject TripTools tripTools;
    @Inject PlaceTools placeTools;
    @Inject AssignmentTools assignmentTools;
    @Inject DayTools dayTools;
    @Inject BudgetTools budgetTools;
    @Inject PackingTools packingTools;
    @Inject ReservationTools reservationTools;
    @Inject TodoTools todoTools;
    @Inject UserService users;
    @Inject Sql sql;

    static final TripSummaryService.Sections ALL = new TripSummaryService.Sections(true, true, true, true, true, true, true, true);
    static final TripSummaryService.Sections NONE = new TripSummaryService.Sections(false, false, false, false, false);

    static long id(JsonObject result, String key) {
        return result.getJsonObject(key).getJsonNumber("id").longValue();
    }

    @Test
    void theSummaryOfARichTripIsExactlyTheGoldenJson() {
        Instant start = Instant.now();
        User owner = ToolTestSupport.newUser(users, "owner");
        User member = ToolTestSupport.newUser(users, "member");
        User second = ToolTestSupport.newUser(users, "second");
        User stranger = ToolTestSupport.newUser(users, "stranger");
        long o = owner.getId();
        long trip = id(ok(tripTools, "create_trip", full(o), args().add("title", "Lisbon").add("description", "Tiles and trams")
                .add("start_date", "2027-06-01").add("end_date", "2027-06-03").add("currency", "EUR")), "trip");
        ok(tripTools, "add_trip_member", full(o), args().add("tripId", trip).add("identifier", member.getUsername()));
        ok(tripTools, "add_trip_member", full(o), args().add("tripId", trip).add("identifier", second.getUsername()));

        JsonArray days = summaries.summary(o, trip, NONE).getJsonArray("days");
        long d0 = days.getJsonObject(0).getJsonNumber("id").longValue();
        long d1 = days.getJsonObject(1).getJsonNumber("id").longValue();
        long d2 = days.getJsonObject(2).getJsonNumber("id").longValue();
        ok(dayTools, "update_day", full(o), args().add("tripId", trip).add("dayId", d0).add("title", "Arrival"));
        sql.update("UPDATE trip_days SET notes = ? WHERE id = ?", "Rest day", d1);

        // Places and assignments on several days: one place with every column, one with none, one on two days.
        JsonObject castle = ok(placeTools, "create_and_assign_place", full(o), args().add("tripId", trip).add("dayId", d0)
                .add("name", "Castelo").add("lat", 38.7139).add("lng", -9.1335).add("address", "R. de Santa Cruz do Castelo")
                .add("category_id", 3).add("assignment_notes", "Morning"));
        long castleAssignment = id(castle, "assignment");
        ok(assignmentTools, "update_assignment_time", full(o), args().add("tripId", trip).add("assignmentId", castleAssignment)
                .add("place_time", "09:30").add("end_time", "11:00"));
        ok(placeTools, "create_and_assign_place", full(o), args().add("tripId", trip).add("dayId", d0).add("name", "Pasteis"));
        long tram = id(ok(placeTools, "create_place", full(o), args().add("tripId", trip).add("name", "Tram 28")
                .add("lat", 38.71).add("lng", -9.14)), "place");
        ok(assignmentTools, "assign_place_to_day", full(o), args().add("tripId", trip).add("dayId", d2).add("placeId", tram)
                .add("notes", "Go early"));
        long tramAssignment = id(ok(assignmentTools, "assign_place_to_day", full(o), args().add("tripId", trip).add("dayId", d1)
                .add("placeId", tram)), "assignment");
        ok(placeTools, "create_place", full(o), args().add("tripId", trip).add("name", "Unassigned"));

        // Notes on two days, with and without a time, in an order that is not the order of creation.
        long late = id(ok(dayTools, "create_day_note", full(o), args().add("tripId", trip).add("dayId", d0).add("text", "Dinner")
                .add("time", "20:00")), "note");
        ok(dayTools, "create_day_note", full(o), args().add("tripId", trip).add("dayId", d0).add("text", "Buy tram tickets"));
        ok(dayTools, "create_day_note", full(o), args().add("tripId", trip).add("dayId", d2).add("text", "Fado night")
                .add("time", "21:00").add("icon", "\uD83C\uDFB5"));
        sql.update("UPDATE day_notes SET sort_order = ?, created_at = ? WHERE id = ?", 2.5, 1767225600000L, late);

        // A stay with its place, and one whose place was deleted afterwards (place_id NULL).
        JsonObject hotel = ok(dayTools, "create_place_accommodation", full(o), args().add("tripId", trip).add("name", "Hotel Avenida")
                .add("start_day_id", d0).add("end_day_id", d2).add("check_in", "15:00").add("check_out", "11:00")
                .add("confirmation", "AV-2027").add("accommodation_notes", "Late arrival"));
        long hotelStay = id(hotel, "accommodation");
        long guesthouse = id(ok(placeTools, "create_place", full(o), args().add("tripId", trip).add("name", "Guesthouse")), "place");
        ok(dayTools, "create_accommodation", full(o), args().add("tripId", trip).add("place_id", guesthouse)
                .add("start_day_id", d1).add("end_day_id", d1));
        ok(placeTools, "delete_place", full(o), args().add("tripId", trip).add("placeId", guesthouse));

        // Reservations: one linked to everything, one bare.
        long fado = id(ok(reservationTools, "create_reservation", full(o), args().add("tripId", trip).add("title", "Fado show")
                .add("type", "event").add("reservation_time", "2027-06-03T21:00").add("location", "Alfama")
                .add("confirmation_number", "F-77").add("notes", "Pay at the door").add("day_id", d2).add("place_id", tram)
                .add("assignment_id", tramAssignment)), "reservation");
        sql.update("UPDATE reservations SET end_day_id = ?, accommodation_id = ?, reservation_end_time = ?, metadata = ?, "
                + "day_plan_position = ?, needs_review = TRUE WHERE id = ?", d2, hotelStay, "2027-06-03T23:00", "{\"seats\":\"A1-A2\"}",
                1.5, fado);
        ok(reservationTools, "create_reservation", full(o), args().add("tripId", trip).add("title", "Museum").add("type", "other"));

        // Budget: scale-2 decimals, one item with every column, one shared, one with the defaults.
        long room = ok(budgetTools, "create_budget_item", full(o), args().add("tripId", trip).add("name", "Room").add("category", "Lodging")
                .add("total_price", new BigDecimal("12.50")).add("note", "Deposit")).getJsonObject("item").getJsonNumber("id").longValue();
        ok(budgetTools, "update_budget_item", full(o), args().add("tripId", trip).add("itemId", room).add("persons", 2).add("days", 3));
        sql.update("UPDATE budget_items SET paid_by_user_id = ?, expense_date = ?, reservation_id = ?, created_at = ? WHERE id = ?",
                o, "2027-06-01", fado, 1767225600120L, room);
        ok(budgetTools, "create_budget_item_with_members", full(o), args().add("tripId", trip).add("name", "Dinner")
                .add("category", "Food").add("total_price", new BigDecimal("45.1"))
                .add("userIds", Json.createArrayBuilder().add(o).add(member.getId())));
        ok(budgetTools, "create_budget_item", full(o), args().add("tripId", trip).add("name", "Tram").add("total_price", 3));

        // Packing: checked and not, one item with a bag, a weight and a quantity.
        long passport = ok(packingTools, "create_packing_item", full(o), args().add("tripId", trip).add("name", "Passport")
                .add("category", "Documents")).getJsonObject("item").getJsonNumber("id").longValue();
        ok(packingTools, "toggle_packing_item", full(o), args().add("tripId", trip).add("itemId", passport).add("checked", true));
        long sunscreen = ok(packingTools, "create_packing_item", full(o), args().add("tripId", trip).add("name", "Sunscreen")
                .add("category", "Toiletries")).getJsonObject("item").getJsonNumber("id").longValue();
        long bag = id(ok(packingTools, "create_packing_bag", full(o), args().add("tripId", trip).add("name", "Carry-on")), "bag");
        sql.update("UPDATE packing_items SET weight_grams = ?, bag_id = ?, quantity = ? WHERE id = ?", 120, bag, 2, sunscreen);
        ok(packingTools, "create_packing_item", full(o), args().add("tripId", trip).add("name", "Hat"));

        // To-dos: one with every field and done, one bare.
        long book = ok(todoTools, "create_todo", full(o), args().add("tripId", trip).add("name", "Book fado").add("category", "Admin")
                .add("due_date", "2027-05-20").add("description", "Two seats").add("assigned_user_id", member.getId())
                .add("priority", 2)).getJsonObject("item").getJsonNumber("id").longValue();
        ok(todoTools, "toggle_todo", full(o), args().add("tripId", trip).add("itemId", book).add("checked", true));
        ok(todoTools, "create_todo", full(o), args().add("tripId", trip).add("name", "Charge camera"));

        Map<String, String> names = new LinkedHashMap<>();
        names.put(owner.getUsername(), "<owner>");
        names.put(member.getUsername(), "<member>");
        names.put(second.getUsername(), "<second>");
        names.put(owner.getEmail(), "<owner-email>");
        names.put(member.getEmail(), "<member-email>");
        names.put(second.getEmail(), "<second-email>");
        // A member sees everything (the access check through trip_members); the owner, no optional section.
        JsonObject all = summaries.summary(member.getId(), trip, ALL);
        JsonObject none = summaries.summary(o, trip, NONE);
        assertAll(() -> assertGolden(GOLDEN_ALL, all, names, start), () -> assertGolden(GOLDEN_NONE, none, names, start));

        // Who may not read it: the same refusal for a stranger, an unknown trip and an impossible id.
        for (long[] c : new long[][] {{stranger.getId(), trip}, {o, Long.MAX_VALUE}, {o, 0}, {o, -1}}) {
            TripException e = assertThrows(TripException.class, () -> summaries.summary(c[0], c[1], ALL));
            assertEquals(TripException.NO_ACCESS, e.getMessage());
        }
    }

    /** The caps: at most 1,000 assignments and 200 entries per list, with exact counts and "more" markers. */
    @Test
    void listsAreCappedInTheirOrderWithExactCounts() {
        User owner = ToolTestSupport.newUser(users, "capper");
        long o = owner.getId();
        long trip = id(ok(tripTools, "create_trip", full(o), args().add("title", "Long").add("start_date", "2027-07-01")
                .add("end_date", "2027-07-02")), "trip");
        JsonArray days = summaries.summary(o, trip, NONE).getJsonArray("days");
        long d0 = days.getJsonObject(0).getJsonNumber("id").longValue();
        long d1 = days.getJsonObject(1).getJsonNumber("id").longValue();
        long place = id(ok(placeTools, "create_place", full(o), args().add("tripId", trip).add("name", "Everywhere")), "place");
        long now = System.currentTimeMillis();
        // 1,001 assignments: day 2's are inserted first, and their order_index runs against their ids.
        for (int i = 0; i < 501; i++) {
            sql.update("INSERT INTO day_assignments (day_id, place_id, order_index, created_at) VALUES (?, ?, ?, ?)", d1, place, 500 - i, now);
        }
        for (int i = 0; i < 500; i++) {
            sql.update("INSERT INTO day_assignments (day_id, place_id, order_index, created_at) VALUES (?, ?, ?, ?)", d0, place, i, now);
        }
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < 201; i++) {
            BigDecimal price = new BigDecimal(i).add(new BigDecimal("0.25"));
            total = total.add(price);
            sql.update("INSERT INTO budget_items (trip_id, category, name, total_price, sort_order, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    trip, "Other", "B" + i, price, 300 - i, now);
            sql.update("INSERT INTO packing_items (trip_id, name, checked, category, sort_order, quantity, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", trip, "P" + i, i % 3 == 0, "General", 300 - i, 1, now);
            sql.update("INSERT INTO reservations (trip_id, title, reservation_type, status, needs_review, created_at) "
                    + "VALUES (?, ?, ?, ?, FALSE, ?)", trip, "R" + i, "other", "pending", now);
            sql.update("INSERT INTO todo_items (trip_id, name, checked, sort_order, priority, created_at) VALUES (?, ?, FALSE, ?, 0, ?)",
                    trip, "T" + i, 300 - i, now);
        }
        JsonObject s = summaries.summary(o, trip, ALL);

        assertTrue(s.getBoolean("assignments_truncated"));
        assertEquals(1, s.getJsonNumber("place_count").longValue());
        JsonArray first = s.getJsonArray("days").getJsonObject(0).getJsonArray("assignments");
        JsonArray second = s.getJsonArray("days").getJsonObject(1).getJsonArray("assignments");
        assertEquals(500, first.size());
        assertEquals(500, second.size(), "the 1,001st assignment (day 2, highest order_index) is cut");
        for (int i = 0; i < 500; i++) {
            assertEquals(i, first.getJsonObject(i).getInt("order_index"));
            assertEquals(i, second.getJsonObject(i).getInt("order_index"));
        }

        JsonObject budget = s.getJsonObject("budget");
        assertEquals(200, budget.getJsonArray("items").size());
        assertEquals(201, budget.getInt("item_count"));
        assertTrue(budget.getBoolean("more"));
        assertEquals(total.toString(), budget.getJsonNumber("total").toString());
        assertEquals("B200", budget.getJsonArray("items").getJsonObject(0).getString("name"), "by sort_order");
        assertEquals("200.25", budget.getJsonArray("items").getJsonObject(0).getJsonNumber("total_price").toString());

        JsonObject packing = s.getJsonObject("packing");
        assertEquals(200, packing.getJsonArray("items").size());
        assertEquals(201, packing.getInt("total"));
        assertEquals(67, packing.getInt("checked"));
        assertTrue(packing.getBoolean("more"));
        assertEquals("P200", packing.getJsonArray("items").getJsonObject(0).getString("name"));

        JsonArray reservations = s.getJsonArray("reservations");
        assertEquals(200, reservations.size());
        assertTrue(s.getBoolean("reservations_more"));
        assertEquals("R0", reservations.getJsonObject(0).getString("title"), "by id");
        assertEquals("R199", reservations.getJsonObject(199).getString("title"));

        JsonArray todos = s.getJsonArray("todos");
        assertEquals(200, todos.size());
        assertTrue(s.getBoolean("todos_more"));
        assertEquals("T200", todos.getJsonObject(0).getString("name"), "by sort_order");
        assertEquals("T1", todos.getJsonObject(199).getString("name"));
    }

    void assertGolden(String golden, JsonObject summary, Map<String, String> names, Instant start) {
        String actual = Normalizer.pretty(new Normalizer(names, start, Instant.now()).normalize(summary)) + "\n";
        String expected;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(golden)) {
            assertNotNull(in, golden);
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (!expected.equals(actual)) {
            Path out = Path.of("target", "summary-golden", Path.of(golden).getFileName().toString());
            try {
                Files.createDirectories(out.getParent());
                Files.writeString(out, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            assertEquals(expected, actual, golden + " differs; the actual JSON is in " + out.toAbsolutePath());
        }
    }

    /** Stable placeholders for what differs between runs; everything else is kept as the summary wrote it. */
    static final class Normalizer {
        /** The kind of id each key holds ("id" takes the kind of its object, see {@link #objectKind}). */
        static final Map<String, String> ID_KINDS = Map.ofEntries(Map.entry("trip_id", "trip"), Map.entry("day_id", "day"),
                Map.entry("start_day_id", "day"), Map.entry("end_day_id", "day"), Map.entry("place_id", "place"),
                Map.entry("user_id", "user"), Map.entry("paid_by_user_id", "user"), Map.entry("assigned_user_id", "user"),
                Map.entry("assignment_id", "assignment"), Map.entry("accommodation_id", "accommodation"),
                Map.entry("reservation_id", "reservation"), Map.entry("bag_id", "bag"), Map.entry("category_id", "category"));

        final Map<String, String> names;
        final Instant from;
        final Instant to;
        final Map<String, Map<Long, Integer>> seen = new HashMap<>();

        Normalizer(Map<String, String> names, Instant start, Instant end) {
            this.names = names;
            this.from = start.minus(Duration.ofMinutes(5));
            this.to = end.plus(Duration.ofMinutes(5));
        }

        static String objectKind(String key, String parentKey) {
            if (key == null) {
                return null;
            }
            return switch (key) {
                case "trip" -> "trip";
                case "days" -> "day";
                case "notes_list", "notes" -> "note";
                case "owner", "collaborators" -> "user";
                case "assignments" -> "assignment";
                case "place" -> "place";
                case "accommodations" -> "accommodation";
                case "reservations" -> "reservation";
                case "todos" -> "todo";
                case "items" -> parentKey + "_item";
                default -> null;
            };
        }

        JsonValue normalize(JsonObject summary) {
            return value(summary, null, null, null);
        }

        /** key: the member name this value sits under (for array elements: the array's); kind: the kind of "id". */
        JsonValue value(JsonValue v, String key, String parentKey, String kind) {
            switch (v.getValueType()) {
                case OBJECT -> {
                    var b = Json.createObjectBuilder();
                    String own = objectKind(key, parentKey);
                    for (Map.Entry<String, JsonValue> e : v.asJsonObject().entrySet()) {
                        b.add(e.getKey(), member(e.getKey(), e.getValue(), key, own));
                    }
                    return b.build();
                }
                case ARRAY -> {
                    var b = Json.createArrayBuilder();
                    for (JsonValue item : v.asJsonArray()) {
                        b.add(value(item, key, parentKey, kind));
                    }
                    return b.build();
                }
                default -> {
                    return v;
                }
            }
        }

        JsonValue member(String key, JsonValue v, String objectKey, String objectKind) {
            if (v instanceof JsonNumber n && (key.equals("id") || key.endsWith("_id"))) {
                String kind = key.equals("id") ? objectKind : ID_KINDS.get(key);
                if (kind == null) {
                    fail("an id of unknown kind: " + key + " in " + objectKey);
                }
                Map<Long, Integer> ids = seen.computeIfAbsent(kind, k -> new HashMap<>());
                int nth = ids.computeIfAbsent(n.longValueExact(), k -> ids.size() + 1);
                return Json.createValue("<" + kind + "#" + nth + ">");
            }
            if (v instanceof JsonString s) {
                if (names.containsKey(s.getString())) {
                    return Json.createValue(names.get(s.getString()));
                }
                if (key.endsWith("_at") && isTimeOfThisRun(s.getString())) {
                    return Json.createValue("<now>");
                }
                return v;
            }
            return value(v, key, objectKey, null);
        }

        /** Only Instant.toString()'s own form of a time within this run: any other format stays and must match. */
        boolean isTimeOfThisRun(String text) {
            try {
                Instant t = Instant.parse(text);
                return t.toString().equals(text) && !t.isBefore(from) && !t.isAfter(to);
            } catch (DateTimeParseException e) {
                return false;
            }
        }

        /** Two-space indented JSON; scalars as JSON-P writes them (the text of numbers unchanged). */
        static String pretty(JsonValue v) {
            StringBuilder sb = new StringBuilder();
            write(v, sb, "");
            return sb.toString();
        }

        static void write(JsonValue v, StringBuilder sb, String indent) {
            String inner = indent + "  ";
            switch (v.getValueType()) {
                case OBJECT -> {
                    JsonObject o = v.asJsonObject();
                    if (o.isEmpty()) {
                        sb.append("{}");
                        return;
                    }
                    sb.append("{\n");
                    int i = 0;
                    for (Map.Entry<String, JsonValue> e : o.entrySet()) {
                        sb.append(inner).append(Json.createValue(e.getKey())).append(": ");
                        write(e.getValue(), sb, inner);
                        sb.append(++i < o.size() ? ",\n" : "\n");
                    }
                    sb.append(indent).append('}');
                }
                case ARRAY -> {
                    JsonArray a = v.asJsonArray();
                    if (a.isEmpty()) {
                        sb.append("[]");
                        return;
                    }
                    sb.append("[\n");
                    for (int i = 0; i < a.size(); i++) {
                        sb.append(inner);
                        write(a.get(i), sb, inner);
                        sb.append(i + 1 < a.size() ? ",\n" : "\n");
                    }
                    sb.append(indent).append(']');
                }
                default -> sb.append(v);
            }
        }
    }

    @Test
    void theNormalizerKeepsWhatIsNotAnIdANameOrATimeOfThisRun() {
        Instant now = Instant.now();
        JsonObject in = Json.createObjectBuilder().add("trip", Json.createObjectBuilder().add("id", 7).add("user_id", 7)
                .add("title", "x").add("created_at", now.toString()).add("updated_at", "2026-01-01T00:00:00Z"))
                .add("total", new BigDecimal("12.50")).add("flag", false).addNull("nothing").build();
        String out = Normalizer.pretty(new Normalizer(Map.of("x", "<x>"), now, now).normalize(in));
        assertEquals("{\n  \"trip\": {\n    \"id\": \"<trip#1>\",\n    \"user_id\": \"<user#1>\",\n    \"title\": \"<x>\",\n"
                + "    \"created_at\": \"<now>\",\n    \"updated_at\": \"2026-01-01T00:00:00Z\"\n  },\n  \"total\": 12.50,\n"
                + "  \"flag\": false,\n  \"nothing\": null\n}", out);
        assertFalse(out.contains("7"));
    }
}
