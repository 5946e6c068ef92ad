package org.trek.trips.tools;

import java.util.List;
import org.trek.mcp.toolkit.Param;

/** Arguments that several trip tool groups share, each declared once. */
final class TripParams {
    static final Param<Long> TRIP_ID = Param.id("tripId", "Trip id (from list_trips)").required();
    static final Param<Long> DAY_ID = Param.id("dayId", "Day id").required();
    static final Param<Long> PLACE_ID = Param.id("placeId", "Place id").required();
    static final Param<Long> ASSIGNMENT_ID = Param.id("assignmentId", "Assignment id").required();
    static final Param<Long> MEMBER_ID = Param.id("memberId", "The member's user id").required();
    static final Param<List<Long>> MEMBER_IDS = Param.ids("userIds", "Member user ids", 0, 200).required();
    static final Param<String> CATEGORY_NAME = Param.string("categoryName", "Category", 1, 100).required();

    private TripParams() {
    }
}
