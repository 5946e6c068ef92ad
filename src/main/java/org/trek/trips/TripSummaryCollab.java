package org.trek.trips;

import jakarta.json.JsonArray;

/**
 * The collaboration part of a trip summary (the original's {@code collab_notes}, {@code pollCount} and
 * {@code messageCount}), offered by the collab feature: the summary asks through this contract (a CDI bean, when one
 * is deployed) and knows nothing of collab. An implementation answers in a fixed number of queries whatever the trip
 * holds, and reads only what a visible part needs.
 */
public interface TripSummaryCollab {

    /**
     * @param notes    the trip's notes as collab answers them (empty when not visible), at most the cap
     * @param more     whether notes were left out at the cap
     * @param polls    how many polls the trip has (0 when not visible)
     * @param messages how many chat messages the trip has, deleted ones not counted (0 when not visible)
     */
    record Part(JsonArray notes, boolean more, long polls, long messages) {
    }

    /**
     * The trip's collaboration figures for a caller who may see the given parts (scope, addon and the addon's parts
     * already resolved). The caller has access to the trip.
     */
    Part part(long tripId, boolean notes, boolean polls, boolean chat, int cap);
}
