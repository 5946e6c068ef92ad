package org.trek.platform.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The vendor data source chosen by {@link DatabaseSettings}. Payara's connection pool (declared in
 * {@link DataSourceConfig}) wraps it, so the choice happens once per physical connection and the WAR
 * needs no server-side configuration.
 */
public class TrekDataSource implements DataSource {

    private final DatabaseSettings settings = DatabaseSettings.fromEnvironment();
    private final DataSource delegate = create(settings);

    private static DataSource create(DatabaseSettings settings) {
        try {
            if (settings.kind() == DatabaseSettings.Kind.MARIADB) {
                org.mariadb.jdbc.MariaDbDataSource ds = new org.mariadb.jdbc.MariaDbDataSource(settings.url());
                ds.setUser(settings.user());
                ds.setPassword(settings.password());
                return ds;
            }
            org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
            ds.setURL(settings.url());
            ds.setUser(settings.user());
            ds.setPassword(settings.password());
            return ds;
        } catch (SQLException e) {
            throw new IllegalStateException("Invalid database settings for " + settings.safeUrl(), e);
        }
    }

    /** A physical connection, which reports its statements to {@link StatementCounter} (and on H2 runs one INSERT at a time). */
    @Override
    public Connection getConnection() throws SQLException {
        return StatementCounter.watch(delegate.getConnection(), settings.kind() == DatabaseSettings.Kind.H2);
    }

    /** The pool may pass its own credentials; the environment's always win. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return Logger.getLogger("org.trek.platform.db");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate.isWrapperFor(iface);
    }
}
