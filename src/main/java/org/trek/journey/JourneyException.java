package org.trek.journey;

import org.trek.platform.DomainException;

/** A refused journey operation, with a message fit to show the caller. */
public class JourneyException extends DomainException {
    /** The original's answer for a journey that does not exist or that the caller does not contribute to. */
    public static final String NO_ACCESS = "Journey not found or access denied.";
    /** The original's answer for an entry that does not exist or belongs to a journey the caller cannot see. */
    public static final String ENTRY_NO_ACCESS = "Entry not found or access denied.";
    /** A contributor who may read but not do this (a viewer writing, an editor doing what only the owner does). */
    public static final String OWNER_ONLY = "Only the journey's owner can do this.";
    public static final String EDITORS_ONLY = "Viewers cannot change this journey; its owner and editors can.";

    public JourneyException(String message) {
        super(message);
    }

    public static JourneyException noAccess() {
        return new JourneyException(NO_ACCESS);
    }
}
