package org.trek.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditRowTest {

    /** Counts look-ups: one per kind for a whole page, never per row. */
    static final class CountingNames implements AuditNames {
        final List<Collection<?>> calls = new ArrayList<>();

        @Override
        public Map<Long, String> usernames(Collection<Long> userIds) {
            calls.add(userIds);
            return Map.of(7L, "alice");
        }

        @Override
        public Map<String, String> clientNames(Collection<String> clientIds) {
            calls.add(clientIds);
            return Map.of("c-1", "Claude Desktop");
        }
    }

    private static AuditRecord rec(long id, Long userId, String username, String details) {
        return AuditRecord.read(id, Instant.parse("2026-12-03T14:05:09.123Z"), userId, username, "mcp.tool_call",
                "list_trips", details, "127.0.0.1");
    }

    @Test
    void namesUsersAndClientsWithOneLookupPerKind() {
        CountingNames names = new CountingNames();
        List<AuditRow> rows = AuditRow.of(List.of(
                rec(1, 7L, null, "{\"clientId\":\"c-1\",\"outcome\":\"ok\"}"),
                rec(2, 7L, null, "{\"clientId\":\"c-1\",\"outcome\":\"failed\"}"),
                rec(3, 7L, "alice", "{\"clientId\":\"static token\",\"outcome\":\"ok\"}"),
                rec(4, 7L, null, "{\"clientId\":\"native\",\"outcome\":\"ok\"}"),
                rec(5, null, null, "{\"status\":401,\"reason\":\"no token\",\"sampled\":true}")), names);
        assertEquals(2, names.calls.size(), "one query for users, one for clients");
        assertEquals("alice", rows.get(0).getUsername());
        assertEquals("Claude Desktop", rows.get(0).getClient());
        assertEquals("static token", rows.get(2).getClient());
        assertEquals("static token", rows.get(3).getClient(), "records from before the rename said native");
        assertNull(rows.get(4).getUsername(), "an unauthenticated refusal has nobody to name");
        assertNull(rows.get(4).getClient());
    }

    @Test
    void detailsAreKeyValueLinesAndTimesOneFormat() {
        AuditRow row = AuditRow.of(List.of(rec(1, null, null,
                "{\"status\":403,\"reason\":\"<b>no</b>\",\"scopes\":[\"trips:read\",\"trips:write\"],\"sampled\":true}")),
                AuditNames.NONE).get(0);
        assertEquals(List.of("status: 403", "reason: <b>no</b>", "scopes: trips:read, trips:write", "sampled: yes"),
                row.getDetails());
        assertEquals("status: 403; reason: <b>no</b>; scopes: trips:read, trips:write; sampled: yes", row.getDetailsText());
        assertEquals("2026-12-03 14:05:09", row.getTime());
        assertEquals("2026-12-03 14:05:09", AuditCsvExport.line(row).split(",")[1], "the CSV writes the page's time");
    }

    @Test
    void textThatIsNotJsonIsShownAsItIs() {
        AuditRow row = AuditRow.of(List.of(rec(1, null, null, "not json")), AuditNames.NONE).get(0);
        assertEquals(List.of("not json"), row.getDetails());
    }
}
