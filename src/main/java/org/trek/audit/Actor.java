package org.trek.audit;

/**
 * Who did something, and from where: what every audit record names. {@code userId} is null for anonymous callers
 * (a failed login, a dynamic client registration).
 */
public record Actor(Long userId, String username, String ip) {

    public static Actor anonymous(String ip) {
        return new Actor(null, null, ip);
    }

    public static Actor system() {
        return new Actor(null, "system", null);
    }
}
