package org.trek.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.trek.account.UserService;
import org.trek.audit.AuditNames;
import org.trek.oauth.client.ClientService;

/** The names the audit page and CSV show: users and OAuth clients, one query per kind and page or batch. */
@ApplicationScoped
public class AdminAuditNames implements AuditNames {

    @Inject
    UserService users;

    @Inject
    ClientService clients;

    @Override
    public Map<Long, String> usernames(Collection<Long> userIds) {
        return users.usernames(userIds);
    }

    @Override
    public Map<String, String> clientNames(Collection<String> clientIds) {
        Map<String, String> out = new HashMap<>();
        clients.findStored(clientIds).forEach((id, client) -> out.put(id, client.getName()));
        return out;
    }
}
