package org.trek.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trek.platform.JsonFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.trek.platform.db.DataSourceConfig;
import org.trek.platform.db.DeferredWrites;
import org.trek.platform.Clock;

/**
 * The one audit API every feature calls. Each record is written in its own transaction, so the record of a
 * refused or failed operation survives the rollback of that operation.
 *
 * <p>{@link #recordLater} is for records made on the hot path of every MCP tool call: they queue in memory and are
 * written in one batch at least once a second ({@link org.trek.platform.db.DeferredWritesTimer}) and when the
 * application stops ({@link org.trek.platform.db.DeferredWritesAtStop}); a process that dies without stopping loses
 * at most the last second of them. Security events use {@link #record}.
 */
@ApplicationScoped
public class AuditService implements DeferredWrites {
    /** Above this many queued records the caller writes them itself (the timer cannot keep up). */
    static final int MAX_QUEUED = 20_000;
    private static final String INSERT = "INSERT INTO audit_log (created_at, user_id, username, action, target, details, ip) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final Logger LOG = Logger.getLogger("org.trek.audit");
    public static final int MAX_PAGE_SIZE = 200;

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    Clock clock;

    @Resource(lookup = DataSourceConfig.JNDI_NAME)
    DataSource dataSource;

    private final ConcurrentLinkedQueue<AuditRecord> queued = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queuedCount = new AtomicInteger();

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Actor actor, String action, String target, Map<String, ?> details) {
        em.persist(row(actor, action, target, details));
        LOG.fine(() -> "audit " + action + " by " + actor.username() + " on " + target);
    }

    /** As {@link #record}, written within a second in a batch (see the class comment). */
    public void recordLater(Actor actor, String action, String target, Map<String, ?> details) {
        queued.add(row(actor, action, target, details));
        if (queuedCount.incrementAndGet() > MAX_QUEUED) {
            flush();
        }
    }

    private AuditRecord row(Actor actor, String action, String target, Map<String, ?> details) {
        String json = details == null || details.isEmpty() ? null : toJson(details);
        if (json != null && json.length() > 4000) {
            json = JsonFactory.createObjectBuilder().add("truncated", true).build().toString();
        }
        return new AuditRecord(clock.now(), actor.userId(), truncate(actor.username(), 100), action,
                truncate(target, 255), json, truncate(actor.ip(), 64));
    }

    /** Writes the queued records in one batch (in order); on failure they are put back for the next beat. */
    @Override
    public synchronized void flush() {
        List<AuditRecord> batch = new ArrayList<>();
        AuditRecord r;
        while ((r = queued.poll()) != null) {
            queuedCount.decrementAndGet();
            batch.add(r);
        }
        if (batch.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (AuditRecord row : batch) {
                    ps.setLong(1, row.getCreatedAt().toEpochMilli());
                    if (row.getUserId() == null) {
                        ps.setNull(2, java.sql.Types.BIGINT);
                    } else {
                        ps.setLong(2, row.getUserId());
                    }
                    ps.setString(3, row.getUsername());
                    ps.setString(4, row.getAction());
                    ps.setString(5, row.getTarget());
                    ps.setString(6, row.getDetails());
                    ps.setString(7, row.getIp());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            if (queuedCount.get() < MAX_QUEUED) {
                batch.forEach(queued::add); // kept for the next beat (the order within a second may change)
                queuedCount.addAndGet(batch.size());
            }
            LOG.warning(() -> "could not write " + batch.size() + " audit records: " + e);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Actor actor, String action, String target) {
        record(actor, action, target, null);
    }

    /**
     * Filters for the admin page and the CSV export; every field is optional. A user matches by the name recorded in
     * the row or, when {@code userId} is given (the id of that username), by the id: rows written before the name was
     * recorded (MCP tool calls and refusals) are found too.
     */
    public record Filter(String action, String username, Long userId, Instant from, Instant to) {

        public Filter(String action, String username, Instant from, Instant to) {
            this(action, username, null, from, to);
        }

        /**
         * One condition of the filter, in JPQL and in SQL alike ({@code ?} stands for each value in turn), so the
         * page (JPQL) and the CSV export (SQL) always select the same rows.
         */
        record Condition(String jpql, String sql, List<Object> values) {
            List<Object> sqlValues() {
                return values.stream().map(v -> v instanceof Instant i ? (Object) i.toEpochMilli() : v).toList();
            }
        }

        List<Condition> conditions() {
            List<Condition> out = new ArrayList<>();
            if (action != null) {
                out.add(new Condition("a.action = ?", "action = ?", List.of(action)));
            }
            if (username != null && userId != null) {
                out.add(new Condition("(a.username = ? OR a.userId = ?)", "(username = ? OR user_id = ?)",
                        List.of(username, userId)));
            } else if (username != null) {
                out.add(new Condition("a.username = ?", "username = ?", List.of(username)));
            }
            if (from != null) {
                out.add(new Condition("a.createdAt >= ?", "created_at >= ?", List.of(from)));
            }
            if (to != null) {
                out.add(new Condition("a.createdAt < ?", "created_at < ?", List.of(to)));
            }
            return out;
        }
    }

    /** One page, newest first, plus whether there is another. (A class with getters: JSP EL 5 cannot read records.) */
    public static final class Page {
        private final List<AuditRecord> rows;
        private final int page;
        private final int size;
        private final boolean hasNext;

        Page(List<AuditRecord> rows, int page, int size, boolean hasNext) {
            this.rows = List.copyOf(rows);
            this.page = page;
            this.size = size;
            this.hasNext = hasNext;
        }

        public List<AuditRecord> getRows() {
            return rows;
        }

        public int getPage() {
            return page;
        }

        public int getSize() {
            return size;
        }

        public boolean isHasNext() {
            return hasNext;
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page search(Filter filter, int page, int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int pageNo = Math.max(0, page);
        TypedQuery<AuditRecord> q = query(filter, "SELECT a FROM AuditRecord a", " ORDER BY a.createdAt DESC, a.id DESC", AuditRecord.class);
        q.setFirstResult(pageNo * pageSize);
        q.setMaxResults(pageSize + 1);
        List<AuditRecord> rows = new ArrayList<>(q.getResultList());
        boolean hasNext = rows.size() > pageSize;
        if (hasNext) {
            rows.remove(rows.size() - 1);
        }
        return new Page(rows, pageNo, pageSize, hasNext);
    }

    /** The distinct action names present, for the filter drop-down. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> actions() {
        return em.createQuery("SELECT DISTINCT a.action FROM AuditRecord a ORDER BY a.action", String.class).getResultList();
    }

    <T> TypedQuery<T> query(Filter f, String select, String order, Class<T> type) {
        StringBuilder jpql = new StringBuilder(select).append(" WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        for (Filter.Condition c : f.conditions()) {
            String fragment = c.jpql();
            for (Object v : c.values()) {
                fragment = fragment.replaceFirst("\\?", ":p" + values.size());
                values.add(v);
            }
            jpql.append(" AND ").append(fragment);
        }
        TypedQuery<T> q = em.createQuery(jpql.append(order).toString(), type);
        for (int i = 0; i < values.size(); i++) {
            q.setParameter("p" + i, values.get(i));
        }
        return q;
    }

    static String toJson(Map<String, ?> details) {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder();
        details.forEach((k, v) -> {
            if (v == null) {
                b.addNull(k);
            } else if (v instanceof Boolean bool) {
                b.add(k, bool);
            } else if (v instanceof Integer || v instanceof Long) {
                b.add(k, ((Number) v).longValue());
            } else if (v instanceof Collection<?> c) {
                var arr = JsonFactory.createArrayBuilder();
                c.forEach(item -> arr.add(String.valueOf(item)));
                b.add(k, arr);
            } else {
                b.add(k, String.valueOf(v));
            }
        });
        return b.build().toString();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
