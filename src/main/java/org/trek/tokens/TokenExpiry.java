package org.trek.tokens;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How long a new static token lives: 30, 60 or 90 days, or until deleted. The default is 90 days: a static token has
 * full access to the account and is deprecated, so one forgotten in an old config should stop working by itself;
 * 90 days is the longest of the offered lifetimes, so a client that is in use is broken least often. "No expiry" (the
 * original's only behaviour) stays available as an explicit choice.
 */
public enum TokenExpiry {
    DAYS_30("30", 30, "30 days"),
    DAYS_60("60", 60, "60 days"),
    DAYS_90("90", 90, "90 days"),
    NONE("none", 0, "No expiry");

    public static final TokenExpiry DEFAULT = DAYS_90;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final String value;
    private final int days;
    private final String label;

    TokenExpiry(String value, int days, String label) {
        this.value = value;
        this.days = days;
        this.label = label;
    }

    /** What the form's choice says. */
    public String label() {
        return label;
    }

    /** The form value ("30", "60", "90", "none"). */
    public String value() {
        return value;
    }

    public int days() {
        return days;
    }

    /** The form's choice; blank means the default, anything unknown is refused (null). */
    public static TokenExpiry parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        for (TokenExpiry e : values()) {
            if (e.value.equals(value.strip())) {
                return e;
            }
        }
        return null;
    }

    /** When a token created at {@code createdAt} stops working; null for no expiry. */
    public Instant expiresAt(Instant createdAt) {
        return days == 0 ? null : createdAt.plus(Duration.ofDays(days));
    }

    /** Whether a token with this expiry (null: never) is past it at {@code now}; the expiry instant itself is past. */
    public static boolean expired(Instant expiresAt, Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    /** What the token list says: "never", "expired" or "expires 2027-01-02" (the UTC date). */
    public static String describe(Instant expiresAt, Instant now) {
        if (expiresAt == null) {
            return "never";
        }
        return expired(expiresAt, now) ? "expired" : "expires " + DATE.format(expiresAt);
    }

    /** The expiry as the audit log records it: ISO-8601 instant or "never". */
    public static String audited(Instant expiresAt) {
        return expiresAt == null ? "never" : expiresAt.toString();
    }
}
