package org.trek.integrations;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trek.account.CurrentUser;
import org.trek.account.Role;
import org.trek.platform.addons.AddonService;
import org.trek.audit.Actor;
import org.trek.oauth.client.ClientException;
import org.trek.oauth.client.ClientService;
import org.trek.oauth.client.OAuthClient;
import org.trek.oauth.grant.ConnectedApp;
import org.trek.oauth.grant.GrantService;
import org.trek.platform.auth.ScopeCatalog;
import org.trek.platform.AppConfig;
import org.trek.platform.web.Views;
import org.trek.platform.addons.AddonId;

/**
 * Settings → Integrations → MCP: the endpoint URL, OAuth clients (create from a preset, secret shown once, rotate,
 * delete, configuration snippet) and connected apps (revoke). API tokens live at /settings/tokens under the same
 * tabs. Every rule is in ClientService / GrantService; this servlet only parses, calls and renders.
 */
@WebServlet("/settings/mcp")
@ServletSecurity(@HttpConstraint(rolesAllowed = Role.USER_GROUP))
public class McpSettingsServlet extends HttpServlet {
    static final int BADGES_SHOWN = 5;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final String PATH = "/settings/mcp";

    @Inject
    ClientService clients;

    @Inject
    GrantService grants;

    @Inject
    AddonService addons;

