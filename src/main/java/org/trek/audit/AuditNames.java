package org.trek.audit;

import java.util.Collection;
import java.util.Map;

/**
 * Names for the ids an audit record keeps, looked up when the log is read (page or CSV), one query per kind and
 * page or batch, never per row. The admin screens provide it (users and OAuth clients live in features the audit
 * package does not know).
 */
public interface AuditNames {

    /** Usernames of these user ids; unknown ids are absent. */
    Map<Long, String> usernames(Collection<Long> userIds);

    /** Names of these OAuth clients by client_id; unknown (deleted) clients are absent. */
    Map<String, String> clientNames(Collection<String> clientIds);

    /** Resolves nothing: rows show what they recorded. */
    AuditNames NONE = new AuditNames() {
        @Override
        public Map<Long, String> usernames(Collection<Long> userIds) {
            return Map.of();
        }

        @Override
        public Map<String, String> clientNames(Collection<String> clientIds) {
            return Map.of();
        }
    };
}
