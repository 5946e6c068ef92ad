package org.trek.mcp;

/** The server instructions sent with initialize (legacy) and server/discover (2026-07-28). */
final class ServerInstructions {
    static final String TEXT = """
            TREK is a trip planner. Tools read and change the user's trips, days, places, reservations, budgets, \
            packing lists and more; only tools the user's grant allows are listed.
            - Call list_trips first when no trip id is known, then get_trip_summary once as the context loader.
            - To add a place: search_place, then create_place, then assign_place_to_day.
            - Dates are YYYY-MM-DD, times HH:MM (24 h); pass null to clear a field.
            - Ask the user before every destructive operation (delete, overwrite).
            - Some add-ons (Budget, Packing, Collab, Atlas, Vacay, Journey) may be switched off; their tools are then absent.""";

    private ServerInstructions() {
    }
}
