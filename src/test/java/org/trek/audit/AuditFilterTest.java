package org.trek.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditFilterTest {

    @Test
    void anEmptyFilterHasNoConditions() {
        assertTrue(new AuditService.Filter(null, null, null, null).conditions().isEmpty());
    }

    @Test
    void everyFieldBecomesOneConditionForJpqlAndSqlAlike() {
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant to = Instant.parse("2026-02-01T00:00:00Z");
        List<AuditService.Filter.Condition> c = new AuditService.Filter("user.login", "alice", from, to).conditions();
        assertEquals(4, c.size());
        assertEquals("action = ?", c.get(0).sql());
        assertEquals(List.of("user.login"), c.get(0).sqlValues());
        assertEquals("a.username = ?", c.get(1).jpql());
        assertEquals("a.createdAt >= ?", c.get(2).jpql());
        assertEquals(List.of(from), c.get(2).values());
        assertEquals(List.of(from.toEpochMilli()), c.get(2).sqlValues(), "SQL compares epoch milliseconds");
        assertEquals("created_at < ?", c.get(3).sql());
        assertEquals(List.of(to.toEpochMilli()), c.get(3).sqlValues());
    }

    @Test
    void aUserMatchesByRecordedNameOrById() {
        List<AuditService.Filter.Condition> c = new AuditService.Filter(null, "alice", 7L, null, null).conditions();
        assertEquals(1, c.size());
        assertEquals("(a.username = ? OR a.userId = ?)", c.get(0).jpql());
        assertEquals("(username = ? OR user_id = ?)", c.get(0).sql());
        assertEquals(List.of("alice", 7L), c.get(0).sqlValues());
    }
}
