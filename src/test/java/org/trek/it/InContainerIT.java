package org.trek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.trek.oauth.OAuthPurge;
import org.trek.oauth.grant.GrantService;
import org.trek.trips.SqlCounter;

/**
 * In-container checks that need the application's own beans and data source: the schema is fully migrated (on H2,
 * or on MariaDB when the build runs with -Dit.db.url), the OAuth purge deletes exactly what is stale, and the
 * grant lists of the admin and connected-apps screens cost the same number of statements for 5 grants or 45; and
 * that the harness itself calls the container on loopback.
 */
@ExtendWith(ArquillianExtension.class)
class InContainerIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.trekWith(InContainerIT.class, SqlCounter.class, SqlCounter.Counted.class);
    }

    @Resource(lookup = "java:app/jdbc/trek")
    DataSource dataSource;

    @Inject
    OAuthPurge purge;

    @Inject
    GrantService grants;

    @Inject
    SqlCounter sql;

    /**
     * The Arquillian harness talks to the container on loopback only (STACK.md §4: it reports eth0 otherwise). Here
     * rather than in a class of its own: each Arquillian class starts a Payara Micro of its own.
     */
    @Test
    @RunAsClient
    void clientSideBaseUrlIsLoopback(@ArquillianResource java.net.URL base) {
        assertEquals("127.0.0.1", base.getHost(), "test requests must go to 127.0.0.1, got " + base);
    }

    @Test
    void everyMigrationIsAppliedAndNoneIsPending() throws SQLException {
        Flyway flyway = Flyway.configure(getClass().getClassLoader()).dataSource(dataSource)
                .locations("classpath:db/migration").load();
        assertEquals(0, flyway.info().pending().length, "pending migrations");
        List<String> applied = new ArrayList<>();
        for (MigrationInfo info : flyway.info().applied()) {
            assertTrue(info.getState().isApplied() && !info.getState().isFailed(), info.getVersion() + " " + info.getState());
            applied.add(info.getVersion().getVersion());
        }
        assertTrue(applied.containsAll(List.of("1", "10", "20", "21", "30")), applied.toString());
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            String expected = System.getProperty("DB_URL", "").startsWith("jdbc:mariadb:") ? "MariaDB" : "H2";
            assertTrue(product.contains(expected) || (expected.equals("MariaDB") && product.contains("MySQL")),
                    "running on " + product + ", expected " + expected);
        }
    }

    @Test
    void purgeDeletesExpiredCodesDeadTokensAndStaleRegistrationsOnly() throws SQLException {
        long now = System.currentTimeMillis();
        long day = Duration.ofDays(1).toMillis();
        insertClient("purge-stale-dcr", "DCR", now - 40 * day, null);
        insertClient("purge-fresh-dcr", "DCR", now - 40 * day, now - day);
        insertClient("purge-old-settings", "SETTINGS", now - 400 * day, null);
        insertCode("purge-code-expired", now - 2 * Duration.ofHours(1).toMillis());
        insertCode("purge-code-live", now + 60_000);
        insertToken("purge-family-expired", now - day, null);
        insertToken("purge-family-revoked", now + 10 * day, now - 2 * day);
        insertToken("purge-family-live", now + 10 * day, null);

        OAuthPurge.Result result = purge.run();
        assertTrue(result.total() >= 4, result.toString());

        assertEquals(0, count("SELECT COUNT(*) FROM oauth_clients WHERE client_id = 'purge-stale-dcr'"));
        assertEquals(1, count("SELECT COUNT(*) FROM oauth_clients WHERE client_id = 'purge-fresh-dcr'"));
        assertEquals(1, count("SELECT COUNT(*) FROM oauth_clients WHERE client_id = 'purge-old-settings'"),
                "clients created in Settings are never purged");
        assertEquals(0, count("SELECT COUNT(*) FROM oauth_codes WHERE code_hash = 'purge-code-expired'"));
        assertEquals(1, count("SELECT COUNT(*) FROM oauth_codes WHERE code_hash = 'purge-code-live'"));
        assertEquals(0, count("SELECT COUNT(*) FROM oauth_tokens WHERE family_id = 'purge-family-expired'"));
        assertEquals(0, count("SELECT COUNT(*) FROM oauth_tokens WHERE family_id = 'purge-family-revoked'"));
        assertEquals(1, count("SELECT COUNT(*) FROM oauth_tokens WHERE family_id = 'purge-family-live'"));
    }

    @Test
    void grantListsCostAFixedNumberOfStatements() throws SQLException {
        long now = System.currentTimeMillis();
        long day = Duration.ofDays(1).toMillis();
        for (int i = 0; i < 5; i++) {
            insertClient("n1-few-" + i, "DCR", now, now);
            insertToken("n1-few-" + i, now + 10 * day, null, "n1-few-" + i);
        }
        SqlCounter.Counted<Integer> few = sql.count(() -> grants.grants(null).size());
        for (int i = 0; i < 40; i++) {
            insertClient("n1-many-" + i, "DCR", now, now);
            insertToken("n1-many-" + i, now + 10 * day, null, "n1-many-" + i);
        }
        SqlCounter.Counted<Integer> many = sql.count(() -> grants.grants(null).size());
        assertEquals(few.value() + 40, many.value());
        assertEquals(few.statements(), many.statements(), "no statement per grant");
        assertTrue(many.statements() <= 4, "grants, clients, owners, last use: " + many.statements());
        SqlCounter.Counted<Integer> apps = sql.count(() -> grants.connectedApps(1).size());
        assertTrue(apps.value() >= 45);
        assertTrue(apps.statements() <= 6, "connected apps: " + apps.statements());
    }

    private void insertClient(String clientId, String via, long createdAt, Long lastUsedAt) throws SQLException {
        update("INSERT INTO oauth_clients (client_id, client_name, public_client, auth_method, created_via, application_type, "
                + "redirect_uris, allowed_scopes, created_at, last_used_at) VALUES (?, 'purge test', TRUE, 'none', ?, 'native', "
                + "'http://127.0.0.1/cb', 'trips:read', ?, ?)", clientId, via, createdAt, lastUsedAt);
    }

    private void insertCode(String hash, long expiresAt) throws SQLException {
        update("INSERT INTO oauth_codes (code_hash, client_id, user_id, redirect_uri, scopes, resource_uri, code_challenge, "
                + "created_at, expires_at) VALUES (?, 'purge-fresh-dcr', 1, 'http://127.0.0.1/cb', 'trips:read', "
                + "'http://127.0.0.1/mcp', 'x', ?, ?)", hash, expiresAt - 60_000, expiresAt);
    }

    private void insertToken(String family, long refreshExpiresAt, Long revokedAt) throws SQLException {
        insertToken(family, refreshExpiresAt, revokedAt, "purge-fresh-dcr");
    }

    private void insertToken(String family, long refreshExpiresAt, Long revokedAt, String clientId) throws SQLException {
        update("INSERT INTO oauth_tokens (family_id, client_id, user_id, access_hash, refresh_hash, scopes, grant_scopes, "
                + "audience, created_at, access_expires_at, refresh_expires_at, revoked_at) VALUES (?, ?, 1, ?, ?, "
                + "'trips:read', 'trips:read', 'http://127.0.0.1/mcp', ?, ?, ?, ?)",
                family, clientId, family + "-a", family + "-r", refreshExpiresAt - 30 * 86_400_000L, refreshExpiresAt - 29 * 86_400_000L,
                refreshExpiresAt, revokedAt);
    }

    private void update(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