    @Inject
    AppConfig config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        long userId = CurrentUser.id(request);
        if ("apps".equals(request.getParameter("tab"))) {
            renderApps(request, response, userId);
            return;
        }
        ClientPreset preset = ClientPreset.byId(request.getParameter("preset")).orElse(null);
        if (preset != null) {
            request.setAttribute("formName", preset.getClientName());
            request.setAttribute("formRedirectUris", String.join("\n", preset.getRedirectUris()));
            request.setAttribute("formPreset", preset.getId());
        }
        request.setAttribute("confirmRotate", request.getParameter("confirmRotate"));
        request.setAttribute("confirmDelete", request.getParameter("confirmDelete"));
        renderClients(request, response, userId, preset == null ? ScopeCatalog.allButDelete() : preset.scopes());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        long userId = CurrentUser.id(request);
        Actor actor = CurrentUser.actor(request, config.trustedProxies());
        String action = String.valueOf(request.getParameter("action"));
        switch (action) {
            case "create" -> create(request, response, actor, userId);
            case "rotate" -> rotate(request, response, actor, userId);
            case "delete" -> {
                try {
                    clients.delete(actor, userId, id(request));
                    Views.redirectWithMessage(request, response, PATH,
                            "OAuth client deleted, with every session and consent of it.", false);
                } catch (ClientException e) {
                    Views.redirectWithMessage(request, response, PATH, e.getMessage(), true);
                }
            }
            case "revoke-app" -> {
                String clientId = request.getParameter("clientId");
                if (clientId == null || clientId.isBlank()) {
                    Views.redirectWithMessage(request, response, PATH + "?tab=apps", "No such app.", true);
                    return;
                }
                if (!grants.revokeConsent(actor, userId, clientId)) {
                    Views.redirectWithMessage(request, response, PATH + "?tab=apps", "No such app.", true);
                    return;
                }
                Views.redirectWithMessage(request, response, PATH + "?tab=apps",
                        "Access revoked. The app's sessions are closed; it has to ask again to connect.", false);
            }
            default -> Views.error(request, response, 400, "Unknown action.");
        }
    }

    private void create(HttpServletRequest request, HttpServletResponse response, Actor actor, long userId)
            throws ServletException, IOException {
        String name = request.getParameter("name");
        String uris = request.getParameter("redirectUris");
        List<String> scopes = ScopePicker.selected(request.getParameterValues("scope"),
                request.getParameterValues("group"), request.getParameter("allScopes") != null);
        boolean confidential = !"public".equals(request.getParameter("clientType"));
        boolean machine = request.getParameter("machine") != null;
        try {
            ClientService.CreatedClient created = clients.createFromSettings(actor, userId, name,
                    uris == null ? List.of() : Arrays.asList(uris.split("\\R")), scopes, confidential, machine);
            OAuthClient c = created.client();
            request.setAttribute("secretFor", clientView(c));
            request.setAttribute("newSecret", created.clientSecret());
            request.setAttribute("newSnippet", ConfigSnippets.forClient(mcpUrl(), c.getClientId(),
                    created.clientSecret(), c.isPublicClient(), c.getRedirectUriList(), c.isMachineClient()));
            request.setAttribute("secretReason", "created");
            response.setHeader("Cache-Control", "no-store"); // the page carries a secret
            renderClients(request, response, userId, ScopeCatalog.allButDelete());
        } catch (ClientException e) {
            response.setStatus(400);
            request.setAttribute("formError", e.getMessage());
            request.setAttribute("formName", name);
            request.setAttribute("formRedirectUris", uris);
            request.setAttribute("formPublic", !confidential);
            request.setAttribute("formMachine", machine);
            renderClients(request, response, userId, scopes);
        }
    }

    private void rotate(HttpServletRequest request, HttpServletResponse response, Actor actor, long userId)
            throws ServletException, IOException {
        try {
            long id = id(request);
            String secret = clients.rotateSecret(actor, userId, id);
            OAuthClient c = clients.listOwned(userId).stream().filter(x -> x.getId() == id).findFirst().orElseThrow();
            request.setAttribute("secretFor", clientView(c));
            request.setAttribute("newSecret", secret);
            request.setAttribute("newSnippet", ConfigSnippets.forClient(mcpUrl(), c.getClientId(), secret,
                    false, c.getRedirectUriList(), c.isMachineClient()));
            request.setAttribute("secretReason", "rotated");
            response.setHeader("Cache-Control", "no-store");
            renderClients(request, response, userId, ScopeCatalog.allButDelete());
        } catch (ClientException e) {
            Views.redirectWithMessage(request, response, PATH, e.getMessage(), true);
        }
    }

    private void renderClients(HttpServletRequest request, HttpServletResponse response, long userId,
                               List<String> pickerScopes) throws ServletException, IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (OAuthClient c : clients.listOwned(userId)) {
            rows.add(clientView(c));
        }
        request.setAttribute("clients", rows);
        request.setAttribute("presets", ClientPreset.values());
        request.setAttribute("scopeGroups", ScopePicker.view(pickerScopes));
        request.setAttribute("selectedCount", pickerScopes.stream().filter(ScopeCatalog::isKnown).count());
        request.setAttribute("scopeTotal", ScopeCatalog.names().size());
        request.setAttribute("mcpTab", "clients");
        common(request);
        Views.render(request, response, "integrations/mcp");
    }

    private void renderApps(HttpServletRequest request, HttpServletResponse response, long userId)
            throws ServletException, IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ConnectedApp a : grants.connectedApps(userId)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("clientId", a.getClientId());
            m.put("name", a.getClientName());
            m.put("selfRegistered", a.isSelfRegistered());
            List<String> scopes = a.getConsentedScopes().isEmpty() && !a.getGrants().isEmpty()
                    ? a.getGrants().get(0).getScopes() : a.getConsentedScopes();
            m.put("scopes", scopes);
            m.put("granted", format(a.getConsentUpdatedAt() != null ? a.getConsentUpdatedAt()
                    : a.getGrants().stream().map(g -> g.getCreatedAt()).min(Instant::compareTo).orElse(null)));
            m.put("lastUsed", format(a.getLastUsedAt()));
            m.put("activeGrants", a.getGrants().size());
            rows.add(m);
        }
        request.setAttribute("apps", rows);
        String confirm = request.getParameter("confirmRevoke");
        rows.stream().filter(r -> r.get("clientId").equals(confirm)).findFirst()
                .ifPresent(r -> request.setAttribute("confirmApp", r));
        request.setAttribute("mcpTab", "apps");
        common(request);
        Views.render(request, response, "integrations/apps");
    }

    private void common(HttpServletRequest request) {
        request.setAttribute("mcpUrl", mcpUrl());
        request.setAttribute("mcpEnabled", addons.isEnabled(AddonId.MCP));
    }

    private Map<String, Object> clientView(OAuthClient c) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<String> scopes = c.getScopeList();
        m.put("id", c.getId());
        m.put("clientId", c.getClientId());
        m.put("name", c.getName());
        m.put("publicClient", c.isPublicClient());
        m.put("machine", c.isMachineClient());
        m.put("redirectUris", c.getRedirectUriList());
        m.put("created", format(c.getCreatedAt()));
        m.put("lastUsed", format(c.getLastUsedAt()));
        m.put("scopes", scopes);
        m.put("badges", scopes.subList(0, Math.min(BADGES_SHOWN, scopes.size())));
        m.put("moreScopes", Math.max(0, scopes.size() - BADGES_SHOWN));
        m.put("desktop", ConfigSnippets.isDesktop(c.getRedirectUriList()));
        m.put("snippet", ConfigSnippets.forClient(mcpUrl(), c.getClientId(), null, c.isPublicClient(),
                c.getRedirectUriList(), c.isMachineClient()));
        return m;
    }

    private String mcpUrl() {
        return config.appUrl() + "/mcp";
    }

    private static long id(HttpServletRequest request) {
        try {
            return Long.parseLong(request.getParameter("id"));
        } catch (NumberFormatException e) {
            throw new ClientException("Client not found");
        }
    }

    static String format(Instant instant) {
        return instant == null ? "never" : WHEN.format(instant);
    }
}
