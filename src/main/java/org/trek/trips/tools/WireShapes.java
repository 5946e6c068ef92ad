package org.trek.trips.tools;

import org.trek.mcp.toolkit.Shape;

/**
 * The objects the trip tools answer, in the original TREK's form (its keys and JSON types; what this project adds comes
 * after them), declared once for every output schema that carries them. {@code ToolCatalogIT} validates every answer
 * against its tool's output schema, and the original's recorded answers carry the same keys
 * ({@code answersKeepTheOriginalsShape}), so a shape here cannot drift from what the tools send.
 */
final class WireShapes {

    static final Shape TRIP = Shape.of("id:integer user_id:integer title:string description:string start_date:string "
            + "end_date:string currency:string cover_image:string is_archived:integer reminder_days:integer created_at:string "
            + "updated_at:string");

    /** A trip as list_trips, create_trip and update_trip give it. */
    static final Shape LISTED_TRIP = TRIP.and("day_count:integer place_count:integer is_owner:integer owner_username:string "
            + "shared_count:integer");

    static final Shape MEMBER = Shape.of("id:integer username:string email:string avatar:string role:string avatar_url:string "
            + "user_id:integer added_at:string");

    /** A member named in a list: visit participants, category assignees. */
    static final Shape PERSON = Shape.of("user_id:integer username:string avatar:string");

    static final Shape TAG = Shape.of("id:integer user_id:integer name:string color:string created_at:string");

    static final Shape CATEGORY = Shape.of("id:integer name:string color:string icon:string user_id:integer created_at:string");

    static final Shape PLACE = Shape.of("id:integer trip_id:integer name:string description:string lat:number lng:number "
            + "address:string category_id:integer price:number currency:string place_time:string end_time:string "
            + "duration_minutes:integer notes:string google_place_id:string osm_id:string website:string phone:string "
            + "transport_mode:string created_at:string updated_at:string reservation_status:string reservation_notes:string "
            + "reservation_datetime:string image_url:string route_geometry:string category_name:string category_color:string "
            + "category_icon:string")
            .with("category", Shape.of("id:integer name:string color:string icon:string"))
            .withList("tags", Shape.of("id:integer name:string color:string"));

    static final Shape ASSIGNMENT = Shape.of("id:integer day_id:integer place_id:integer order_index:integer notes:string "
            + "assignment_time:string assignment_end_time:string created_at:string")
            .withList("participants", PERSON).with("place", PLACE);

    static final Shape DAY = Shape.of("id:integer trip_id:integer day_number:integer date:string notes:string title:string")
            .withList("assignments", ASSIGNMENT);

    static final Shape NOTE = Shape.of("id:integer day_id:integer trip_id:integer text:string time:string icon:string "
            + "sort_order:number created_at:string");

    static final Shape ACCOMMODATION = Shape.of("id:integer trip_id:integer place_id:integer start_day_id:integer "
            + "end_day_id:integer check_in:string check_in_end:string check_out:string confirmation:string notes:string "
            + "created_at:string place_name:string place_address:string place_image:string place_lat:number place_lng:number");

    static final Shape ENDPOINT = Shape.of("id:integer reservation_id:integer role:string sequence:integer name:string "
            + "code:string lat:number lng:number timezone:string local_time:string local_date:string created_at:string");

    static final Shape RESERVATION = Shape.of("id:integer trip_id:integer day_id:integer end_day_id:integer place_id:integer "
            + "assignment_id:integer accommodation_id:integer title:string type:string status:string reservation_time:string "
            + "reservation_end_time:string location:string confirmation_number:string notes:string day_plan_position:number "
            + "needs_review:integer created_at:string metadata:string|object day_number:integer place_name:string "
            + "accommodation_place_id:integer accommodation_name:string accommodation_start_day_id:integer "
            + "accommodation_end_day_id:integer day_positions:object")
            .withList("endpoints", ENDPOINT);

    static final Shape BUDGET_MEMBER = Shape.of("user_id:integer paid:integer username:string avatar:string avatar_url:string");

    private static final Shape BUDGET_ITEM_ONLY = Shape.of("id:integer trip_id:integer category:string name:string "
            + "total_price:number persons:integer days:integer note:string sort_order:integer paid_by_user_id:integer "
            + "expense_date:string reservation_id:integer created_at:string");

    static final Shape BUDGET_ITEM = BUDGET_ITEM_ONLY.withList("members", BUDGET_MEMBER);

    /** The split tools' item: the original nests the item in item.item beside item.members (ours also flat). */
    static final Shape SPLIT_ITEM = BUDGET_ITEM.with("item", BUDGET_ITEM_ONLY);

    /** get_trip_summary's members: the owner and the collaborators. */
    static final Shape MEMBERS = Shape.of("").with("owner", MEMBER).withList("collaborators", MEMBER);

    static final Shape PACKING_ITEM = Shape.of("id:integer trip_id:integer name:string checked:integer category:string "
            + "sort_order:integer weight_grams:integer bag_id:integer quantity:integer created_at:string");

