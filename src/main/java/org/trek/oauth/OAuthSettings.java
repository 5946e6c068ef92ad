package org.trek.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.trek.platform.AppConfig;

/** The OAuth settings, each read from configuration with its documented default (docs/oauth.md). */
@ApplicationScoped
public class OAuthSettings {

    @Inject
    AppConfig config;

    /** The issuer (RFC 8414 §2): APP_URL without a trailing slash. */
    public String issuer() {
        return config.appUrl();
    }

    /** The one protected resource this server issues tokens for (RFC 8707 / RFC 9728). */
    public String resource() {
        return config.appUrl() + "/mcp";
    }

    public String endpoint(String path) {
        return config.appUrl() + path;
    }

    public Duration accessTokenLifetime() {
        return Duration.ofSeconds(Math.max(60, config.getLong("OAUTH_ACCESS_TOKEN_SECONDS", 3600)));
    }

    public Duration refreshTokenLifetime() {
        return Duration.ofDays(Math.max(1, config.getLong("OAUTH_REFRESH_DAYS", 30)));
    }

    /** Absolute lifetime of a token family from its first authorization; zero means none. */
    public Duration refreshAbsoluteLifetime() {
        return Duration.ofDays(Math.max(0, config.getLong("OAUTH_REFRESH_ABSOLUTE_DAYS", 0)));
    }

    /** How long a rotated refresh token may be replayed for the same successor (concurrent refreshes). */
    public Duration refreshGrace() {
        return Duration.ofSeconds(Math.max(0, config.getLong("OAUTH_REFRESH_GRACE_SECONDS", 30)));
    }

    /** Authorization codes live 60 s: long enough for any client, short enough to limit a leak. */
    public Duration codeLifetime() {
        return Duration.ofSeconds(Math.min(120, Math.max(30, config.getLong("OAUTH_CODE_SECONDS", 60))));
    }

    public Duration dcrUnusedPurge() {
        return Duration.ofDays(Math.max(1, config.getLong("OAUTH_DCR_UNUSED_DAYS", 30)));
    }

    public int dcrPerIpPerMinute() {
        return config.getInt("OAUTH_DCR_PER_MINUTE", 10);
    }

    public int dcrPerIpPerDay() {
        return config.getInt("OAUTH_DCR_PER_IP_DAY", 50);
    }

    public int tokenPerMinute() {
        return config.getInt("OAUTH_TOKEN_PER_MINUTE", 30);
    }

    public int authorizePerMinute() {
        return config.getInt("OAUTH_AUTHORIZE_PER_MINUTE", 30);
    }

    public int revokePerMinute() {
        return config.getInt("OAUTH_REVOKE_PER_MINUTE", 10);
    }

    public int introspectPerMinute() {
        return config.getInt("OAUTH_INTROSPECT_PER_MINUTE", 60);
    }

    public int maxClientsPerUser() {
        return config.getInt("OAUTH_MAX_CLIENTS_PER_USER", 10);
    }

    public boolean cimdAllowLoopback() {
        return config.getBoolean("OAUTH_CIMD_ALLOW_LOOPBACK", false);
    }

    public int cimdFetchesPerMinute() {
        return config.getInt("OAUTH_CIMD_FETCHES_PER_MINUTE", 60);
    }

    public Duration cimdCacheTtl() {
        return Duration.ofSeconds(Math.max(0, config.getLong("OAUTH_CIMD_CACHE_SECONDS", 600)));
    }
}
