package org.trek.trips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trek.trips.McpTripHarness.id;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.trek.it.StubServer;
import org.trek.mcp.contract.OriginalShape;
import org.trek.mcp.it.McpTestClient;

/**
 * Every tool of tools/list through /mcp, from one table (tool → scope, permission, arguments built on a fixture
 * trip): success on a legacy 2025-11-25 session and on the stateless 2026-07-28 wire (structuredContent valid
 * against the declared outputSchema, text mirroring it), validation failure (-32602 naming the field), another
 * user's trip, a member without the permission (Admin → Permissions), and the scope gate (403 insufficient_scope,
 * tool absent from tools/list). A tool missing from the table fails {@link #theTableCoversEveryListedTool}.
 *
 * <p>Destructive tools get fresh objects for every call, so the tests do not depend on each other's order.
 */
class ToolCatalogIT {
    static final String NO_ACCESS = TripException.NO_ACCESS;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    /**
     * TRIP: works on one trip (tripId); OWN: on an object of the caller (tags); NONE: no trip; BUCKET_ITEM: on one of
     * the caller's bucket-list items (another user's id is "Bucket list item not found."); JOURNEY / JOURNEY_ENTRY:
     * on a journey (journeyId) or one of its entries (entryId), which another user is told do not exist.
     */
    enum Kind { TRIP, OWN, NONE, BUCKET_ITEM, JOURNEY, JOURNEY_ENTRY }

    /**
     * One tool: its scope, the permission-matrix key that restricts it (null: none, e.g. read tools) and a builder of
     * valid arguments over the fixture (called anew for every call: destructive tools create what they delete).
     */
    record Row(String tool, String scope, String permission, Kind kind, Function<Fixture, JsonObjectBuilder> args) {
        @Override
        public String toString() {
            return tool;
        }
    }

    static McpTripHarness mcp;
    static McpTripHarness.Account owner;
    static McpTripHarness.Account member;
    static McpTripHarness.Account outsider;
    static Fixture f;
    static Map<String, JsonObject> listed;
    static final Map<String, String> lackingTokens = new ConcurrentHashMap<>();

    static Row row(String tool, String scope, String permission, Kind kind, Function<Fixture, JsonObjectBuilder> args) {
        return new Row(tool, scope, permission, kind, args);
    }

    static JsonObjectBuilder trip(Fixture x) {
        return Json.createObjectBuilder().add("tripId", x.tripId);
    }

    static JsonArrayBuilder ids(long... ids) {
        JsonArrayBuilder b = Json.createArrayBuilder();
        for (long id : ids) {
            b.add(id);
        }
        return b;
    }

    static final AtomicInteger SEQ = new AtomicInteger();