    private static final Shape BAG_ONLY = Shape.of("id:integer trip_id:integer name:string color:string "
            + "weight_limit_grams:integer sort_order:integer user_id:integer created_at:string");

    /** A bag as create_packing_bag and update_packing_bag give it (with its assigned user's name). */
    static final Shape BAG = BAG_ONLY.and("assigned_username:string");

    static final Shape LISTED_BAG = BAG_ONLY.withList("members", Shape.of("bag_id:integer user_id:integer username:string avatar:string"));

    static final Shape TODO = Shape.of("id:integer trip_id:integer name:string checked:integer category:string sort_order:integer "
            + "due_date:string description:string assigned_user_id:integer priority:integer created_at:string reminded_at:string");

    static final Shape SETTLEMENT = Shape.of("id:integer trip_id:integer from_user_id:integer to_user_id:integer amount:number "
            + "created_at:string created_by_user_id:integer from_username:string from_avatar_url:string to_username:string "
            + "to_avatar_url:string");

    private static final Shape SETTLER = Shape.of("user_id:integer username:string avatar_url:string");

    static final Shape SETTLEMENT_SUMMARY = Shape.of("currency:string")
            .withList("balances", Shape.of("user_id:integer username:string avatar_url:string balance:number"))
            .withList("flows", Shape.of("amount:number").with("from", SETTLER).with("to", SETTLER))
            .withList("settlements", SETTLEMENT);

    static final Shape SHARE_LINK = Shape.of("token:string created_at:string share_map:boolean share_bookings:boolean "
            + "share_packing:boolean share_budget:boolean share_collab:boolean url:string");

    static final Shape TEMPLATE = Shape.of("id:integer name:string item_count:integer");

    /** A search_place hit (OpenStreetMap). */
    static final Shape PLACE_HIT = Shape.of("name:string address:string lat:number lng:number osm_id:string").andOptional("type:string");

    static final Shape TRANSIT_STOP = Shape.of("name:string lat:number lng:number type:string area:string timezone:string");

    private static final Shape LEG_END = Shape.of("name:string lat:number lng:number time:string scheduledTime:string "
            + "track:string timezone:string");

    static final Shape ITINERARY = Shape.of("startTime:string endTime:string duration:integer transfers:integer walkSeconds:integer")
            .withList("legs", Shape.of("mode:string").with("from", LEG_END).with("to", LEG_END)
                    .and("duration:integer distance:number headsign:string line:string lineColor:string lineTextColor:string "
                            + "agency:string intermediateStops:integer geometry:string geometryPrecision:integer"));

    // get_trip_summary's own light forms (one plain query per section; see TripSummaryService).
    private static final Shape SUMMARY_ASSIGNMENT = Shape.of("id:integer day_id:integer place_id:integer order_index:integer "
            + "notes:string assignment_time:string assignment_end_time:string created_at:string")
            .with("place", Shape.of("id:integer name:string category_id:integer lat:number lng:number address:string"));

    private static final Shape SUMMARY_DAY = Shape.of("id:integer trip_id:integer day_number:integer date:string title:string "
            + "notes_text:string").withList("notes", NOTE)
            .withOptionalList("assignments", SUMMARY_ASSIGNMENT); // with places:read

    private static final Shape SUMMARY_STAY = Shape.of("id:integer trip_id:integer place_id:integer start_day_id:integer "
            + "end_day_id:integer check_in:string check_in_end:string check_out:string notes:string created_at:string")
            .andOptional("confirmation:string place_name:string");

    private static final Shape SUMMARY_BOOKING = Shape.of("id:integer trip_id:integer day_id:integer end_day_id:integer "
            + "place_id:integer assignment_id:integer accommodation_id:integer title:string type:string status:string "
            + "reservation_time:string reservation_end_time:string location:string confirmation_number:string notes:string "
            + "day_plan_position:number needs_review:integer created_at:string");

    /**
     * get_trip_summary: the trip, its members and days always; each optional section only where the grant may see
     * it (declared, not required); the collaboration keys always.
     */
    static jakarta.json.JsonObject summary() {
        return org.trek.mcp.toolkit.Schema.nested().object("trip", TRIP, true).object("members", MEMBERS, true)
                .objects("days", SUMMARY_DAY, true).objects("accommodations", SUMMARY_STAY, true)
                .object("budget", Shape.of("item_count:integer more:boolean total:number currency:string")
                        .withList("items", BUDGET_ITEM_ONLY), false)
                .object("packing", Shape.of("total:integer checked:integer more:boolean").withList("items", PACKING_ITEM), false)
                .objects("reservations", SUMMARY_BOOKING, false).objects("todos", TODO, false)
                .array("collab_notes", true).bool("collab_notes_more", "Whether notes were left out (with collab_notes visible)", false)
                .integer("pollCount", "Polls (collab addon)", 0, null, true)
                .integer("messageCount", "Chat messages (collab addon)", 0, null, true)
                .array("omitted_sections", true).buildOutput();
    }

    private WireShapes() {
    }
}
