package org.trek.oauth;

/**
 * An OAuth error response (RFC 6749 §5.2): the error code, a human description and the HTTP status.
 * Thrown by the rules, turned into JSON by the endpoints. Services roll nothing back on it (the audit and a
 * family revocation caused by a replay must survive).
 */
public class OAuthException extends RuntimeException {
    private final int status;
    private final String error;
    private final long retryAfterSeconds;

    public OAuthException(int status, String error, String description) {
        this(status, error, description, 0);
    }

    public OAuthException(int status, String error, String description, long retryAfterSeconds) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static OAuthException invalidRequest(String description) {
        return new OAuthException(400, "invalid_request", description);
    }

    public static OAuthException invalidClient(String description) {
        return new OAuthException(401, "invalid_client", description);
    }

    public static OAuthException invalidGrant(String description) {
        return new OAuthException(400, "invalid_grant", description);
    }

    public static OAuthException tooManyRequests(long retryAfterSeconds) {
        return new OAuthException(429, "too_many_requests", "Too many requests. Try again later.", retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
