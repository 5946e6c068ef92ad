package org.trek.it;

import static org.trek.it.McpCalls.args;
import static org.trek.it.McpCalls.id;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/**
 * A trip with something in every section, made through MCP tools by its owner (as an assistant would): two dated
 * days, a member, places (one named like a script tag), a planned visit with times and participants, a day title and
 * note, a hotel stay, a restaurant booking and a flight with stops, a shared and an unshared expense, packing items
 * (one packed) and to-dos (one done).
 */
public final class TripFixture {
    public static final String SCRIPT_PLACE = "<script>alert('x')</script> Café";
    public static final String TITLE_SUFFIX = " <b>bold</b>";

    public final String title;
    public final long tripId;
    public final String categoryName;

    private TripFixture(String title, long tripId, String categoryName) {
        this.title = title;
        this.tripId = tripId;
        this.categoryName = categoryName;
    }

    public static TripFixture create(McpCalls owner, String title, String memberUsername) {
        String fullTitle = title + TITLE_SUFFIX;
        long trip = id(owner.call("create_trip", args().add("title", fullTitle).add("start_date", "2027-05-01")
                .add("end_date", "2027-05-02").add("currency", "EUR")), "trip");
        long memberId = owner.call("add_trip_member", args().add("tripId", trip).add("identifier", memberUsername))
                .getJsonObject("member").getJsonNumber("user_id").longValue();
        long ownerId = owner.call("list_trip_members", args().add("tripId", trip)).getJsonObject("owner")
                .getJsonNumber("user_id").longValue();
        JsonArray days = owner.call("get_trip_summary", args().add("tripId", trip)).getJsonArray("days");
        long day1 = days.getJsonObject(0).getJsonNumber("id").longValue();
        long day2 = days.getJsonObject(1).getJsonNumber("id").longValue();
        JsonArray categories = owner.call("list_categories", args()).getJsonArray("categories");
        JsonObject category = categories.getJsonObject(0);

        long museum = id(owner.call("create_place", args().add("tripId", trip).add("name", "Prado Museum")
                .add("address", "Calle de Ruiz de Alarcón 23, Madrid").add("category_id", category.getJsonNumber("id").longValue())), "place");
        long cafe = id(owner.call("create_place", args().add("tripId", trip).add("name", SCRIPT_PLACE)
                .add("notes", "<img src=x onerror=alert(1)>")), "place");
        long hotel = id(owner.call("create_place", args().add("tripId", trip).add("name", "Hotel Sol")), "place");

        long visit = id(owner.call("assign_place_to_day", args().add("tripId", trip).add("dayId", day1).add("placeId", museum)
                .add("notes", "Buy tickets online")), "assignment");
        owner.call("update_assignment_time", args().add("tripId", trip).add("assignmentId", visit)
                .add("place_time", "09:30").add("end_time", "12:00"));
        owner.call("set_assignment_participants", args().add("tripId", trip).add("assignmentId", visit)
                .add("userIds", Json.createArrayBuilder().add(ownerId).add(memberId)));
        owner.call("assign_place_to_day", args().add("tripId", trip).add("dayId", day1).add("placeId", cafe));
        owner.call("update_day", args().add("tripId", trip).add("dayId", day1).add("title", "Museums day"));
        owner.call("create_day_note", args().add("tripId", trip).add("dayId", day1).add("text", "Museum closes early on Mondays")
                .add("time", "18:00"));
        owner.call("create_accommodation", args().add("tripId", trip).add("place_id", hotel).add("start_day_id", day1)
                .add("end_day_id", day2).add("check_in", "15:00").add("check_out", "11:00").add("confirmation", "HS-42"));

        owner.call("create_reservation", args().add("tripId", trip).add("title", "Dinner at Botín").add("type", "restaurant")
                .add("day_id", day1).add("reservation_time", "2027-05-01T21:00").add("confirmation_number", "BOT-7"));
        owner.call("create_transport", args().add("tripId", trip).add("type", "flight").add("title", "IB 3170")
                .add("start_day_id", day2).add("endpoints", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("role", "from").add("sequence", 0).add("name", "Madrid Barajas").add("code", "MAD"))
                        .add(Json.createObjectBuilder().add("role", "to").add("sequence", 1).add("name", "Lisbon").add("code", "LIS"))));

        owner.call("create_budget_item_with_members", args().add("tripId", trip).add("name", "Hotel Sol").add("category", "Lodging")
                .add("total_price", 200.01).add("userIds", Json.createArrayBuilder().add(ownerId).add(memberId)));
        owner.call("create_budget_item", args().add("tripId", trip).add("name", "Museum tickets").add("category", "Culture")
                .add("total_price", 30));

        long passport = id(owner.call("create_packing_item", args().add("tripId", trip).add("name", "Passport").add("category", "Documents")), "item");
        owner.call("toggle_packing_item", args().add("tripId", trip).add("itemId", passport).add("checked", true));
        owner.call("create_packing_item", args().add("tripId", trip).add("name", "Sunscreen").add("category", "Toiletries"));

        long todo = id(owner.call("create_todo", args().add("tripId", trip).add("name", "Book museum tickets").add("due_date", "2027-04-20")
                .add("assigned_user_id", memberId)), "item");
        owner.call("toggle_todo", args().add("tripId", trip).add("itemId", todo).add("checked", true));
        owner.call("create_todo", args().add("tripId", trip).add("name", "Exchange money"));
        return new TripFixture(fullTitle, trip, category.getString("name"));
    }
}
