package org.trek.platform.db;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Writes what every {@link DeferredWrites} bean still holds when the application stops (SIGTERM, undeploy). It runs
 * when the web module stops, while the data source still serves connections: a bean's own {@code @PreDestroy} comes
 * after Payara has already closed the pool of the application's data source, and its writes failed.
 */
@WebListener
public class DeferredWritesAtStop implements ServletContextListener {

    @Inject
    @Any
    Instance<DeferredWrites> writers;

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        for (DeferredWrites w : writers) {
            w.flush();
        }
    }
}
