package org.trek.trips.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.trek.platform.AppConfig;
import org.trek.platform.RateLimiter;
import org.trek.platform.limits.RequestRateLimiter;
import org.trek.platform.web.ClientIp;

/**
 * SHARE_RATE_LIMIT requests per minute per client address on the public share pages (/shared/… and /api/shared/…,
 * one count for both, known and unknown tokens alike), counted in memory like MCP_RATE_LIMIT (summed across the
 * nodes of a data grid). Tokens carry 256 random bits, so the limit is not what stops guessing; it keeps a link that
 * got around from being scraped or used to load the server.
 */
@ApplicationScoped
public class SharedLinkLimit {
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int DEFAULT_PER_MINUTE = 60;

    @Inject
    RequestRateLimiter limiter;

    @Inject
    AppConfig config;

    private volatile int perMinute;

    /** Counts this request; the decision says whether it may be served and, if not, when to come back. */
    public RateLimiter.Decision hit(HttpServletRequest request) {
        return limiter.hit("shared:" + ClientIp.resolve(request, config.trustedProxies()), perMinute(), WINDOW);
    }

    private int perMinute() {
        int limit = perMinute;
        if (limit == 0) {
            limit = config.getInt("SHARE_RATE_LIMIT", DEFAULT_PER_MINUTE);
            limit = limit > 0 ? limit : DEFAULT_PER_MINUTE;
            perMinute = limit;
        }
        return limit;
    }
}
