package org.trek.trips.events;

import java.util.Set;

/**
 * CDI event: a booking (a reservation or a transport) of a trip was created, changed or deleted. Fired inside the
 * transaction of the change, like {@link TripMemberAdded}.
 *
 * @param tripId       the trip
 * @param tripTitle    its title at the moment
 * @param actorId      who changed the booking
 * @param booking      the booking's title
 * @param type         its type (hotel, restaurant, ..., flight, train, ...)
 * @param action       what happened to it
 * @param participants the trip's owner and members at the moment (the actor included)
 */
public record BookingChanged(long tripId, String tripTitle, long actorId, String booking, String type, Action action,
                             Set<Long> participants) {
    public enum Action {
        CREATED, UPDATED, DELETED;

        /** "created", "updated", "deleted". */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public BookingChanged {
        participants = Set.copyOf(participants);
    }
}
