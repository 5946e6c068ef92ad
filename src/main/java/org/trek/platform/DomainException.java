package org.trek.platform;

/**
 * A refused operation whose message is fit to show the caller (never internal details): what every feature's
 * services throw for "not found", "not allowed" or an invalid value. The MCP tool kit turns it into an
 * {@code isError} result with this message; screens show it as it is.
 */
public class DomainException extends RuntimeException {

    public DomainException(String message) {
        super(message, null, false, false);
    }
}
