package org.trek.vacay;

import org.trek.platform.DomainException;

/** A refused vacay operation, with a message fit to show the caller; nothing was changed. */
public class VacayException extends DomainException {
    public VacayException(String message) {
        super(message);
    }
}
