package org.trek.trips.events;

/**
 * CDI event: a user was added to a trip by someone (fired inside the transaction that adds the member, so an observer
 * that writes joins it and a rolled-back addition leaves nothing behind). Other features observe it; trips knows none
 * of them.
 *
 * @param tripId    the trip
 * @param tripTitle its title at the moment
 * @param actorId   who added the member
 * @param userId    the user who was added
 */
public record TripMemberAdded(long tripId, String tripTitle, long actorId, long userId) {
}
