package org.trek.oauth.client;

/**
 * A client could not be created or changed; the message is safe to show to the user. The field names the form field
 * that caused it (so the screen can show the message there), or is null.
 */
public class ClientException extends RuntimeException {
    /** Form fields a refusal can point at. */
    public static final String NAME = "name";
    public static final String REDIRECT_URIS = "redirectUris";
    public static final String SCOPES = "scopes";
    public static final String CLIENT_TYPE = "clientType";
    public static final String LIMIT = "limit";

    private final String field;

    public ClientException(String message) {
        this(null, message);
    }

    public ClientException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    /** One of the constants above, or null. */
    public String field() {
        return field;
    }

    /** The name is already used by another of the owner's clients; the screen asks to confirm it. */
    public static final class DuplicateName extends ClientException {
        public DuplicateName(String name) {
            super(NAME, "You already have a client named \"" + name + "\". Choose another name, or confirm with the"
                    + " button below to use it for this client too.");
        }
    }
}
