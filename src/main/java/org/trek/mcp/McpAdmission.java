package org.trek.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trek.platform.addons.AddonService;
import org.trek.mcp.protocol.Inbound;
import org.trek.mcp.protocol.InboundRequest;
import org.trek.mcp.protocol.JsonRpc;
import org.trek.mcp.protocol.McpError;
import org.trek.platform.AppConfig;
import org.trek.platform.RateLimiter;
import org.trek.platform.auth.AccessGrant;
import org.trek.platform.limits.BurstRateLimiter;

/**
 * The checks every request to /mcp passes before anything else, in this order: Host and Origin (DNS rebinding),
 * the MCP addon, the bearer token, the rate limit. None of them touches the database on the hot path: addon states,
 * grants and counters are in memory (see {@link AddonService}, {@link McpAuthenticator}, {@link RequestRateLimiter}).
 */
@ApplicationScoped
public class McpAdmission {
    /** Protocol housekeeping may come this many times as often as requests that do work. */
    static final int HOUSEKEEPING_FACTOR = 4;

    @Inject
    TransportGuard guard;

    @Inject
    AddonService addons;

    @Inject
    McpAuthenticator authenticator;

    @Inject
    McpEvents events;

    @Inject
    BurstRateLimiter limiter;

    @Inject
    AppConfig config;

    private volatile int rateLimit;
    private volatile int rateBurst;

    /** The grant the request acts with; throws the 403/401/429 McpError that answers it otherwise. */
    public AccessGrant admit(InboundRequest r, Inbound in) {
        if (!guard.hostAllowed(r.host()) || !guard.originAllowed(r.origin())) {
            throw new McpError(JsonRpc.SERVER_ERROR, "Forbidden: this Origin or Host is not allowed", null, 403);
        }
        if (!addons.isEnabled(AddonService.MCP)) {
            throw new McpError(JsonRpc.SERVER_ERROR, "MCP is not enabled on this server", null, 403);
        }
        AccessGrant grant = authenticator.authenticate(r.authorization());
        // A node that serves MCP follows (and purges) the change feed; before its first request it has no streams.
        events.ensurePolling();
        String client = grant.clientId() == null ? "native" : grant.clientId(); // a bucket key, not shown
        boolean housekeeping = housekeeping(in);
        int factor = housekeeping ? HOUSEKEEPING_FACTOR : 1;
        RateLimiter.Decision d = limiter.take((housekeeping ? "mcp-hk:" : "mcp:") + grant.userId() + ":" + client,
                rateLimit() * factor, rateBurst() * factor);
        if (!d.allowed()) {
            throw new RateLimited(d.retryAfterSeconds(), grant);
        }
        return grant;
    }

    /**
     * Protocol housekeeping: notifications, answers to the server's own requests, ping, opening or ending a session's
     * stream or the session. A client does these on its own schedule (a reconnecting stream, a cancellation), so they
     * are counted in a bucket of their own and never use up the allowance of the requests that do work.
     */
    static boolean housekeeping(Inbound in) {
        if (in instanceof Inbound.OpenStream || in instanceof Inbound.EndSession || in instanceof Inbound.ModernAccepted) {
            return true;
        }
        if (in instanceof Inbound.Legacy legacy) {
            JsonRpc.Message m = legacy.message();
            return !m.isRequest() || "ping".equals(m.method());
        }
        if (in instanceof Inbound.Modern modern) {
            return "ping".equals(modern.message().method());
        }
        return false;
    }

    /** MCP_RATE_LIMIT requests per minute on average per (user, client), read once. */
    private int rateLimit() {
        int limit = rateLimit;
        if (limit == 0) {
            limit = config.getInt("MCP_RATE_LIMIT", DEFAULT_RATE);
            limit = limit > 0 ? limit : DEFAULT_RATE;
            rateLimit = limit;
        }
        return limit;
    }

    /** MCP_RATE_BURST requests at once (the bucket's size; default twice the per-minute rate); read once. */
    private int rateBurst() {
        int burst = rateBurst;
        if (burst == 0) {
            burst = config.getInt("MCP_RATE_BURST", 2 * rateLimit());
            burst = burst > 0 ? burst : 2 * rateLimit();
            rateBurst = burst;
        }
        return burst;
    }

    static final int DEFAULT_RATE = 300;

    /** 429 with Retry-After (RFC 6585 §4) and a JSON-RPC body. */
    public static final class RateLimited extends McpError {
        private final long retryAfter;
        private final transient AccessGrant grant;

        RateLimited(long retryAfter, AccessGrant grant) {
            super(JsonRpc.SERVER_ERROR, "Too many requests. Please slow down.", null, 429);
            this.retryAfter = retryAfter;
            this.grant = grant;
        }

        /** The valid grant that was refused (the audit record names its user). */
        public AccessGrant grant() {
            return grant;
        }

        public long retryAfter() {
            return retryAfter;
        }
    }
}
