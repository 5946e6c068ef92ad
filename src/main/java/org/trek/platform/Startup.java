package org.trek.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.trek.platform.db.DataSourceConfig;
import org.trek.platform.db.DatabaseSettings;
import org.trek.platform.db.Migrations;

/**
 * Start-up order: migrate the schema, then let features seed what they need ({@link DatabaseReady} observers:
 * first admin, forced addons...). /health answers 503 until this has finished.
 */
@Singleton
@jakarta.ejb.Startup
public class Startup {
    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    /** Fired once the schema is current; observers run in order of their @Priority. */
    public record DatabaseReady() {
    }

    @Resource(lookup = DataSourceConfig.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private Event<DatabaseReady> databaseReady;

    @Inject
    private HealthState health;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        DatabaseSettings settings = DatabaseSettings.fromEnvironment();
        LOG.info(() -> "Database: " + settings.kind() + " at " + settings.safeUrl());
        try {
            Migrations.migrate(dataSource);
            databaseReady.fire(new DatabaseReady());
            health.markReady();
        } catch (RuntimeException e) {
            // Keep the server up so /health can say what is wrong (503), rather than failing the deployment silently.
            LOG.log(Level.SEVERE, "Start-up failed: the database could not be migrated or seeded", e);
            health.markFailed(e.getClass().getSimpleName());
        }
    }
}
