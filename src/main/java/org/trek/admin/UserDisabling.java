package org.trek.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trek.account.UserService;
import org.trek.audit.Actor;
import org.trek.oauth.client.ClientService;
import org.trek.oauth.grant.GrantService;
import org.trek.tokens.StaticTokenService;

/**
 * Disable means disable: disabling a user ends their screen sign-ins, revokes every OAuth grant (access and refresh
 * tokens of every token family) and withdraws their consents, deletes their static {@code trek_} tokens, replaces
 * the secrets of their machine clients, and so ends their MCP sessions (bound to those credentials). Enabling them
 * again brings none of it back: they sign in, approve their apps and create tokens anew. One transaction; the
 * audit record {@code admin.user.disable} carries the numbers.
 */
@ApplicationScoped
@Transactional
public class UserDisabling {

    @Inject
    UserService users;

    @Inject
    GrantService grants;

    @Inject
    StaticTokenService tokens;

    @Inject
    ClientService clients;

    /** What disabling the user would cut, for the admin's confirmation. */
    public record Impact(int connectedApps, int grants, int staticTokens, long signIns) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Impact impact(long userId) {
        var apps = grants.connectedApps(userId);
        int live = apps.stream().mapToInt(a -> a.getGrants().size()).sum();
        return new Impact(apps.size(), live, tokens.list(userId).size(), users.signInCount(userId));
    }

    /** Disables the user and cuts all their access; answers what was cut. */
    public Impact disable(Actor actor, long userId) {
        Impact before = impact(userId);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("connected_apps", before.connectedApps());
        details.put("grants_revoked", before.grants());
        details.put("static_tokens_deleted", before.staticTokens());
        // Refused (self, last admin) before anything is revoked; everything below is in the same transaction, read
        // just before, so the audit record written first carries what is cut.
        users.setDisabled(actor, userId, true, details);
        int revoked = grants.revokeEverythingOf(userId);
        int deleted = tokens.deleteAllOf(userId);
        clients.invalidateMachineSecretsOf(userId);
        return new Impact(before.connectedApps(), revoked, deleted, before.signIns());
    }

    public void enable(Actor actor, long userId) {
        users.setDisabled(actor, userId, false);
    }
}
