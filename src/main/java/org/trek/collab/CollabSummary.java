package org.trek.collab;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.util.List;
import org.trek.platform.Jsons;
import org.trek.trips.TripSummaryCollab;

/**
 * The collaboration part of get_trip_summary (and the trip-summary prompt): the trip's notes as the notes resource
 * gives them (capped) and the poll and message counts. At most two queries whatever the trip holds: the notes (when
 * visible) and both counts (when polls or chat are).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CollabSummary implements TripSummaryCollab {

    @Inject
    CollabService collab;

    @Override
    public Part part(long tripId, boolean notes, boolean polls, boolean chat, int cap) {
        JsonArray noteList = JsonValue.EMPTY_JSON_ARRAY;
        boolean more = false;
        if (notes) {
            List<JsonObject> rows = collab.notesOf(tripId, cap + 1);
            more = rows.size() > cap;
            noteList = Jsons.array(rows.subList(0, Math.min(rows.size(), cap)), n -> n).build();
        }
        long[] counts = polls || chat ? collab.counts(tripId) : new long[] {0, 0};
        return new Part(noteList, more, polls ? counts[0] : 0, chat ? counts[1] : 0);
    }
}
