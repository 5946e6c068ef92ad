package org.trek.trips;

import org.trek.platform.DomainException;

/** A refused trip operation with a message fit to show the caller (never carries internal details). */
public class TripException extends DomainException {
    public static final String NO_ACCESS = "Trip not found or access denied.";

    public TripException(String message) {
        super(message);
    }

    public static TripException noAccess() {
        return new TripException(NO_ACCESS);
    }

    public static TripException notFound(String what) {
        return new TripException(what + " not found.");
    }
}
