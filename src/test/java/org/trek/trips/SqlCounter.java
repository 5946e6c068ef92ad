package org.trek.trips;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Test-only bean: counts the SQL statements EclipseLink sends while a piece of code runs, by swapping the
 * server session's log for one that counts entries of the "sql" category (EclipseLink logs every statement
 * it executes there at FINE). Reflection only: EclipseLink is not on the test compile path.
 */
@ApplicationScoped
public class SqlCounter {

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    public record Counted<T>(T value, int statements) {
    }

    public synchronized <T> Counted<T> count(Supplier<T> work) {
        try {
            Class<?> jpaEm = Class.forName("org.eclipse.persistence.jpa.JpaEntityManager", true, em.getClass().getClassLoader());
            Object unwrapped = em.unwrap(jpaEm);
            Object server = jpaEm.getMethod("getServerSession").invoke(unwrapped);
            Class<?> sessionLogType = Class.forName("org.eclipse.persistence.logging.SessionLog", true, server.getClass().getClassLoader());
            Object original = server.getClass().getMethod("getSessionLog").invoke(server);
            AtomicInteger counter = new AtomicInteger();
            Object[] self = new Object[1];
            Object proxy = Proxy.newProxyInstance(sessionLogType.getClassLoader(), new Class<?>[] {sessionLogType}, (p, m, args) -> {
                String name = m.getName();
                if (name.equals("shouldLog") && args != null && args.length == 2 && "sql".equals(args[1])) {
                    return true;
                }
                if (name.equals("log") && args != null && args.length == 1 && args[0] != null
                        && args[0].getClass().getName().endsWith("SessionLogEntry")) {
                    Object ns = args[0].getClass().getMethod("getNameSpace").invoke(args[0]);
                    if ("sql".equals(ns)) {
                        counter.incrementAndGet();
                        return null;
                    }
                }
                if (name.equals("clone")) {
                    return self[0];
                }
                try {
                    return m.invoke(original, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
            self[0] = proxy;
            java.lang.reflect.Method setLog = server.getClass().getMethod("setSessionLog", sessionLogType);
            setLog.invoke(server, proxy);
            try {
                T value = work.get();
                return new Counted<>(value, counter.get());
            } finally {
                setLog.invoke(server, original);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot hook EclipseLink's session log", e);
        }
    }
}
