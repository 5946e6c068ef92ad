package org.trek.trips;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The trip part of the MCP server instructions (sent in initialize / server/discover). The MCP layer reads
 * {@link #text()} and may append its own sections.
 */
@ApplicationScoped
public class TripInstructions implements org.trek.mcp.registry.InstructionsProvider {

    private static final String TEXT = """
            # TREK trip planner

            ## What is in here
            - **Trip**: a journey with a title, optional start and end dates and a currency. You see the trips you own and the ones you were added to.
            - **Day**: one day of a trip, numbered from 1, dated when the trip has dates.
            - **Place**: somewhere the travellers may go; it belongs to a trip and can sit on several days.
            - **Assignment**: a place planned on a day, in order, with optional start and end times and participants.
            - **Accommodation**: a place where the group sleeps from a start day to an end day.
            - **Reservation**: a booking (hotel, restaurant, event, tour, activity, other) or a transport (flight, train, car, cruise) with stops.
            - **Day note**: a short note with an icon and an optional time on a day.
            - **Budget item**: an expense in the trip currency, optionally split between members with paid flags.
            - **Packing item / bag**: things to pack by category, bags and who carries them. **To-do**: tasks with due dates and owners.
            - **Tag**: your own labels for places.

            ## How to work
            1. No trip id yet? Call `list_trips`.
            2. Load the trip once with `get_trip_summary`; it has days, notes, assignments and (as far as your access goes) budget, packing, reservations and to-dos. Sections you cannot see are named in `omitted_sections`.
            3. To add a place to the plan: check the trip's places first (`list_places` with `search`), then `create_place` (or `create_and_assign_place`), then `assign_place_to_day`.
               A whole shared Google Maps or Naver Map list: `import_places_from_url` with its share link (places already in the trip are skipped).
            4. An accommodation needs an existing place plus `start_day_id` and `end_day_id` (or use `create_place_accommodation`).
            5. Before any reorder tool, read the current order; reorder tools take the complete list.
            6. User ids for participants, splits, bags and assignees must be trip members: check `list_trip_members`.

            ## Rules
            - You can only reach trips you own or are a member of; anything else reads as "not found". Ids from another trip are "not found" too.
            - The server's permission settings decide who may edit what: by default only the owner edits trip details, deletes the trip, manages members and share links; members edit places, days, reservations, budget and packing.
            - Deleting a place removes its assignments. New trips get at most 90 generated days (7 undated days without dates).
            - Ask the user before anything destructive (delete tools, bulk deletes).
            - Long lists are paginated: pass `next_cursor` back as `cursor`.

            ## Formats
            Dates are `YYYY-MM-DD`, times 24-hour `HH:MM`. Pass `null` to clear a value where a tool allows it. Show amounts in the trip currency and dates in a friendly form.

            ## Optional parts
            Budget and Packing (with to-dos) are add-ons an administrator can switch off; their tools then disappear.
            """;

    @Override
    public String instructions() {
        return text();
    }

    public String text() {
        return TEXT;
    }
}
