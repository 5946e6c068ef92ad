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
import java.util.logging.Logger;
import org.trek.platform.Clock;

/**
 * The one audit API every feature calls. Each record is written in its own transaction, so the record of a
 * refused or failed operation survives the rollback of that operation.
 */
@ApplicationScoped
public class AuditService {
    private static final Logger LOG = Logger.getLogger("org.trek.audit");
    public static final int MAX_PAGE_SIZE = 200;

    @PersistenceContext(unitName = "trek")
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Actor actor, String action, String target, Map<String, ?> details) {
        String json = details == null || details.isEmpty() ? null : toJson(details);
        if (json != null && json.length() > 4000) {
            json = JsonFactory.createObjectBuilder().add("truncated", true).build().toString();
        }
        em.persist(new AuditRecord(clock.now(), actor.userId(), truncate(actor.username(), 100), action,
                truncate(target, 255), json, truncate(actor.ip(), 64)));
        LOG.fine(() -> "audit " + action + " by " + actor.username() + " on " + target);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Actor actor, String action, String target) {
        record(actor, action, target, null);
    }

    /** Filters for the admin page and the CSV export; every field is optional. */
    public record Filter(String action, String username, Instant from, Instant to) {

        /** One condition of the filter, named for JPQL (field) and SQL (column). */
        record Condition(String field, String column, String operator, Object value) {
            Object sqlValue() {
                return value instanceof Instant i ? i.toEpochMilli() : value;
            }
        }

        /** The filter as conditions, so the page (JPQL) and the CSV export (SQL) always select the same rows. */
        List<Condition> conditions() {
            List<Condition> out = new ArrayList<>();
            if (action != null) {
                out.add(new Condition("action", "action", "=", action));
            }
            if (username != null) {
                out.add(new Condition("username", "username", "=", username));
            }
            if (from != null) {
                out.add(new Condition("createdAt", "created_at", ">=", from));
            }
            if (to != null) {
                out.add(new Condition("createdAt", "created_at", "<", to));
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
        List<Filter.Condition> conditions = f.conditions();
        StringBuilder jpql = new StringBuilder(select).append(" WHERE 1 = 1");
        for (int i = 0; i < conditions.size(); i++) {
            Filter.Condition c = conditions.get(i);
            jpql.append(" AND a.").append(c.field()).append(' ').append(c.operator()).append(" :p").append(i);
        }
        TypedQuery<T> q = em.createQuery(jpql.append(order).toString(), type);
        for (int i = 0; i < conditions.size(); i++) {
            q.setParameter("p" + i, conditions.get(i).value());
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
