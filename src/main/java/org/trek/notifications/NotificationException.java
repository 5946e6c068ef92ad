package org.trek.notifications;

import org.trek.platform.DomainException;

/** A refused notification operation, with a message fit to show the caller. */
public class NotificationException extends DomainException {
    /** The original's answer for an unknown id, another user's notification included. */
    public static final String NOT_FOUND = "Notification not found.";

    public NotificationException(String message) {
        super(message);
    }
}
