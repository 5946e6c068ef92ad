package org.trek.oauth.grant;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.trek.account.CurrentUser;
import org.trek.account.Role;
import org.trek.admin.AddonService;
import org.trek.audit.Actor;
import org.trek.oauth.OAuthSettings;
import org.trek.oauth.client.ClientException;
import org.trek.oauth.client.ClientService;
import org.trek.oauth.scope.Scope;
import org.trek.oauth.scope.ScopeCatalog;
import org.trek.oauth.scope.ScopeGroup;
import org.trek.platform.AppConfig;
import org.trek.platform.web.Views;

/**
 * Settings → OAuth: the signed-in user's own clients (create, rotate secret, delete) and connected apps (withdraw
 * consent, revoke a grant). A plain, functional page over {@link ClientService} and {@link GrantService}; the
 * Settings → Integrations screen can replace its view.
 */
@WebServlet("/settings/oauth")
@ServletSecurity(@HttpConstraint(rolesAllowed = Role.USER_GROUP))
public class OAuthSettingsServlet extends HttpServlet {

    @Inject
    ClientService clients;

    @Inject
    GrantService grants;

    @Inject
    AddonService addons;

    @Inject
    OAuthSettings settings;

    @Inject
    AppConfig config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        show(request, response, null, null, 200);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (!addons.isEnabled(AddonService.MCP)) {
            Views.error(request, response, 404, "MCP access is not enabled on this server.");
            return;
        }
        long userId = CurrentUser.id(request);
        Actor actor = CurrentUser.actor(request, config.trustedProxies());
        String action = String.valueOf(request.getParameter("action"));
        try {
            switch (action) {
                case "create" -> {
                    List<String> uris = request.getParameter("redirect_uris") == null ? List.of()
                            : Arrays.asList(request.getParameter("redirect_uris").split("\\r?\\n"));
                    String[] scopes = request.getParameterValues("scope");
                    ClientService.CreatedClient created = clients.createFromSettings(actor, userId, request.getParameter("name"),
                            uris, scopes == null ? List.of() : Arrays.asList(scopes), !"public".equals(request.getParameter("type")));
                    request.setAttribute("createdClientId", created.client().getClientId());
                    show(request, response, "Client created. Copy the secret now: it is not shown again.", created.clientSecret(), 200);
                }
                case "rotate" -> {
                    String secret = clients.rotateSecret(actor, userId, Long.parseLong(request.getParameter("id")));
                    show(request, response, "New secret generated; every existing token of this client was revoked.", secret, 200);
                }
                case "delete" -> {
                    clients.delete(actor, userId, Long.parseLong(request.getParameter("id")));
                    Views.redirectWithMessage(request, response, "/settings/oauth", "Client deleted.", false);
                }
                case "revoke-consent" -> {
                    grants.revokeConsent(actor, userId, request.getParameter("client_id"));
                    Views.redirectWithMessage(request, response, "/settings/oauth", "Access withdrawn.", false);
                }
                case "revoke-grant" -> {
                    boolean ok = grants.revokeOwnGrant(actor, userId, request.getParameter("grant_id"));
                    Views.redirectWithMessage(request, response, "/settings/oauth", ok ? "Session revoked." : "Session not found.", !ok);
                }
                default -> Views.redirectWithMessage(request, response, "/settings/oauth", "Unknown action.", true);
            }
        } catch (ClientException e) {
            show(request, response, e.getMessage(), null, 400);
        } catch (NumberFormatException e) {
            show(request, response, "Client not found", null, 400);
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, String message, String secret, int status)
            throws ServletException, IOException {
        if (!addons.isEnabled(AddonService.MCP)) {
            Views.error(request, response, 404, "MCP access is not enabled on this server.");
            return;
        }
        long userId = CurrentUser.id(request);
        response.setStatus(status);
        request.setAttribute("message", message);
        request.setAttribute("messageError", status >= 400);
        request.setAttribute("newSecret", secret);
        request.setAttribute("mcpEndpoint", settings.resource());
        request.setAttribute("clients", clients.listOwned(userId));
        request.setAttribute("apps", grants.connectedApps(userId));
        request.setAttribute("scopeGroups", scopeGroups());
        Views.render(request, response, "oauth/settings");
    }

    static List<Map<String, Object>> scopeGroups() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ScopeGroup g : ScopeCatalog.groups()) {
            List<Map<String, String>> scopes = new ArrayList<>();
            for (Scope s : g.scopes()) {
                scopes.add(Map.of("name", s.name(), "label", s.label()));
            }
            out.add(Map.of("label", g.label(), "scopes", scopes));
        }
        return out;
    }
}
