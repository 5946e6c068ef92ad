package org.trek.atlas;

import org.trek.platform.DomainException;

/** A refused atlas operation, with a message fit to show the caller; nothing was changed. */
public class AtlasException extends DomainException {
    /** The original's answer for an unknown bucket-list id, another user's included. */
    public static final String ITEM_NOT_FOUND = "Bucket list item not found.";

    public AtlasException(String message) {
        super(message);
    }
}
