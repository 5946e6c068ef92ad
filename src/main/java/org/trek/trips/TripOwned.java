package org.trek.trips;

/** An entity that belongs to exactly one trip: object-ownership checks compare this id. */
public interface TripOwned {
    Long getTripId();
}
