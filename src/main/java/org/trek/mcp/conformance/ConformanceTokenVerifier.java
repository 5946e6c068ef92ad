package org.trek.mcp.conformance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.trek.account.User;
import org.trek.account.UserService;
import org.trek.platform.AppConfig;
import org.trek.platform.SecureRandoms;
import org.trek.platform.auth.AccessGrant;
import org.trek.platform.auth.BearerTokenVerifier;

/**
 * Test-only: with TREK_MCP_CONFORMANCE_FIXTURES=true and TREK_MCP_CONFORMANCE_TOKEN=trekconf_... (at least 32
 * random characters) that one token acts for the first administrator, so the conformance runner's loopback proxy can
 * authenticate the suite, which cannot send headers itself; TREK_MCP_CONFORMANCE_TOKEN_SCOPES may narrow it (for
 * scope tests). Inert otherwise.
 */
@ApplicationScoped
public class ConformanceTokenVerifier implements BearerTokenVerifier {
    static final String PREFIX = "trekconf_";

    @Inject
    AppConfig config;

    @Inject
    UserService users;

    private Optional<String> configured() {
        if (!config.getBoolean(ConformanceFixtures.SETTING, false)) {
            return Optional.empty();
        }
        return config.get("TREK_MCP_CONFORMANCE_TOKEN").filter(t -> t.startsWith(PREFIX) && t.length() >= PREFIX.length() + 32);
    }

    @Override
    public boolean supports(String token) {
        return token != null && token.startsWith(PREFIX);
    }

    @Override
    public Optional<AccessGrant> verify(String token) {
        return configured().filter(expected -> SecureRandoms.constantTimeEquals(expected, token))
                .flatMap(t -> users.list().stream().filter(User::isAdmin).findFirst())
                .map(u -> new AccessGrant(u.getId(), "conformance", "conformance", scopes(), config.appUrl() + "/mcp",
                        null, false));
    }

    /** TREK_MCP_CONFORMANCE_TOKEN_SCOPES narrows the test token (space separated); unset means full access. */
    private java.util.Set<String> scopes() {
        return config.get("TREK_MCP_CONFORMANCE_TOKEN_SCOPES")
                .map(s -> java.util.Set.copyOf(org.trek.platform.auth.ScopeCatalog.parse(s).known())).orElse(null);
    }
}
