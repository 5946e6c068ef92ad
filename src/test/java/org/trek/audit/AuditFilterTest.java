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
        assertEquals("action = user.login", c.get(0).column() + " " + c.get(0).operator() + " " + c.get(0).sqlValue());
        assertEquals("username", c.get(1).field());
        assertEquals("createdAt >= " + from, c.get(2).field() + " " + c.get(2).operator() + " " + c.get(2).value());
        assertEquals(from.toEpochMilli(), c.get(2).sqlValue(), "SQL compares epoch milliseconds");
        assertEquals("created_at < " + to.toEpochMilli(), c.get(3).column() + " " + c.get(3).operator() + " " + c.get(3).sqlValue());
    }
}
