package org.trek.geo;

import org.trek.platform.DomainException;

/** A refused geo or weather call with a message fit to show the caller. */
public class GeoException extends DomainException {
    public GeoException(String message) {
        super(message);
    }
}
