package org.trek.oauth.grant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trek.account.User;
import org.trek.account.UserService;
import org.trek.audit.Actor;
import org.trek.audit.AuditService;
import org.trek.oauth.authorize.Consent;
import org.trek.oauth.authorize.ConsentService;
import org.trek.oauth.client.ClientService;
import org.trek.oauth.client.OAuthClient;
import org.trek.oauth.token.OAuthToken;
import org.trek.oauth.token.TokenFamilies;

/**
 * What the Settings "Connected apps" list and the admin "MCP access" screen need: connected applications with
 * their consent, live grants and last use; withdrawing a consent (revokes its grants too); revoking one grant.
 */
@ApplicationScoped
@Transactional
public class GrantService {

    @Inject
    TokenFamilies families;

    @Inject
    ConsentService consents;

    @Inject
    ClientService clients;

    @Inject
    UserService users;

    @Inject
    AuditService audit;

    /** The user's connected apps: every client with a consent or a live grant, most recently used first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ConnectedApp> connectedApps(long userId) {
        Map<String, List<GrantView>> grantsByClient = new LinkedHashMap<>();
        for (GrantView g : grants(userId)) {
            grantsByClient.computeIfAbsent(g.getClientId(), k -> new ArrayList<>()).add(g);
        }
        Map<String, Consent> consentByClient = new LinkedHashMap<>();
        consents.listForUser(userId).forEach(c -> consentByClient.put(c.getClientId(), c));
        List<String> clientIds = new ArrayList<>(consentByClient.keySet());
        grantsByClient.keySet().stream().filter(id -> !clientIds.contains(id)).forEach(clientIds::add);
        Map<String, OAuthClient> clientsById = clients.findStored(clientIds);
        List<ConnectedApp> apps = new ArrayList<>();
        for (String clientId : clientIds) {
            Optional<OAuthClient> client = Optional.ofNullable(clientsById.get(clientId));
            List<GrantView> grants = grantsByClient.getOrDefault(clientId, List.of());
            Consent consent = consentByClient.get(clientId);
            Instant lastUsed = grants.stream().map(GrantView::getLastUsedAt).filter(java.util.Objects::nonNull)
                    .max(Instant::compareTo).orElse(null);
            apps.add(new ConnectedApp(clientId, client.map(OAuthClient::getName).orElse(clientId),
                    client.map(OAuthClient::isSelfRegistered).orElse(true),
                    consent == null ? List.of() : consent.getScopeList(),
                    consent == null ? null : consent.getUpdatedAt(), grants, lastUsed));
        }
        apps.sort((a, b) -> {
            Instant x = a.getLastUsedAt() == null ? Instant.EPOCH : a.getLastUsedAt();
            Instant y = b.getLastUsedAt() == null ? Instant.EPOCH : b.getLastUsedAt();
            return y.compareTo(x);
        });
        return apps;
    }

    /**
     * Live grants of one user, or of everyone when userId is null (admin). A fixed number of queries whatever the
     * number of grants: the grants, then their clients, owners and last use in one batch each.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<GrantView> grants(Long userId) {
        List<OAuthToken> live = families.liveGrants(userId);
        Map<String, OAuthClient> clientsById = clients.findStored(live.stream().map(OAuthToken::getClientId).toList());
        Map<Long, String> names = users.usernames(live.stream().map(OAuthToken::getUserId).toList());
        Map<String, Instant> lastUsed = families.lastUsed(live.stream().map(OAuthToken::getFamilyId).toList());
        List<GrantView> out = new ArrayList<>();
        for (OAuthToken t : live) {
            Optional<OAuthClient> client = Optional.ofNullable(clientsById.get(t.getClientId()));
            out.add(new GrantView(t.getFamilyId(), t.getUserId(), names.getOrDefault(t.getUserId(), ""), t.getClientId(),
                    client.map(OAuthClient::getName).orElse(t.getClientId()), client.map(OAuthClient::isSelfRegistered).orElse(true),
                    List.copyOf(t.scopeSet()), t.getCreatedAt(), lastUsed.get(t.getFamilyId()), t.getRefreshExpiresAt()));
        }
        return out;
    }

    /** Withdraws the user's consent and grants for a client; false (nothing done, nothing audited) if there were none. */
    public boolean revokeConsent(Actor actor, long userId, String clientId) {
        boolean consented = consents.withdraw(userId, clientId);
        int grants = families.revokeUserClient(userId, clientId, "consent_withdrawn");
        if (!consented && grants == 0) {
            return false;
        }
        audit.record(actor, "oauth.consent.revoke", clientId, Map.of("client_id", clientId));
        return true;
    }

    /**
     * The user is disabled: every grant (token family: access and refresh tokens) of every client is revoked and every
     * consent withdrawn, so nothing comes back when the user is enabled again (each app must be approved anew).
     * Answers how many grants were live. Not audited here: the disabling's audit record carries the numbers.
     */
    public int revokeEverythingOf(long userId) {
        int grants = families.revokeUser(userId, "user_disabled");
        consents.listForUser(userId).forEach(c -> consents.withdraw(userId, c.getClientId()));
        return grants;
    }

    /**
     * An admin revokes any grant. The owner's consent for that client is withdrawn too, so the client cannot come
     * back silently with a new authorization request: the owner is asked again. (Other grants of the same client
     * stay; the admin revokes each one.)
     */
    public boolean adminRevokeGrant(Actor actor, String grantId) {
        Optional<OAuthToken> row = grantId == null ? Optional.empty() : families.anyOfFamily(grantId);
        boolean revoked = families.revokeFamily(grantId, "revoked_by_admin");
        if (revoked) {
            row.ifPresent(t -> consents.withdraw(t.getUserId(), t.getClientId()));
            // whose grant and which client: the audit log must tell without the (now dead) token rows
            Map<String, Object> details = new LinkedHashMap<>();
            row.ifPresent(t -> {
                details.put("owner_id", t.getUserId());
                details.put("owner", users.find(t.getUserId()).map(User::getUsername).orElse(""));
                details.put("client_id", t.getClientId());
            });
            audit.record(actor, "admin.oauth_session.revoke", grantId, details);
        }
        return revoked;
    }
}
