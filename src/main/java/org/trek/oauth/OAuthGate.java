package org.trek.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.trek.platform.addons.AddonService;
import org.trek.platform.RateLimiter;
import org.trek.platform.addons.AddonId;

/** The two checks in front of every OAuth endpoint: is the MCP addon on (reference §4.6), and the rate limits. */
@ApplicationScoped
public class OAuthGate {

    @Inject
    AddonService addons;

    @Inject
    RateLimiter limiter;

    public boolean mcpEnabled() {
        return addons.isEnabled(AddonId.MCP);
    }

    /** Counts one hit; throws 429 too_many_requests with the seconds until the window resets. */
    public void limit(String bucket, int perWindow, Duration window) {
        if (perWindow <= 0) {
            return;
        }
        RateLimiter.Decision d = limiter.hit(bucket, perWindow, window);
        if (!d.allowed()) {
            throw OAuthException.tooManyRequests(d.retryAfterSeconds());
        }
    }

    public void limitPerMinute(String bucket, int perMinute) {
        limit(bucket, perMinute, Duration.ofMinutes(1));
    }
}