    static final List<Row> ROWS = List.of(
            // trips
            row("list_trips", "trips:read", null, Kind.NONE, x -> Json.createObjectBuilder().add("limit", 10)),
            row("get_trip_summary", "trips:read", null, Kind.TRIP, ToolCatalogIT::trip),
            row("create_trip", "trips:write", "trip_create", Kind.NONE, x -> Json.createObjectBuilder().add("title", "Made by the catalog")),
            row("update_trip", "trips:write", "trip_edit", Kind.TRIP, x -> trip(x).add("description", "Spring trip")),
            row("delete_trip", "trips:delete", "trip_delete", Kind.TRIP, x -> Json.createObjectBuilder().add("tripId", x.newTrip())),
            row("list_trip_members", "trips:read", null, Kind.TRIP, ToolCatalogIT::trip),
            row("add_trip_member", "trips:write", "member_manage", Kind.TRIP, x -> trip(x).add("identifier", x.newUserName())),
            row("remove_trip_member", "trips:write", "member_manage", Kind.TRIP, x -> trip(x).add("memberId", x.newMemberId())),
            row("copy_trip", "trips:write", "trip_create", Kind.TRIP, x -> trip(x).add("title", "Copy by the catalog")),
            row("export_trip_ics", "trips:read", null, Kind.TRIP, ToolCatalogIT::trip),
            row("get_share_link", "trips:share", "share_manage", Kind.TRIP, ToolCatalogIT::trip),
            row("create_share_link", "trips:share", "share_manage", Kind.TRIP, x -> trip(x).add("share_budget", true)),
            row("delete_share_link", "trips:share", "share_manage", Kind.TRIP, x -> trip(x.withShareLink())),
            // places
            row("create_place", "places:write", "place_edit", Kind.TRIP, x -> trip(x).add("name", "Kiosk").add("lat", 48.1).add("lng", 11.5)),
            row("create_and_assign_place", "places:write", "place_edit", Kind.TRIP, x -> trip(x).add("dayId", x.days[0]).add("name", "Bakery")),
            row("update_place", "places:write", "place_edit", Kind.TRIP, x -> trip(x).add("placeId", x.placeId).add("notes", "Closed Mondays")),
            row("delete_place", "places:write", "place_edit", Kind.TRIP, x -> trip(x).add("placeId", x.newPlace())),
            row("list_places", "places:read", null, Kind.TRIP, x -> trip(x).add("limit", 5)),
            row("list_categories", "places:read", null, Kind.NONE, x -> Json.createObjectBuilder()),
            row("search_place", "places:read", null, Kind.NONE, x -> Json.createObjectBuilder().add("query", "Colosseum Rome")),
            row("import_places_from_url", "places:write", "place_edit", Kind.TRIP, x -> trip(x)
                    .add("url", "https://maps.app.goo.gl/catalog" + SEQ.incrementAndGet()).add("source", "google-list")),
            row("bulk_delete_places", "places:write", "place_edit", Kind.TRIP, x -> trip(x).add("placeIds", ids(x.newPlace(), x.newPlace()))),
            row("bulk_update_places", "places:write", "place_edit", Kind.TRIP, x -> trip(x).add("placeIds", ids(x.newPlace(), x.newPlace()))
                    .add("transport_mode", "cycling").add("notes", "Bulk")),
            // assignments
            row("assign_place_to_day", "places:write", "place_edit", Kind.TRIP, x -> trip(x).add("dayId", x.days[1]).add("placeId", x.placeId)),
            row("unassign_place", "places:write", "place_edit", Kind.TRIP, x -> trip(x).add("dayId", x.days[0]).add("assignmentId", x.newAssignment(x.days[0]))),
            row("update_assignment_time", "places:write", "place_edit", Kind.TRIP, x -> trip(x).add("assignmentId", x.assignmentId).add("place_time", "09:30")),
            row("move_assignment", "places:write", "place_edit", Kind.TRIP, x -> trip(x).add("assignmentId", x.newAssignment(x.days[0]))
                    .add("oldDayId", x.days[0]).add("newDayId", x.days[1])),
            row("get_assignment_participants", "places:read", null, Kind.TRIP, x -> trip(x).add("assignmentId", x.assignmentId)),
            row("set_assignment_participants", "places:write", "place_edit", Kind.TRIP, x -> trip(x).add("assignmentId", x.assignmentId)
                    .add("userIds", ids(owner.id(), member.id()))),
            row("reorder_day_assignments", "places:write", "place_edit", Kind.TRIP, x -> {
                long day = x.newDay();
                return trip(x).add("dayId", day).add("assignmentIds", ids(x.newAssignment(day), x.newAssignment(day)));
            }),
            // tags (they belong to their user)
            row("list_tags", "places:read", null, Kind.NONE, x -> Json.createObjectBuilder()),
            row("create_tag", "places:write", null, Kind.NONE, x -> Json.createObjectBuilder().add("name", "tag" + SEQ.incrementAndGet())),
            row("update_tag", "places:write", null, Kind.OWN, x -> Json.createObjectBuilder().add("tagId", x.tagId).add("color", "#3366ff")),
            row("delete_tag", "places:write", null, Kind.OWN, x -> Json.createObjectBuilder().add("tagId", x.newTag())),
            // days, notes, accommodations
            row("update_day", "trips:write", "day_edit", Kind.TRIP, x -> trip(x).add("dayId", x.days[0]).add("title", "Arrival")),
            row("create_day", "trips:write", "day_edit", Kind.TRIP, ToolCatalogIT::trip),
            row("delete_day", "trips:write", "day_edit", Kind.TRIP, x -> trip(x).add("dayId", x.newDay())),
            row("create_accommodation", "trips:write", "day_edit", Kind.TRIP, x -> trip(x).add("place_id", x.placeId)
                    .add("start_day_id", x.days[0]).add("end_day_id", x.days[1])),
            row("create_place_accommodation", "trips:write", "day_edit", Kind.TRIP, x -> trip(x).add("name", "Pension")
                    .add("start_day_id", x.days[1]).add("end_day_id", x.days[2])),
            row("update_accommodation", "trips:write", "day_edit", Kind.TRIP, x -> trip(x).add("accommodationId", x.accommodationId).add("check_in", "15:00")),
            row("delete_accommodation", "trips:write", "day_edit", Kind.TRIP, x -> trip(x).add("accommodationId", x.newAccommodation())),
            row("create_day_note", "trips:write", "day_edit", Kind.TRIP, x -> trip(x).add("dayId", x.days[0]).add("text", "Buy tickets")),
            row("update_day_note", "trips:write", "day_edit", Kind.TRIP, x -> trip(x).add("dayId", x.days[0]).add("noteId", x.noteId).add("text", "Tickets bought")),
            row("delete_day_note", "trips:write", "day_edit", Kind.TRIP, x -> trip(x).add("dayId", x.days[0]).add("noteId", x.newNote())),
            // reservations and transports
            row("create_reservation", "reservations:write", "reservation_edit", Kind.TRIP, x -> trip(x).add("title", "Dinner").add("type", "restaurant")),
            row("update_reservation", "reservations:write", "reservation_edit", Kind.TRIP, x -> trip(x).add("reservationId", x.reservationId).add("status", "confirmed")),
            row("delete_reservation", "reservations:write", "reservation_edit", Kind.TRIP, x -> trip(x).add("reservationId", x.newReservation("restaurant"))),
            row("reorder_reservations", "reservations:write", "reservation_edit", Kind.TRIP, x -> trip(x).add("positions", Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("id", x.reservationId).add("day_plan_position", 1)))),
            row("link_hotel_accommodation", "reservations:write", "reservation_edit", Kind.TRIP, x -> trip(x).add("reservationId", x.hotelId)
                    .add("place_id", x.placeId).add("start_day_id", x.days[0]).add("end_day_id", x.days[1])),
            row("create_transport", "reservations:write", "reservation_edit", Kind.TRIP, x -> trip(x).add("type", "train").add("title", "ICE 599")
                    .add("endpoints", Json.createArrayBuilder().add(Json.createObjectBuilder().add("role", "from").add("sequence", 0)
                            .add("name", "Munich Hbf")).add(Json.createObjectBuilder().add("role", "to").add("sequence", 1).add("name", "Berlin Hbf")))),
            row("update_transport", "reservations:write", "reservation_edit", Kind.TRIP, x -> trip(x).add("reservationId", x.transportId).add("title", "ICE 601")),
            row("delete_transport", "reservations:write", "reservation_edit", Kind.TRIP, x -> trip(x).add("reservationId", x.newTransport())),
            // budget
            row("create_budget_item", "budget:write", "budget_edit", Kind.TRIP, x -> trip(x).add("name", "Museum").add("total_price", 24)),
            row("update_budget_item", "budget:write", "budget_edit", Kind.TRIP, x -> trip(x).add("itemId", x.budgetItemId).add("total_price", 42.5)),
            row("delete_budget_item", "budget:write", "budget_edit", Kind.TRIP, x -> trip(x).add("itemId", x.newBudgetItem())),
            row("create_budget_item_with_members", "budget:write", "budget_edit", Kind.TRIP, x -> trip(x).add("name", "Taxi").add("total_price", 30)
                    .add("userIds", ids(owner.id(), member.id()))),
            row("set_budget_item_members", "budget:write", "budget_edit", Kind.TRIP, x -> trip(x).add("itemId", x.budgetItemId)
                    .add("userIds", ids(owner.id(), member.id()))),
            row("toggle_budget_member_paid", "budget:write", "budget_edit", Kind.TRIP, x -> trip(x).add("itemId", x.budgetItemId)
                    .add("memberId", member.id()).add("paid", true)),
            // budget settlements (3.4)
            row("get_settlement_summary", "budget:read", null, Kind.TRIP, ToolCatalogIT::trip),
            row("list_settlements", "budget:read", null, Kind.TRIP, ToolCatalogIT::trip),
            row("create_settlement", "budget:write", "budget_edit", Kind.TRIP, x -> trip(x).add("from_user_id", member.id())
                    .add("to_user_id", owner.id()).add("amount", 12.5)),
            row("update_settlement", "budget:write", "budget_edit", Kind.TRIP, x -> trip(x).add("settlementId", x.settlementId)
                    .add("from_user_id", member.id()).add("to_user_id", owner.id()).add("amount", 20)),
            row("delete_settlement", "budget:write", "budget_edit", Kind.TRIP, x -> trip(x).add("settlementId", x.newSettlement())),
            // packing
            row("create_packing_item", "packing:write", "packing_edit", Kind.TRIP, x -> trip(x).add("name", "Passport")),
            row("toggle_packing_item", "packing:write", "packing_edit", Kind.TRIP, x -> trip(x).add("itemId", x.packingItemId).add("checked", true)),
            row("delete_packing_item", "packing:write", "packing_edit", Kind.TRIP, x -> trip(x).add("itemId", x.newPackingItem())),
            row("update_packing_item", "packing:write", "packing_edit", Kind.TRIP, x -> trip(x).add("itemId", x.packingItemId).add("category", "Documents")),
            row("reorder_packing_items", "packing:write", "packing_edit", Kind.TRIP, x -> trip(x).add("orderedIds", ids(x.packingItemId))),
            row("list_packing_bags", "packing:read", null, Kind.TRIP, ToolCatalogIT::trip),
            row("create_packing_bag", "packing:write", "packing_edit", Kind.TRIP, x -> trip(x).add("name", "Backpack")),
            row("update_packing_bag", "packing:write", "packing_edit", Kind.TRIP, x -> trip(x).add("bagId", x.bagId).add("name", "Daypack")),
            row("delete_packing_bag", "packing:write", "packing_edit", Kind.TRIP, x -> trip(x).add("bagId", x.newBag())),
            row("set_bag_members", "packing:write", "packing_edit", Kind.TRIP, x -> trip(x).add("bagId", x.bagId).add("userIds", ids(member.id()))),
            row("get_packing_category_assignees", "packing:read", null, Kind.TRIP, ToolCatalogIT::trip),
            row("set_packing_category_assignees", "packing:write", "packing_edit", Kind.TRIP, x -> trip(x).add("categoryName", "Clothes")
                    .add("userIds", ids(owner.id()))),
            row("apply_packing_template", "packing:write", "packing_edit", Kind.TRIP, x -> trip(x).add("templateId", x.templateId)),
            row("save_packing_template", "packing:write", "packing_edit", Kind.TRIP, x -> trip(x).add("templateName", "Template " + SEQ.incrementAndGet())),
            row("bulk_import_packing", "packing:write", "packing_edit", Kind.TRIP, x -> trip(x).add("items", Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("name", "Socks").add("category", "Clothes").add("quantity", 3)))),
            row("list_packing_templates", "packing:read", null, Kind.TRIP, ToolCatalogIT::trip),
            row("delete_packing_template", "packing:write", null, Kind.NONE, x -> Json.createObjectBuilder().add("templateId", x.newTemplate())),
            // public transit (3.4)
            row("search_transit_stops", "geo:read", null, Kind.NONE, x -> Json.createObjectBuilder().add("query", "Zürich HB")),
            row("search_transit_routes", "geo:read", null, Kind.NONE, x -> Json.createObjectBuilder().add("from", TransitStub.from())
                    .add("to", TransitStub.to()).add("time", "2027-04-02T10:00:00+02:00")),
            row("create_transit_journey", "reservations:write", "reservation_edit", Kind.TRIP, x -> trip(x).add("dayId", x.days[1])
                    .add("from", TransitStub.from()).add("to", TransitStub.to()).add("itinerary", TransitStub.itinerary("2027-04-02"))),
            // to-dos
            row("list_todos", "todos:read", null, Kind.TRIP, x -> trip(x).add("limit", 10)),
            row("create_todo", "todos:write", "packing_edit", Kind.TRIP, x -> trip(x).add("name", "Book museum").add("priority", 2)),
            row("update_todo", "todos:write", "packing_edit", Kind.TRIP, x -> trip(x).add("itemId", x.todoId).add("due_date", "2027-04-20")),
            row("toggle_todo", "todos:write", "packing_edit", Kind.TRIP, x -> trip(x).add("itemId", x.todoId).add("checked", true)),
            row("delete_todo", "todos:write", "packing_edit", Kind.TRIP, x -> trip(x).add("itemId", x.newTodo())),
            row("reorder_todos", "todos:write", "packing_edit", Kind.TRIP, x -> trip(x).add("orderedIds", ids(x.todoId))),
            row("get_todo_category_assignees", "todos:read", null, Kind.TRIP, ToolCatalogIT::trip),
            row("set_todo_category_assignees", "todos:write", "packing_edit", Kind.TRIP, x -> trip(x).add("categoryName", "Bookings")
                    .add("userIds", ids(member.id()))),
            // notifications (the caller's own: no trip, no permission key; another user's id is covered by NotificationToolsIT)
            row("list_notifications", "notifications:read", null, Kind.NONE, x -> Json.createObjectBuilder().add("limit", 5)),
            row("get_unread_notification_count", "notifications:read", null, Kind.NONE, x -> Json.createObjectBuilder()),
            row("mark_notification_read", "notifications:write", null, Kind.NONE, x -> Json.createObjectBuilder()
                    .add("notificationId", x.notificationId)),
            row("mark_notification_unread", "notifications:write", null, Kind.NONE, x -> Json.createObjectBuilder()
                    .add("notificationId", x.notificationId)),
            row("mark_all_notifications_read", "notifications:write", null, Kind.NONE, x -> Json.createObjectBuilder()),
            // maps, weather, airports (no trip; outside services in GeoStubs)
            row("get_place_details", "geo:read", null, Kind.NONE, x -> Json.createObjectBuilder().add("placeId", "node:240109189")),
            row("reverse_geocode", "geo:read", null, Kind.NONE, x -> Json.createObjectBuilder().add("lat", 48.8583701).add("lng", 2.2944813)),
            row("resolve_maps_url", "geo:read", null, Kind.NONE, x -> Json.createObjectBuilder().add("url", "https://maps.app.goo.gl/geo-short/eiffel")),
            row("search_airports", "geo:read", null, Kind.NONE, x -> Json.createObjectBuilder().add("query", "Frankfurt")),
            row("get_airport", "geo:read", null, Kind.NONE, x -> Json.createObjectBuilder().add("iata", "FRA")),
            row("get_weather", "weather:read", null, Kind.NONE, x -> Json.createObjectBuilder().add("lat", 48.85).add("lng", 2.35)
                    .add("date", GeoToolsIT.inDays(2))),
            row("get_detailed_weather", "weather:read", null, Kind.NONE, x -> Json.createObjectBuilder().add("lat", 48.85).add("lng", 2.35)
                    .add("date", GeoToolsIT.inDays(3))),
            // atlas (the caller's own: no trip, no permission key; other users' data is covered by AtlasToolsIT)
            row("create_bucket_list_item", "atlas:write", null, Kind.NONE, x -> Json.createObjectBuilder().add("name", "Kyoto")
                    .add("country_code", "jp").add("notes", "temples")),
            row("delete_bucket_list_item", "atlas:write", null, Kind.BUCKET_ITEM, x -> Json.createObjectBuilder()
                    .add("itemId", x.newBucketItem())),
            row("mark_country_visited", "atlas:write", null, Kind.NONE, x -> Json.createObjectBuilder().add("country_code", "fr")),
            row("unmark_country_visited", "atlas:write", null, Kind.NONE, x -> Json.createObjectBuilder().add("country_code", "ZW")),
            row("get_atlas_stats", "atlas:read", null, Kind.NONE, x -> x.atlas().empty()),
            row("list_visited_regions", "atlas:read", null, Kind.NONE, x -> x.atlas().empty()),
            row("mark_region_visited", "atlas:write", null, Kind.NONE, x -> Json.createObjectBuilder().add("regionCode", "US-CA")
                    .add("regionName", "California").add("countryCode", "US")),
            row("unmark_region_visited", "atlas:write", null, Kind.NONE, x -> Json.createObjectBuilder()
                    .add("regionCode", x.markedRegion("DE-BY"))),
            row("get_country_atlas_places", "atlas:read", null, Kind.NONE, x -> x.atlas().empty().add("countryCode", "FR")),
            row("update_bucket_list_item", "atlas:write", null, Kind.BUCKET_ITEM, x -> Json.createObjectBuilder()
                    .add("itemId", x.bucketItem()).add("notes", "gardens").add("target_date", "2028-04-01")),
            // vacay (the caller's active plan: no trip, no permission key; other users' plans are covered by VacayToolsIT)
            row("get_vacay_plan", "vacay:read", null, Kind.NONE, x -> Json.createObjectBuilder()),
            row("update_vacay_plan", "vacay:write", null, Kind.NONE, x -> Json.createObjectBuilder().add("carry_over_enabled", true)),
            row("set_vacay_color", "vacay:write", null, Kind.NONE, x -> Json.createObjectBuilder().add("color", "#6366f1")),
            row("get_available_vacay_users", "vacay:read", null, Kind.NONE, x -> Json.createObjectBuilder()),
            row("send_vacay_invite", "vacay:write", null, Kind.NONE, x -> Json.createObjectBuilder().add("targetUserId", mcp.newUser("vinv").id())),
            row("accept_vacay_invite", "vacay:write", null, Kind.NONE, x -> Json.createObjectBuilder().add("planId", x.vacayInvitationToOwner())),
            row("decline_vacay_invite", "vacay:write", null, Kind.NONE, x -> Json.createObjectBuilder().add("planId", x.vacayInvitationToOwner())),
            row("cancel_vacay_invite", "vacay:write", null, Kind.NONE, x -> Json.createObjectBuilder().add("targetUserId", x.vacayInvitee())),
            row("dissolve_vacay_plan", "vacay:write", null, Kind.NONE, x -> {
                x.vacayInvitee();
                return Json.createObjectBuilder();
            }),
            row("list_vacay_years", "vacay:read", null, Kind.NONE, x -> Json.createObjectBuilder()),
            row("add_vacay_year", "vacay:write", null, Kind.NONE, x -> Json.createObjectBuilder().add("year", 2091)),
            row("delete_vacay_year", "vacay:write", null, Kind.NONE, x -> Json.createObjectBuilder().add("year", 2090)),
            row("get_vacay_entries", "vacay:read", null, Kind.NONE, x -> Json.createObjectBuilder().add("year", x.vacayDayTaken())),
            row("toggle_vacay_entry", "vacay:write", null, Kind.NONE, x -> Json.createObjectBuilder().add("date", "2091-03-02")),
            row("toggle_company_holiday", "vacay:write", null, Kind.NONE, x -> Json.createObjectBuilder().add("date", "2091-12-24")
                    .add("note", "Christmas Eve")),
            row("get_vacay_stats", "vacay:read", null, Kind.NONE, x -> Json.createObjectBuilder().add("year", 2091)),
            row("update_vacay_stats", "vacay:write", null, Kind.NONE, x -> Json.createObjectBuilder().add("year", 2091).add("vacationDays", 22)),
            row("add_holiday_calendar", "vacay:write", null, Kind.NONE, x -> Json.createObjectBuilder().add("region", "DE-BY").add("label", "Bavaria")),
            row("update_holiday_calendar", "vacay:write", null, Kind.NONE, x -> Json.createObjectBuilder().add("calendarId", x.vacayCalendar())
                    .add("label", "Renamed")),
            row("delete_holiday_calendar", "vacay:write", null, Kind.NONE, x -> Json.createObjectBuilder().add("calendarId", x.vacayCalendar())),
            row("list_holiday_countries", "vacay:read", null, Kind.NONE, x -> x.holidayStub()),
            row("list_holidays", "vacay:read", null, Kind.NONE, x -> x.holidayStub().add("country", "DE").add("year", 2027)),
            // journey (addon journey, switched on for this class; no trip permission: the journey's roles decide, JourneyToolsIT)
            row("list_journeys", "journey:read", null, Kind.NONE, x -> Json.createObjectBuilder()),
            row("get_journey", "journey:read", null, Kind.JOURNEY, Fixture::journey),
            row("list_journey_entries", "journey:read", null, Kind.JOURNEY, Fixture::journey),
            row("list_journey_contributors", "journey:read", null, Kind.JOURNEY, Fixture::journey),
            row("get_journey_suggestions", "journey:read", null, Kind.NONE, x -> x.withRecentTrip()),
            row("list_journey_available_trips", "journey:read", null, Kind.NONE, x -> Json.createObjectBuilder()),
            row("create_journey", "journey:write", null, Kind.NONE, x -> Json.createObjectBuilder().add("title", "Catalog journal")
                    .add("subtitle", "Made by the catalog").add("trip_ids", ids(x.tripId))),
            row("update_journey", "journey:write", null, Kind.JOURNEY, x -> x.journey().add("subtitle", "Updated").add("status", "completed")),
            row("delete_journey", "journey:write", null, Kind.JOURNEY, x -> Json.createObjectBuilder().add("journeyId", x.newJourney())),
            row("add_journey_trip", "journey:write", null, Kind.JOURNEY, x -> x.journey().add("tripId", x.tripId)),
            row("remove_journey_trip", "journey:write", null, Kind.JOURNEY, x -> Json.createObjectBuilder()
                    .add("journeyId", x.newJourneyOnTrip()).add("tripId", x.tripId)),
            row("create_journey_entry", "journey:write", null, Kind.JOURNEY, x -> x.journey().add("entry_date", "2027-04-01")
                    .add("title", "Arrival").add("story", "Landed")),
            row("update_journey_entry", "journey:write", null, Kind.JOURNEY_ENTRY, x -> Json.createObjectBuilder()
                    .add("entryId", x.journeyEntry()).add("title", "Arrival day")),
            row("delete_journey_entry", "journey:write", null, Kind.JOURNEY_ENTRY, x -> Json.createObjectBuilder()
                    .add("entryId", x.newJourneyEntry())),
            row("reorder_journey_entries", "journey:write", null, Kind.JOURNEY, x -> x.journey().add("orderedIds",
                    ids(x.newJourneyEntry(), x.journeyEntry()))),
            row("add_journey_contributor", "journey:write", null, Kind.JOURNEY, x -> x.journey().add("targetUserId", x.newJourneyContributor())
                    .add("role", "viewer")),
            row("update_journey_contributor_role", "journey:write", null, Kind.JOURNEY, x -> x.journey()
                    .add("targetUserId", x.newJourneyContributor()).add("role", "editor")),
            row("remove_journey_contributor", "journey:write", null, Kind.JOURNEY, x -> x.journey()
                    .add("targetUserId", x.newJourneyContributor())),
            row("update_journey_preferences", "journey:write", null, Kind.JOURNEY, x -> x.journey().add("hide_skeletons", true)),
            row("get_journey_share_link", "journey:share", null, Kind.JOURNEY, Fixture::journey),
            row("create_journey_share_link", "journey:share", null, Kind.JOURNEY, Fixture::journey),
            row("delete_journey_share_link", "journey:share", null, Kind.JOURNEY, x -> x.withJourneyShareLink().journey()),
            // collab
            row("create_collab_note", "collab:write", "collab_edit", Kind.TRIP, x -> trip(x).add("title", "Ideas").add("content", "rooftop bars")),
            row("update_collab_note", "collab:write", "collab_edit", Kind.TRIP, x -> trip(x).add("noteId", x.collabNote())
                    .add("title", "Ideas v2").add("pinned", true).add("color", "#00ff00")),
            row("delete_collab_note", "collab:write", "collab_edit", Kind.TRIP, x -> trip(x).add("noteId", x.newCollabNote())),
            row("list_collab_polls", "collab:read", null, Kind.TRIP, x -> trip(x.withCollabPoll())),
            row("create_collab_poll", "collab:write", "collab_edit", Kind.TRIP, x -> trip(x).add("question", "Where to eat?")
                    .add("options", Json.createArrayBuilder().add("Bistro").add("Brasserie").add("Crêperie"))),
            row("vote_collab_poll", "collab:write", "collab_edit", Kind.TRIP, x -> trip(x).add("pollId", x.newCollabPoll()).add("optionIndex", 1)),
            row("close_collab_poll", "collab:write", "collab_edit", Kind.TRIP, x -> trip(x).add("pollId", x.withCollabPoll().collabPollId)),
            row("delete_collab_poll", "collab:write", "collab_edit", Kind.TRIP, x -> trip(x).add("pollId", x.newCollabPoll())),
            row("list_collab_messages", "collab:read", null, Kind.TRIP, x -> trip(x).add("before", x.newCollabReply() + 1)),
            row("send_collab_message", "collab:write", "collab_edit", Kind.TRIP, x -> trip(x).add("text", "Reply").add("replyTo", x.newCollabMessage())),
            row("delete_collab_message", "collab:write", "collab_edit", Kind.TRIP, x -> trip(x).add("messageId", x.newCollabMessage())),
            row("react_collab_message", "collab:write", "collab_edit", Kind.TRIP, x -> trip(x).add("messageId", x.newCollabMessage()).add("emoji", "👍")));

    /** The owner's trip (with the member) and one of each object; new* create fresh ones for destructive tools. */
    static final class Fixture {
        long tripId;
        long[] days = new long[3];
        long placeId;
        long assignmentId;
        long tagId;
        long noteId;
        long accommodationId;
        long reservationId;
        long hotelId;
        long transportId;
        long budgetItemId;
        long packingItemId;
        long bagId;
        long todoId;
        long templateId;
        long notificationId;
        long settlementId;

        JsonObject ok(String tool, JsonObjectBuilder args) {
            return mcp.ok(owner, tool, args);
        }

        JsonObjectBuilder trip() {
            return Json.createObjectBuilder().add("tripId", tripId);
        }

        void build() {
            tripId = id(ok("create_trip", Json.createObjectBuilder().add("title", "Catalog trip").add("start_date", "2027-04-01")
                    .add("end_date", "2027-04-03").add("currency", "EUR")), "trip");
            ok("add_trip_member", trip().add("identifier", member.name()));
            JsonArray dayRows = ok("get_trip_summary", trip()).getJsonArray("days");
            for (int i = 0; i < 3; i++) {
                days[i] = dayRows.getJsonObject(i).getJsonNumber("id").longValue();
            }
            placeId = newPlace();
            assignmentId = newAssignment(days[0]);
            ok("set_assignment_participants", trip().add("assignmentId", assignmentId).add("userIds", ids(owner.id())));
            tagId = newTag();
            noteId = newNote();
            accommodationId = newAccommodation();
            reservationId = newReservation("restaurant");
            hotelId = newReservation("hotel");
            transportId = newTransport();
            budgetItemId = id(ok("create_budget_item_with_members", trip().add("name", "Hotel").add("total_price", 300)
                    .add("userIds", ids(owner.id(), member.id()))), "item");
            packingItemId = newPackingItem();
            bagId = newBag();
            ok("set_bag_members", trip().add("bagId", bagId).add("userIds", ids(owner.id())));
            todoId = newTodo();
            templateId = ok("save_packing_template", trip().add("templateName", "Catalog template")).getJsonNumber("templateId").longValue();
            // The member's booking notifies the owner (booking_change).
            mcp.ok(member, "create_reservation", trip().add("title", "Member's booking").add("type", "event"));
            notificationId = ok("list_notifications", Json.createObjectBuilder().add("limit", 1)).getJsonArray("notifications")
                    .getJsonObject(0).getJsonNumber("id").longValue();
            settlementId = newSettlement();
        }

        long newTrip() {
            long id = id(ok("create_trip", Json.createObjectBuilder().add("title", "Throw-away")), "trip");
            ok("add_trip_member", Json.createObjectBuilder().add("tripId", id).add("identifier", member.name()));
            return id;
        }

        String newUserName() {
            return mcp.newUser("spare").name();
        }

        long newMemberId() {
            McpTripHarness.Account spare = mcp.newUser("spare");
            ok("add_trip_member", trip().add("identifier", spare.name()));
            return spare.id();
        }

        Fixture withShareLink() {
            ok("create_share_link", trip());
            return this;
        }

        long newPlace() {
            return id(ok("create_place", trip().add("name", "Place " + SEQ.incrementAndGet())), "place");
        }

        long newAssignment(long dayId) {
            return id(ok("assign_place_to_day", trip().add("dayId", dayId).add("placeId", placeId)), "assignment");
        }

        long newDay() {
            return id(ok("create_day", trip()), "day");
        }

        long newTag() {
            return id(ok("create_tag", Json.createObjectBuilder().add("name", "tag" + SEQ.incrementAndGet())), "tag");
        }

        long newNote() {
            return id(ok("create_day_note", trip().add("dayId", days[0]).add("text", "Note " + SEQ.incrementAndGet())), "note");
        }

        long newAccommodation() {
            return id(ok("create_accommodation", trip().add("place_id", placeId).add("start_day_id", days[0]).add("end_day_id", days[1])),
                    "accommodation");
        }

        long newReservation(String type) {
            return id(ok("create_reservation", trip().add("title", "Booking " + SEQ.incrementAndGet()).add("type", type)), "reservation");
        }

        long newTransport() {
            return id(ok("create_transport", trip().add("type", "flight").add("title", "LH " + SEQ.incrementAndGet())
                    .add("endpoints", Json.createArrayBuilder()
                            .add(Json.createObjectBuilder().add("role", "from").add("sequence", 0).add("name", "Frankfurt").add("code", "FRA"))
                            .add(Json.createObjectBuilder().add("role", "to").add("sequence", 1).add("name", "Lisbon").add("code", "LIS")))),
                    "reservation");
        }

        long newBudgetItem() {
            return id(ok("create_budget_item", trip().add("name", "Item " + SEQ.incrementAndGet()).add("total_price", 5)), "item");
        }

        long newPackingItem() {
            return id(ok("create_packing_item", trip().add("name", "Item " + SEQ.incrementAndGet())), "item");
        }

        long newBag() {
            return id(ok("create_packing_bag", trip().add("name", "Bag " + SEQ.incrementAndGet())), "bag");
        }

        long newSettlement() {
            return id(ok("create_settlement", trip().add("from_user_id", member.id()).add("to_user_id", owner.id()).add("amount", 5)),
                    "settlement");
        }

        long newTemplate() {
            return ok("save_packing_template", trip().add("templateName", "Spare " + SEQ.incrementAndGet())).getJsonNumber("templateId")
                    .longValue();
        }

        long newTodo() {
            return id(ok("create_todo", trip().add("name", "To-do " + SEQ.incrementAndGet())), "item");
        }

        // atlas
        long bucketItemId;
        boolean atlasReady;

        /** Once: a place with an address and a position in France, and a region marked (the answers have content). */
        synchronized Fixture atlas() {
            if (!atlasReady) {
                ok("create_place", trip().add("name", "Eiffel Tower").add("address", "Champ de Mars, Paris").add("lat", 48.8584)
                        .add("lng", 2.2945));
                ok("mark_region_visited", Json.createObjectBuilder().add("regionCode", "US-CA"));
                atlasReady = true;
            }
            return this;
        }

        JsonObjectBuilder empty() {
            return Json.createObjectBuilder();
        }

        long newBucketItem() {
            return id(ok("create_bucket_list_item", Json.createObjectBuilder().add("name", "Wish " + SEQ.incrementAndGet())), "item");
        }

        synchronized long bucketItem() {
            if (bucketItemId == 0) {
                bucketItemId = newBucketItem();
            }
            return bucketItemId;
        }

        String markedRegion(String code) {
            ok("mark_region_visited", Json.createObjectBuilder().add("regionCode", code));
            return code;
        }
        // vacay

        /** A new user (with a token) invites the owner, who first leaves any plan they joined; answers the plan id. */
        long vacayInvitationToOwner() {
            McpTripHarness.Account inviter = mcp.newAccount("vhost");
            JsonObject plan = ok("get_vacay_plan", Json.createObjectBuilder()).getJsonObject("plan");
            if (!plan.getBoolean("isOwner")) {
                ok("dissolve_vacay_plan", Json.createObjectBuilder());
            }
            mcp.ok(inviter, "send_vacay_invite", Json.createObjectBuilder().add("targetUserId", owner.id()));
            return mcp.ok(inviter, "get_vacay_plan", Json.createObjectBuilder()).getJsonObject("plan").getJsonObject("plan")
                    .getJsonNumber("id").longValue();
        }

        /** A new user the owner's active plan has invited. */
        long vacayInvitee() {
            long id = mcp.newUser("vinv").id();
            ok("send_vacay_invite", Json.createObjectBuilder().add("targetUserId", id));
            return id;
        }

        /** Makes sure the owner has a day off in 2091 (get_vacay_entries then has an entry to show); answers 2091. */
        int vacayDayTaken() {
            JsonArray entries = ok("get_vacay_entries", Json.createObjectBuilder().add("year", 2091)).getJsonObject("entries")
                    .getJsonArray("entries");
            if (entries.stream().noneMatch(e -> e.asJsonObject().getString("date").equals("2091-03-05")
                    && e.asJsonObject().getJsonNumber("user_id").longValue() == owner.id())) {
                ok("toggle_vacay_entry", Json.createObjectBuilder().add("date", "2091-03-05"));
            }
            return 2091;
        }

        /** A new holiday calendar of the owner's active plan. */
        long vacayCalendar() {
            return id(ok("add_holiday_calendar", Json.createObjectBuilder().add("region", "AT")), "calendar");
        }

        /** The public holiday service stub (org.trek.vacay.HolidayStub) is in place; an empty argument object. */
        JsonObjectBuilder holidayStub() {
            org.trek.vacay.HolidayStub.install();
            return Json.createObjectBuilder();
        }
        // journey: the owner's journey on the fixture trip (made when first needed), one entry, fresh objects to delete
        long journeyId;
        long journeyEntryId;

        synchronized JsonObjectBuilder journey() {
            if (journeyId == 0) {
                journeyId = newJourneyOnTrip();
            }
            return Json.createObjectBuilder().add("journeyId", journeyId);
        }

        synchronized long journeyEntry() {
            if (journeyEntryId == 0) {
                journeyEntryId = newJourneyEntry();
            }
            return journeyEntryId;
        }

        long newJourney() {
            return id(ok("create_journey", Json.createObjectBuilder().add("title", "Journal " + SEQ.incrementAndGet())), "journey");
        }

        long newJourneyOnTrip() {
            return id(ok("create_journey", Json.createObjectBuilder().add("title", "Journal " + SEQ.incrementAndGet())
                    .add("trip_ids", ids(tripId))), "journey");
        }

        long newJourneyEntry() {
            return id(ok("create_journey_entry", journey().add("entry_date", "2027-04-02").add("title", "Entry " + SEQ.incrementAndGet())),
                    "entry");
        }

        long newJourneyContributor() {
            McpTripHarness.Account spare = mcp.newUser("reader");
            ok("add_journey_contributor", journey().add("targetUserId", spare.id()).add("role", "viewer"));
            return spare.id();
        }

        long recentTripId;

        /** A trip of the owner that ended last week and is in no journey, so that get_journey_suggestions has one. */
        synchronized JsonObjectBuilder withRecentTrip() {
            if (recentTripId == 0) {
                java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
                recentTripId = id(ok("create_trip", Json.createObjectBuilder().add("title", "Just back")
                        .add("start_date", today.minusDays(9).toString()).add("end_date", today.minusDays(7).toString())), "trip");
            }
            return Json.createObjectBuilder();
        }

        Fixture withJourneyShareLink() {
            ok("create_journey_share_link", journey());
            return this;
        }

        // collab: a note and a poll with a vote, made once on first use; fresh ones for destructive tools
        long collabNoteId;
        long collabPollId;

        long collabNote() {
            if (collabNoteId == 0) {
                collabNoteId = newCollabNote();
            }
            return collabNoteId;
        }

        long newCollabNote() {
            return id(ok("create_collab_note", trip().add("title", "Note " + SEQ.incrementAndGet()).add("category", "Food")), "note");
        }

        /** A poll with the owner's vote (the original's answers show voters). */
        long newCollabPoll() {
            long poll = id(ok("create_collab_poll", trip().add("question", "Poll " + SEQ.incrementAndGet())
                    .add("options", Json.createArrayBuilder().add("a").add("b").add("c"))), "poll");
            ok("vote_collab_poll", trip().add("pollId", poll).add("optionIndex", 0));
            return poll;
        }

        Fixture withCollabPoll() {
            if (collabPollId == 0) {
                collabPollId = newCollabPoll();
            }
            return this;
        }

        long newCollabMessage() {
            return id(ok("send_collab_message", trip().add("text", "Message " + SEQ.incrementAndGet())), "message");
        }

        /** A message and a reply to it; answers the reply's id. */
        long newCollabReply() {
            return id(ok("send_collab_message", trip().add("text", "Reply " + SEQ.incrementAndGet()).add("replyTo", newCollabMessage())),
                    "message");
        }
    }

    @BeforeAll
    static void setUp() {
        mcp = new McpTripHarness();
        // The outside services of search_place and import_places_from_url (stubs on 127.0.0.1).
        StubServer.shared().handle("/search", ex -> StubServer.respond(ex, 200, "application/json",
                "[{\"osm_type\":\"way\",\"osm_id\":1,\"lat\":\"41.89\",\"lon\":\"12.49\",\"name\":\"Colosseo\","
                        + "\"display_name\":\"Colosseo, Roma\",\"type\":\"attraction\"}]"));
        StubServer.shared().handle("/place-lists/lists/google-list/catalog", ex -> StubServer.respond(ex, 200, "application/json",
                "{\"name\":\"Catalog list\",\"places\":[{\"name\":\"Listed " + SEQ.incrementAndGet() + "\",\"lat\":48.14,\"lng\":11.58}]}"));
        // The transit provider of search_transit_stops and search_transit_routes (a MOTIS stub).
        TransitStub.install();
        GeoStubs.register();
        owner = mcp.newAccount("owner");
        member = mcp.newAccount("member");
        outsider = mcp.newAccount("outsider");
        f = new Fixture();
        f.build();
        mcp.addon("journey", true); // off by default
        listed = mcp.tools(owner.token());
    }

    /** The journey addon goes back to its default for the test classes that run after this one. */
    @AfterAll
    static void journeyAddonBackOff() {
        mcp.addon("journey", false);
    }

    /** Hundreds of tool calls later, on both wires: nothing SEVERE in the shared server's log. */
    @AfterAll
    static void serverLogStaysClean() {
        mcp.server.assertNoSevereLog();
    }

    static Stream<Row> rows() {
        return ROWS.stream();
    }

    // ---------------------------------------------------------------- the table is the catalogue

    @Test
    void theTableCoversEveryListedTool() {
        assertEquals(103 + 10 + 22 + 22 + 12, listed.size(), "the core catalogue has 103 tools, atlas 10, vacay 22, journey 22, "
                + "collab 12: " + listed.keySet());
        assertEquals(new TreeSet<>(listed.keySet()), new TreeSet<>(ROWS.stream().map(Row::tool).toList()),
                "every listed tool has a row in ToolCatalogIT, and every row a listed tool");
        assertEquals(ROWS.size(), ROWS.stream().map(Row::tool).distinct().count(), "no tool twice");
        // tools/list order is deterministic.
        assertEquals(List.copyOf(listed.keySet()), List.copyOf(mcp.tools(owner.token()).keySet()));
    }

    /** With every addon on and a full-access token: the original's 30 resources (9 fixed URIs, 21 templates). */
    @Test
    void everyAddonOnListsTheOriginalsThirtyResources() {
        McpTestClient c = new McpTestClient(mcp.server.baseUrl(), owner.token());
        java.util.Set<String> uris = new TreeSet<>();
        for (String method : List.of("resources/list", "resources/templates/list")) {
            String cursor = null;
            for (int page = 0; page < 10; page++) {
                JsonObjectBuilder p = Json.createObjectBuilder();
                if (cursor != null) {
                    p.add("cursor", cursor);
                }
                JsonObject r = c.modern(method, p.build()).result();
                String key = method.equals("resources/list") ? "resources" : "resourceTemplates";
                r.getJsonArray(key).forEach(x -> uris.add(x.asJsonObject().getString(key.equals("resources") ? "uri" : "uriTemplate")));
                cursor = r.getString("nextCursor", null);
                if (cursor == null) {
                    break;
                }
            }
        }
        uris.removeIf(u -> u.startsWith("test://")); // conformance fixtures, when a run has them on
        assertEquals(30, uris.size(), uris.toString());
        for (String u : List.of("trek://trips/{tripId}/collab-notes", "trek://trips/{tripId}/collab/polls",
                "trek://trips/{tripId}/collab/messages", "trek://bucket-list", "trek://visited-countries", "trek://atlas/stats",
                "trek://atlas/regions", "trek://vacay/plan", "trek://vacay/entries/{year}", "trek://vacay/holidays/{year}",
                "trek://journeys", "trek://journeys/{journeyId}", "trek://journeys/{journeyId}/entries",
                "trek://journeys/{journeyId}/contributors", "trek://notifications/in-app")) {
            assertTrue(uris.contains(u), u + " in " + uris);
        }
    }

    @Test
    void updatePlaceClearsItsNullableNumbersWithNull() {
        long place = id(f.ok("create_place", f.trip().add("name", "Pinned").add("lat", 38.69).add("lng", -9.21)), "place");
        assertEquals(12.5, f.ok("update_place", f.trip().add("placeId", place).add("price", 12.5)).getJsonObject("place")
                .getJsonNumber("price").doubleValue());
        JsonObject cleared = f.ok("update_place", f.trip().add("placeId", place).addNull("lat").addNull("lng").addNull("price"))
                .getJsonObject("place");
        for (String field : List.of("lat", "lng", "price")) {
            assertTrue(!cleared.containsKey(field) || cleared.isNull(field), field + " still set: " + cleared);
        }
    }

    @Test
    void transportMetadataIsBounded() {
        JsonObjectBuilder many = Json.createObjectBuilder();
        for (int i = 0; i < 21; i++) {
            many.add("k" + i, "v");
        }
        JsonObjectBuilder longValue = Json.createObjectBuilder().add("seat", "x".repeat(101));
        for (JsonObjectBuilder metadata : List.of(many, longValue)) {
            McpTestClient.Answer a = mcp.call(owner.token(), McpTripHarness.MODERN, "create_transport", f.trip()
                    .add("type", "train").add("title", "Bounded").add("metadata", metadata).build());
            assertEquals(-32602, a.error().getInt("code"), a.response().body());
        }
        assertTrue(f.ok("create_transport", f.trip().add("type", "train").add("title", "Fine")
                .add("metadata", Json.createObjectBuilder().add("seat", "12A").add("coach", "7"))).containsKey("reservation"));
    }

    // ---------------------------------------------------------------- success, both wires

    @TestFactory
    Stream<DynamicTest> successOnBothWires() {
        return rows().flatMap(r -> Stream.of(McpTripHarness.LEGACY, McpTripHarness.MODERN).map(wire ->
                DynamicTest.dynamicTest(r.tool() + " on " + wire, () -> {
                    McpTestClient.Answer a = mcp.call(owner.token(), wire, r.tool(), r.args().apply(f).build());
                    assertEquals(200, a.status(), a.response().body());
                    JsonObject result = a.result();
                    assertFalse(result.getBoolean("isError", false), () -> r.tool() + " failed: " + result);
                    JsonObject structured = result.getJsonObject("structuredContent");
                    assertNotNull(structured, "structuredContent");
                    assertEquals(structured, McpTestClient.parse(result.getJsonArray("content").getJsonObject(0).getString("text")),
                            "the text content is the same JSON, for older clients");
                    assertValid(listed.get(r.tool()).getJsonObject("outputSchema"), structured, r.tool());
                })));
    }

    // ---------------------------------------------------------------- the original's contract

    /**
     * Every tool's answer keeps the original's shape (issue #11): each key of the original's recorded answer
     * ({@code org/trek/contract/original/<tool>.json}, from the transcripts of TREK) is in ours at the same place with
     * the same JSON type; ours may add. Our answers are written to {@code target/contract-actual/} for review.
     */
    @TestFactory
    Stream<DynamicTest> answersKeepTheOriginalsShape() {
        return rows().map(r -> DynamicTest.dynamicTest(r.tool(), () -> {
            JsonObject ours = mcp.ok(owner, r.tool(), r.args().apply(f));
            java.nio.file.Path dir = java.nio.file.Path.of("target", "contract-actual");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve(r.tool() + ".json"), ours.toString());
            List<JsonValue> originals = OriginalShape.answers(r.tool());
            assertFalse(originals.isEmpty(), r.tool() + " has a recorded or derived answer of the original");
            List<String> differences = new ArrayList<>();
            for (JsonValue original : originals) {
                OriginalShape.differences(original, ours, OriginalShape.deviations(r.tool())).stream()
                        .filter(d -> !differences.contains(d)).forEach(differences::add);
            }
            assertTrue(differences.isEmpty(), () -> r.tool() + " differs from the original:\n  "
                    + String.join("\n  ", differences) + "\nours: " + ours);
            // Our output schema describes the original's keys wherever it declares an object's properties.
            JsonObject schema = listed.get(r.tool()).getJsonObject("outputSchema");
            List<String> undeclared = new ArrayList<>();
            for (JsonValue original : originals) {
                OriginalShape.undeclared(original, schema).stream().filter(d -> !undeclared.contains(d)).forEach(undeclared::add);
            }
            assertTrue(undeclared.isEmpty(), () -> r.tool() + ": " + String.join("; ", undeclared));
        }));
    }

    /**
     * The trip resources keep the original's shapes too (bare arrays where it answers arrays; a list cut at its cap
     * says so in the contents' _meta). Compared with the recorded answers of {@code _resources.json}.
     */
    @TestFactory
    Stream<DynamicTest> resourcesKeepTheOriginalsShape() {
        Map<String, JsonValue> recorded = OriginalShape.resourceAnswers();
        List<String> ours = List.of("trek://trips", "trek://categories", "trek://trips/{tripId}", "trek://trips/{tripId}/days",
                "trek://trips/{tripId}/places", "trek://trips/{tripId}/accommodations", "trek://trips/{tripId}/members",
                "trek://trips/{tripId}/reservations", "trek://trips/{tripId}/budget", "trek://trips/{tripId}/packing",
                "trek://trips/{tripId}/todos", "trek://trips/{tripId}/days/{dayId}/notes", "trek://trips/{tripId}/budget/per-person",
                "trek://trips/{tripId}/budget/settlement", "trek://trips/{tripId}/packing/bags", "trek://notifications/in-app");
        return ours.stream().map(pattern -> DynamicTest.dynamicTest(pattern, () -> {
            JsonValue original = recorded.get(pattern);
            assertNotNull(original, pattern + " was recorded");
            String uri = pattern.replace("{tripId}", String.valueOf(f.tripId)).replace("{dayId}", String.valueOf(f.days[0]));
            JsonObject result = new McpTestClient(mcp.server.baseUrl(), owner.token()).modern("resources/read",
                    Json.createObjectBuilder().add("uri", uri).build()).result();
            JsonValue mine = Json.createReader(new java.io.StringReader(result.getJsonArray("contents").getJsonObject(0)
                    .getString("text"))).readValue();
            List<String> differences = OriginalShape.differences(original, mine, OriginalShape.deviations(pattern));
            assertTrue(differences.isEmpty(), () -> pattern + " differs from the original:\n  " + String.join("\n  ", differences)
                    + "\nours: " + mine);
        }));
    }

    static void assertValid(JsonObject schema, JsonObject value, String tool) throws Exception {
        assertNotNull(schema, tool + " declares an outputSchema");
        List<Error> errors = SCHEMAS.getSchema(schema.toString()).validate(MAPPER.readTree(value.toString()));
        assertTrue(errors.isEmpty(), () -> tool + ": structuredContent does not match outputSchema: " + errors + "\n" + value);
    }

    // ---------------------------------------------------------------- validation

    @TestFactory
    Stream<DynamicTest> invalidArgumentsAreInvalidParamsNamingTheField() {
        return rows().map(r -> DynamicTest.dynamicTest(r.tool(), () -> {
            JsonObject schema = listed.get(r.tool()).getJsonObject("inputSchema");
            JsonObject valid = r.args().apply(f).build();
            List<Map.Entry<String, JsonObject>> cases = new ArrayList<>();
            JsonArray required = schema.getJsonArray("required");
            if (required != null && !required.isEmpty()) {
                String field = required.getString(0);
                cases.add(Map.entry(field, McpTripHarness.without(valid, field)));
            }
            JsonObject properties = schema.getJsonObject("properties");
            if (properties != null && !properties.isEmpty()) {
                String field = valid.isEmpty() ? properties.keySet().iterator().next() : valid.keySet().iterator().next();
                cases.add(Map.entry(field, McpTripHarness.with(valid, field, wrongType(properties.getJsonObject(field)))));
            } else {
                cases.add(Map.entry("unexpected", McpTripHarness.with(valid, "unexpected", Json.createValue(1))));
            }
            for (Map.Entry<String, JsonObject> c : cases) {
                for (String wire : List.of(McpTripHarness.LEGACY, McpTripHarness.MODERN)) {
                    McpTestClient.Answer a = mcp.call(owner.token(), wire, r.tool(), c.getValue());
                    JsonObject error = a.error();
                    assertEquals(-32602, error.getInt("code"), () -> r.tool() + " " + c.getValue() + ": " + error);
                    assertTrue(error.getString("message").contains(c.getKey()),
                            () -> r.tool() + ": the message names " + c.getKey() + ": " + error.getString("message"));
                }
            }
        }));
    }

    /** A value the property's type does not allow. */
    static JsonValue wrongType(JsonObject property) {
        JsonValue type = property.get("type");
        boolean allowsString = type instanceof JsonString s ? s.getString().equals("string")
                : type instanceof JsonArray arr && arr.contains(Json.createValue("string"));
        return allowsString ? Json.createValue(12345) : Json.createValue("not-the-right-type");
    }

    // ---------------------------------------------------------------- another user's trip

    @TestFactory
    Stream<DynamicTest> anotherUsersTripIsNotFound() {
        return rows().filter(r -> r.kind() != Kind.NONE || r.tool().equals("list_trips") || r.tool().equals("list_tags"))
                .map(r -> DynamicTest.dynamicTest(r.tool(), () -> {
                    JsonObject args = r.args().apply(f).build();
                    if (r.tool().equals("list_trips")) {
                        JsonObject mine = mcp.ok(outsider, "list_trips", Json.createObjectBuilder().add("limit", 200));
                        assertFalse(mine.getJsonArray("trips").stream().anyMatch(t -> t.asJsonObject().getJsonNumber("id").longValue() == f.tripId),
                                "another user's trip is not listed");
                        return;
                    }
                    if (r.tool().equals("list_tags")) {
                        assertFalse(mcp.ok(outsider, "list_tags", Json.createObjectBuilder()).toString().contains("\"id\":" + f.tagId + ","),
                                "another user's tags are not listed");
                        return;
                    }
                    for (String wire : List.of(McpTripHarness.LEGACY, McpTripHarness.MODERN)) {
                        String text = mcp.error(outsider, wire, r.tool(), args);
                        String expected = switch (r.kind()) {
                            case OWN -> "Tag not found.";
                            case BUCKET_ITEM -> "Bucket list item not found.";
                            case JOURNEY -> "Journey not found or access denied.";
                            case JOURNEY_ENTRY -> "Entry not found or access denied.";
                            default -> NO_ACCESS;
                        };
                        assertEquals(expected, text, "nothing else is said");
                    }
                }));
    }

    // ---------------------------------------------------------------- a member without the permission

    @TestFactory
    Stream<DynamicTest> memberWithoutThePermissionIsRefused() {
        return rows().filter(r -> r.permission() != null || r.kind() == Kind.TRIP).map(r -> DynamicTest.dynamicTest(r.tool(), () -> {
            if (r.permission() == null) {
                // Read tools: any member may use them.
                assertNotNull(mcp.ok(member, r.tool(), r.args().apply(f)));
                return;
            }
            String restricted = r.permission().equals("trip_create") ? "admin" : "owner";
            JsonObject args = r.args().apply(f).build();
            mcp.permission(r.permission(), restricted);
            try {
                String text = mcp.error(member, McpTripHarness.MODERN, r.tool(), args);
                assertEquals("You do not have permission to do this on this trip (" + r.permission() + ").", text);
            } finally {
                mcp.permission(r.permission(), McpTripHarness.DEFAULT_LEVELS.get(r.permission()));
            }
        }));
    }

    // ---------------------------------------------------------------- scope gate

    @TestFactory
    Stream<DynamicTest> withoutTheScopeTheToolIsHiddenAndRefusedWith403() {
        return rows().map(r -> DynamicTest.dynamicTest(r.tool() + " needs " + r.scope(), () -> {
            String token = lackingTokens.computeIfAbsent(r.scope(), s -> mcp.token(owner, McpTripHarness.allBut(s)));
            assertFalse(mcp.tools(token).containsKey(r.tool()), "not in this token's tools/list");
            JsonObject args = r.args().apply(f).build();
            for (String wire : List.of(McpTripHarness.LEGACY, McpTripHarness.MODERN)) {
                McpTestClient.Answer a = mcp.call(token, wire, r.tool(), args);
                assertEquals(403, a.status(), () -> wire + ": " + a.response().body());
                String challenge = a.header("WWW-Authenticate");
                assertTrue(challenge.contains("error=\"insufficient_scope\""), challenge);
                assertTrue(challenge.contains("scope=\"" + r.scope() + "\""), challenge);
            }
        }));
    }
}
