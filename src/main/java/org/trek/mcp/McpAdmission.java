package org.trek.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.trek.platform.addons.AddonService;
import org.trek.mcp.protocol.InboundRequest;
import org.trek.mcp.protocol.JsonRpc;
import org.trek.mcp.protocol.McpError;
import org.trek.platform.AppConfig;
import org.trek.platform.RateLimiter;
import org.trek.platform.auth.AccessGrant;
import org.trek.platform.limits.RequestRateLimiter;

/**
 * The checks every request to /mcp passes before anything else, in this order: Host and Origin (DNS rebinding),
 * the MCP addon, the bearer token, the rate limit. None of them touches the database on the hot path: addon states,
 * grants and counters are in memory (see {@link AddonService}, {@link McpAuthenticator}, {@link RequestRateLimiter}).
 */
@ApplicationScoped
public class McpAdmission {
    private static final Duration WINDOW = Duration.ofMinutes(1);

    @Inject
    TransportGuard guard;

    @Inject
    AddonService addons;

    @Inject
    McpAuthenticator authenticator;

    @Inject
    McpEvents events;

    @Inject
    RequestRateLimiter limiter;

    @Inject
    AppConfig config;

    private volatile int rateLimit;

    /** The grant the request acts with; throws the 403/401/429 McpError that answers it otherwise. */
    public AccessGrant admit(InboundRequest r) {
        if (!guard.hostAllowed(r.host()) || !guard.originAllowed(r.origin())) {
            throw new McpError(JsonRpc.SERVER_ERROR, "Forbidden: this Origin or Host is not allowed", null, 403);
        }
        if (!addons.isEnabled(AddonService.MCP)) {
            throw new McpError(JsonRpc.SERVER_ERROR, "MCP is not enabled on this server", null, 403);
        }
        AccessGrant grant = authenticator.authenticate(r.authorization());
        // A node that serves MCP follows (and purges) the change feed; before its first request it has no streams.
        events.ensurePolling();
        String bucket = "mcp:" + grant.userId() + ":" + (grant.clientId() == null ? "native" : grant.clientId());
        RateLimiter.Decision d = limiter.hit(bucket, rateLimit(), WINDOW);
        if (!d.allowed()) {
            throw new RateLimited(d.retryAfterSeconds());
        }
        return grant;
    }

    /** MCP_RATE_LIMIT requests per minute per (user, client), read once. */
    private int rateLimit() {
        int limit = rateLimit;
        if (limit == 0) {
            limit = config.getInt("MCP_RATE_LIMIT", 300);
            limit = limit > 0 ? limit : 300;
            rateLimit = limit;
        }
        return limit;
    }

    /** 429 with Retry-After (RFC 6585 §4) and a JSON-RPC body. */
    public static final class RateLimited extends McpError {
        private final long retryAfter;

        RateLimited(long retryAfter) {
            super(JsonRpc.SERVER_ERROR, "Too many requests. Please slow down.", null, 429);
            this.retryAfter = retryAfter;
        }

        public long retryAfter() {
            return retryAfter;
        }
    }
}
