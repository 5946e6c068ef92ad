package org.trek.platform.db;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/** The application's own pooled, JTA-enlisted data source; persistence.xml and Flyway use it. */
@DataSourceDefinition(
        name = DataSourceConfig.JNDI_NAME,
        className = "org.trek.platform.db.TrekDataSource",
        minPoolSize = 2,
        maxPoolSize = 32)
@Singleton
public class DataSourceConfig {
    public static final String JNDI_NAME = "java:app/jdbc/trek";
}
