package org.trek.account.twofactor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.trek.platform.AppConfig;
import org.trek.platform.RateLimiter;

/**
 * The second step is throttled like the password step, with its own counts (a correct password does not buy fresh
 * code guesses): LOGIN_MAX_FAILURES per account and address in LOGIN_WINDOW_MINUTES, counted before the check;
 * LOGIN_MAX_FAILURES_PER_ACCOUNT failures per account from all addresses; LOGIN_MAX_FAILURES_PER_IP per address.
 */
@ApplicationScoped
public class TwoFactorThrottle {

    @Inject
    RateLimiter limiter;

    @Inject
    AppConfig config;

    /** Counts this attempt; answers the seconds to wait, or 0 when it may go on. */
    public long attempt(long userId, String ip) {
        long wait = Math.max(capWait("2fa-account:" + userId, config.getInt("LOGIN_MAX_FAILURES_PER_ACCOUNT", 50)),
                capWait("2fa-ip:" + ip, config.getInt("LOGIN_MAX_FAILURES_PER_IP", 100)));
        if (wait > 0) {
            return wait;
        }
        RateLimiter.Decision d = limiter.hit(pair(userId, ip), config.getInt("LOGIN_MAX_FAILURES", 5), window());
        return d.allowed() ? 0 : d.retryAfterSeconds();
    }

    public void failed(long userId, String ip) {
        limiter.hit("2fa-account:" + userId, Integer.MAX_VALUE, window());
        limiter.hit("2fa-ip:" + ip, Integer.MAX_VALUE, window());
    }

    public void succeeded(long userId, String ip) {
        limiter.reset(pair(userId, ip));
    }

    private long capWait(String bucket, int max) {
        RateLimiter.Decision d = limiter.peek(bucket, max, window());
        return d.count() >= max ? d.retryAfterSeconds() : 0;
    }

    private static String pair(long userId, String ip) {
        return "2fa:" + userId + "|" + ip;
    }

    private Duration window() {
        return Duration.ofMinutes(config.getInt("LOGIN_WINDOW_MINUTES", 15));
    }
}
