package org.trek.admin;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trek.account.CurrentUser;
import org.trek.account.Role;
import org.trek.account.User;
import org.trek.account.UserService;
import org.trek.audit.Actor;
import org.trek.audit.AuditService;
import org.trek.oauth.OAuthPurge;
import org.trek.oauth.client.ClientException;
import org.trek.oauth.client.ClientService;
import org.trek.oauth.client.OAuthClient;
import org.trek.oauth.grant.GrantService;
import org.trek.oauth.grant.GrantView;
import org.trek.platform.AppConfig;
import org.trek.platform.web.Views;
import org.trek.tokens.StaticToken;
import org.trek.tokens.StaticTokenService;
import org.trek.platform.addons.AddonService;
import org.trek.platform.addons.AddonId;

/**
 * Admin → MCP access: every live OAuth grant, every client (self-registered and metadata-document ones too) and every
 * static token, each with a confirmed, audited revoke/delete (the services write the audit entries), and the OAuth
 * clean-up that otherwise runs every 15 minutes.
 */
@WebServlet("/admin/mcp")
@ServletSecurity(@HttpConstraint(rolesAllowed = Role.ADMIN_GROUP))
public class AdminMcpServlet extends HttpServlet {
    static final int BADGES_SHOWN = 6;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final String PATH = "/admin/mcp";

    @Inject
    GrantService grants;

    @Inject
    ClientService clients;

    @Inject
    StaticTokenService tokens;

    @Inject
    UserService users;

    @Inject
    AddonService addons;

    @Inject
    OAuthPurge purge;

    @Inject
    AuditService audit;

    @Inject
    AppConfig config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Map<Long, String> names = new HashMap<>();
        List<Map<String, Object>> grantRows = grants.grants(null).stream().map(this::grantView).toList();
        List<Map<String, Object>> clientRows = clients.listAll().stream().map(c -> clientView(c, names)).toList();
        List<Map<String, Object>> tokenRows = tokens.listAll().stream().map(t -> tokenView(t, names)).toList();
        request.setAttribute("grants", grantRows);
        request.setAttribute("clients", clientRows);
        request.setAttribute("tokens", tokenRows);
        request.setAttribute("confirmGrant", pick(grantRows, request.getParameter("confirmGrant")));
        request.setAttribute("confirmClient", pick(clientRows, request.getParameter("confirmClient")));
        request.setAttribute("confirmToken", pick(tokenRows, request.getParameter("confirmToken")));
        request.setAttribute("mcpEnabled", addons.isEnabled(AddonId.MCP));
        request.setAttribute("adminTab", "mcp");
        Views.render(request, response, "admin/mcp");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Actor actor = CurrentUser.actor(request, config.trustedProxies());
        String id = request.getParameter("id");
        switch (String.valueOf(request.getParameter("action"))) {
            case "revoke-grant" -> {
                boolean done = id != null && grants.adminRevokeGrant(actor, id);
                Views.redirectWithMessage(request, response, PATH,
                        done ? "Grant revoked; its MCP sessions are closed." : "No such grant.", !done);
            }
            case "delete-client" -> {
                try {
                    clients.adminDelete(actor, parse(id));
                    Views.redirectWithMessage(request, response, PATH,
                            "Client deleted with its consents and sessions.", false);
                } catch (ClientException e) {
                    Views.redirectWithMessage(request, response, PATH, e.getMessage(), true);
                }
            }
            case "delete-token" -> {
                boolean done = tokens.adminDelete(actor, parse(id));
                Views.redirectWithMessage(request, response, PATH,
                        done ? "Token deleted; its MCP sessions are closed." : "No such token.", !done);
            }
            case "purge" -> {
                OAuthPurge.Result r = purge.run();
                audit.record(actor, "admin.oauth.purge", "oauth", Map.of("codes", r.codes(), "tokens", r.tokens(),
                        "clients", r.clients()));
                Views.redirectWithMessage(request, response, PATH, "Clean-up done: " + r.codes() + " expired codes, "
                        + r.tokens() + " expired or revoked tokens and " + r.clients() + " unused self-registered clients removed.", false);
            }
            default -> Views.error(request, response, 400, "Unknown action.");
        }
    }

    private Map<String, Object> grantView(GrantView g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", g.getGrantId());
        m.put("client", g.getClientName());
        m.put("selfRegistered", g.isSelfRegistered());
        m.put("owner", g.getUsername());
        m.put("badges", g.getScopes().subList(0, Math.min(BADGES_SHOWN, g.getScopes().size())));
        m.put("scopes", g.getScopes());
        m.put("moreScopes", Math.max(0, g.getScopes().size() - BADGES_SHOWN));
        m.put("created", format(g.getCreatedAt()));
        m.put("lastUsed", format(g.getLastUsedAt()));
        return m;
    }

    private Map<String, Object> clientView(OAuthClient c, Map<Long, String> names) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(c.getId()));
        m.put("name", c.getName());
        m.put("clientId", c.getClientId());
        m.put("origin", switch (c.getOrigin()) {
            case SETTINGS -> "settings";
            case DCR -> "self-registered";
            case METADATA -> "metadata document";
        });
        m.put("owner", c.getOwnerId() == null ? null : username(c.getOwnerId(), names));
        m.put("redirectHosts", String.join(", ", c.getRedirectHosts()));
        m.put("created", format(c.getCreatedAt()));
        m.put("lastUsed", format(c.getLastUsedAt()));
        return m;
    }

    private Map<String, Object> tokenView(StaticToken t, Map<Long, String> names) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(t.getId()));
        m.put("name", t.getName());
        m.put("prefix", t.getTokenPrefix());
        m.put("owner", username(t.getUserId(), names));
        m.put("created", format(t.getCreatedAt()));
        m.put("lastUsed", format(t.getLastUsedAt()));
        return m;
    }

    private String username(long userId, Map<Long, String> names) {
        return names.computeIfAbsent(userId, id -> users.find(id).map(User::getUsername).orElse("#" + id));
    }

    private static Map<String, Object> pick(List<Map<String, Object>> rows, String id) {
        return id == null ? null : rows.stream().filter(r -> id.equals(r.get("id"))).findFirst().orElse(null);
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException | NullPointerException e) {
            return -1;
        }
    }

    private static String format(Instant instant) {
        return instant == null ? "never" : WHEN.format(instant);
    }
}
