package org.trek.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.trek.platform.AppConfig;
import org.trek.platform.RateLimiter;

/**
 * At most LOGIN_MAX_FAILURES (5) failed sign-ins per account and IP in LOGIN_WINDOW_MINUTES (15); counted in the
 * shared database so every node agrees. A successful sign-in clears the count.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    RateLimiter limiter;

    @Inject
    AppConfig config;

    /** Seconds until another attempt is allowed, or 0 when it is allowed now. */
    public long blockedForSeconds(String login, String ip) {
        RateLimiter.Decision d = limiter.peek(bucket(login, ip), maxFailures(), window());
        return d.count() >= maxFailures() ? d.retryAfterSeconds() : 0;
    }

    public void failed(String login, String ip) {
        limiter.hit(bucket(login, ip), maxFailures(), window());
    }

    public void succeeded(String login, String ip) {
        limiter.reset(bucket(login, ip));
    }

    private int maxFailures() {
        return config.getInt("LOGIN_MAX_FAILURES", 5);
    }

    private Duration window() {
        return Duration.ofMinutes(config.getInt("LOGIN_WINDOW_MINUTES", 15));
    }

    private static String bucket(String login, String ip) {
        return "login:" + (login == null ? "" : login.trim().toLowerCase(Locale.ROOT)) + "|" + ip;
    }
}
