package org.trek.platform.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Counts the SQL statements the current thread sends while a piece of code runs, JPA and plain JDBC alike: every
 * physical connection of {@link TrekDataSource} reports the statements executed through it to the thread that
 * executes them. Nothing is recorded unless {@link #count} is running on that thread (a thread-local check per
 * statement). The regression guards of the request path use it: a read-only tool call must write nothing, and its
 * statements must not grow with the data.
 *
 * <p>The same watch serializes INSERT statements on H2 ({@link #watch(Connection, boolean)}): H2 2.2.224 (the one
 * Payara Micro ships) in LEGACY mode moves an identity column's sequence after every insert without a lock, so
 * concurrent inserts into one table were given the same key and failed ("Unique index or primary key violation"; 106
 * of 160,000 two-row transactions on 8 threads in a stand-alone test, 0 with the statements serialized or in H2
 * 2.3.232). Only the statement is serialized, not its transaction.
 */
public final class StatementCounter {
    private static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();
    private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");

    /** What ran: the statements in order (batches count once per batch). */
    public record Counted<T>(T value, List<String> statements) {
        public int total() {
            return statements.size();
        }

        /** INSERT, UPDATE, DELETE, MERGE and the like: anything that is not a SELECT. */
        public List<String> writes() {
            return statements.stream().filter(s -> !s.stripLeading().toUpperCase(Locale.ROOT).startsWith("SELECT")
                    && !s.stripLeading().toUpperCase(Locale.ROOT).startsWith("VALUES")).toList();
        }
    }

    private StatementCounter() {
    }

    /** Runs {@code work} on this thread and answers what it executed. Not nested. */
    public static <T> Counted<T> count(Supplier<T> work) {
        List<String> seen = new ArrayList<>();
        List<String> outer = CURRENT.get();
        CURRENT.set(seen);
        try {
            T value = work.get();
            return new Counted<>(value, List.copyOf(seen));
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    private static void executed(String sql) {
        List<String> seen = CURRENT.get();
        if (seen != null) {
            seen.add(sql == null ? "?" : sql);
        }
    }

    /** Held while an INSERT executes on H2 (see the class comment). */
    private static final Object H2_INSERTS = new Object();

    /** The connection, reporting what its statements execute; with {@code serializeInserts}, one INSERT at a time. */
    static Connection watch(Connection connection, boolean serializeInserts) {
        return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Watch(connection, null, serializeInserts));
    }

    static boolean isInsert(String sql) {
        return sql != null && sql.stripLeading().regionMatches(true, 0, "INSERT", 0, 6);
    }

    private static final class Watch implements InvocationHandler {
        private final Object target;
        /** The SQL of a prepared statement, or null for a connection or plain statement. */
        private final String sql;
        private final boolean serializeInserts;

        Watch(Object target, String sql, boolean serializeInserts) {
            this.target = target;
            this.sql = sql;
            this.serializeInserts = serializeInserts;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (method.getDeclaringClass() == Object.class) {
                // identity of the proxy itself: pools keep connections in sets and compare them
                switch (name) {
                    case "equals":
                        return proxy == args[0];
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    default:
                        return method.invoke(target, args);
                }
            }
            if (EXECUTE.contains(name)) {
                String executing = args != null && args.length > 0 && args[0] instanceof String s ? s : sql;
                executed(executing);
                // a plain statement's batch (executing == null) may hold inserts too
                if (serializeInserts && (isInsert(executing) || executing == null && name.contains("Batch"))) {
                    synchronized (H2_INSERTS) {
                        return call(method, args);
                    }
                }
            }
            Object result = call(method, args);
            if (target instanceof Connection) {
                if (result instanceof CallableStatement cs && name.equals("prepareCall")) {
                    return proxy(CallableStatement.class, cs, (String) args[0]);
                }
                if (result instanceof PreparedStatement ps && name.equals("prepareStatement")) {
                    return proxy(PreparedStatement.class, ps, (String) args[0]);
                }
                if (result instanceof Statement st && name.equals("createStatement")) {
                    return proxy(Statement.class, st, null);
                }
            }
            return result;
        }

        private Object call(Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private Object proxy(Class<?> type, Object statement, String statementSql) {
            return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type},
                    new Watch(statement, statementSql, serializeInserts));
        }
    }
}
