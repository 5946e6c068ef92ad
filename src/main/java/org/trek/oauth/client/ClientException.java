package org.trek.oauth.client;

/** A client could not be created or changed; the message is safe to show to the user. */
public class ClientException extends RuntimeException {
    public ClientException(String message) {
        super(message, null, false, false);
    }
}
