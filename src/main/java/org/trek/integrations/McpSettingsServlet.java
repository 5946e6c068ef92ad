package org.trek.integrations;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * Settings → Integrations → MCP: the endpoint URL, OAuth clients (create from a preset, secret shown once, edit,
 * rotate, delete, configuration snippet) and connected apps (revoke). API tokens live at /settings/tokens under the
 * same tabs. Every rule is in ClientService / GrantService; this servlet only parses, calls and renders. A refused
 * create or edit comes back (303, PRG) with the message at the field that caused it and the input kept.
 */
@WebServlet("/settings/mcp")
@ServletSecurity(@HttpConstraint(rolesAllowed = Role.USER_GROUP))
public class McpSettingsServlet extends HttpServlet {
    static final int BADGES_SHOWN = 5;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final String PATH = "/settings/mcp";
    /** A refused form, for the next GET (plain Strings, like every session attribute: the data grid replicates them). */
    private static final String FORM = "trek.mcpSettings.form.";
    private static final List<String> FORM_KEYS =
            List.of("form", "field", "message", "warn", "name", "redirectUris", "scopes", "clientType", "machine");

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
        Map<String, String> refused = takeRefusedForm(request);
        request.setAttribute("confirmRotate", request.getParameter("confirmRotate"));
        request.setAttribute("confirmDelete", request.getParameter("confirmDelete"));
        String edit = request.getParameter("edit");
        OAuthClient editing = edit == null ? null : clients.listOwned(userId).stream()
                .filter(c -> String.valueOf(c.getId()).equals(edit) && !c.isSelfRegistered()).findFirst().orElse(null);
        List<String> pickerScopes;
        if (editing != null) {
            request.setAttribute("formMode", "edit");
            request.setAttribute("editClient", clientView(editing));
            if (refused != null && refused.get("form").equals("edit:" + editing.getId())) {
                pickerScopes = keepInput(request, refused);
            } else {
                request.setAttribute("formName", editing.getName());
                request.setAttribute("formRedirectUris", String.join("\n", editing.getRedirectUriList()));
                pickerScopes = editing.getScopeList();
            }
        } else {
            request.setAttribute("formMode", "create");
            ClientPreset preset = ClientPreset.byId(request.getParameter("preset")).orElse(null);
            if (refused != null && refused.get("form").equals("create")) {
                pickerScopes = keepInput(request, refused);
            } else if (preset != null) {
                request.setAttribute("formName", preset.getClientName());
                request.setAttribute("formRedirectUris", String.join("\n", preset.getRedirectUris()));
                request.setAttribute("formPreset", preset.getId());
                pickerScopes = preset.scopes();
            } else {
                pickerScopes = ScopeCatalog.allButDelete();
            }
        }
        renderClients(request, response, userId, pickerScopes);
    }

    /** The refused form of the previous POST (taken out of the session: shown once), or null. */
    private static Map<String, String> takeRefusedForm(HttpServletRequest request) {
        HttpSession session = request.getSession();
        if (session.getAttribute(FORM + "form") == null) {
            return null;
        }
        Map<String, String> form = new HashMap<>();
        for (String key : FORM_KEYS) {
            form.put(key, (String) session.getAttribute(FORM + key));
            session.removeAttribute(FORM + key);
        }
        return form;
    }

    /** Puts a refused form's input and message on the page; answers the scopes it had ticked. */
    private static List<String> keepInput(HttpServletRequest request, Map<String, String> refused) {
        Map<String, Object> error = new HashMap<>();
        error.put("field", refused.get("field"));
        error.put("message", refused.get("message"));
        error.put("warn", "true".equals(refused.get("warn")));
        request.setAttribute("fieldError", error);
        if ("true".equals(refused.get("warn"))) {
            request.setAttribute("confirmName", refused.get("name").trim());
        }
        request.setAttribute("formName", refused.get("name"));
        request.setAttribute("formRedirectUris", refused.get("redirectUris"));
        request.setAttribute("formPublic", "public".equals(refused.get("clientType")));
        request.setAttribute("formMachine", "true".equals(refused.get("machine")));
        String scopes = refused.get("scopes");
        return scopes == null || scopes.isBlank() ? List.of() : List.of(scopes.split(" "));
    }

    /**
     * Post/redirect/get for a refused form: the message, which field, and the input (never a secret) wait in the
     * session for the next GET; the fragment takes the browser to the message next to that field.
     */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, String form, ClientException e,
                               String target) {
        HttpSession session = request.getSession();
        String[] values = {form, e.field(), e.getMessage(), String.valueOf(e instanceof ClientException.DuplicateName),
                request.getParameter("name"), request.getParameter("redirectUris"),
                String.join(" ", selectedScopes(request)), request.getParameter("clientType"),
                String.valueOf(request.getParameter("machine") != null)};
        for (int i = 0; i < values.length; i++) {
            session.setAttribute(FORM + FORM_KEYS.get(i), values[i] == null ? "" : values[i]);
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + target + "#" + errorId(e.field()));
    }

    /**
     * Where the browser goes back to: the field itself (its message follows it), so it is in view; browsers skip
     * autofocus when the address has a fragment, so integrations.js focuses the field (see mcp.jsp).
     */
    static String errorId(String field) {
        return field == null ? "client-form" : switch (field) {
            case ClientException.NAME -> "client-name";
            case ClientException.REDIRECT_URIS -> "redirect-uris";
            case ClientException.SCOPES -> "scope-picker";
            case ClientException.CLIENT_TYPE -> "client-type";
            case ClientException.LIMIT -> "client-limit";
            default -> "client-form";
        };
    }

    private static List<String> selectedScopes(HttpServletRequest request) {
        return ScopePicker.selected(request.getParameterValues("scope"), request.getParameterValues("group"),
                request.getParameter("allScopes") != null);
    }

    /** The user confirmed this very name after the duplicate warning (a different name is checked again). */
    private static boolean duplicateConfirmed(HttpServletRequest request) {
        String confirmed = request.getParameter("confirmName");
        String name = request.getParameter("name");
        return confirmed != null && name != null && !confirmed.isBlank()
                && confirmed.trim().equalsIgnoreCase(name.trim());
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.asList(text.split("\\R"));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        long userId = CurrentUser.id(request);
        Actor actor = CurrentUser.actor(request, config.trustedProxies());
        String action = String.valueOf(request.getParameter("action"));
        switch (action) {
            case "create" -> create(request, response, actor, userId);
            case "update" -> update(request, response, actor, userId);
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
        boolean confidential = !"public".equals(request.getParameter("clientType"));
        boolean machine = request.getParameter("machine") != null;
        try {
            ClientService.CreatedClient created = clients.createFromSettings(actor, userId, request.getParameter("name"),
                    lines(request.getParameter("redirectUris")), selectedScopes(request), confidential, machine,
                    duplicateConfirmed(request));
            OAuthClient c = created.client();
            request.setAttribute("secretFor", clientView(c));
            request.setAttribute("newSecret", created.clientSecret());
            request.setAttribute("newSnippet", ConfigSnippets.forClient(mcpUrl(), c.getClientId(),
                    created.clientSecret(), c.isPublicClient(), c.getRedirectUriList(), c.isMachineClient()));
            request.setAttribute("secretReason", "created");
            request.setAttribute("formMode", "create");
            response.setHeader("Cache-Control", "no-store"); // the page carries a secret
            renderClients(request, response, userId, ScopeCatalog.allButDelete());
        } catch (ClientException e) {
            refuse(request, response, "create", e, PATH);
        }
    }

    private void update(HttpServletRequest request, HttpServletResponse response, Actor actor, long userId)
            throws IOException {
        long id;
        try {
            id = id(request);
            ClientService.UpdatedClient updated = clients.update(actor, userId, id, request.getParameter("name"),
                    lines(request.getParameter("redirectUris")), selectedScopes(request), duplicateConfirmed(request));
            Views.redirectWithMessage(request, response, PATH, updateMessage(updated), false);
        } catch (ClientException e) {
            if (e.field() == null) {
                Views.redirectWithMessage(request, response, PATH, e.getMessage(), true);
            } else {
                refuse(request, response, "edit:" + request.getParameter("id"), e, PATH + "?edit=" + request.getParameter("id"));
            }
        }
    }

    /** What the edit did, including the sessions it ended because their scopes are no longer allowed. */
    static String updateMessage(ClientService.UpdatedClient updated) {
        StringBuilder m = new StringBuilder("Client \u201c").append(updated.client().getName()).append("\u201d saved.");
        if (!updated.removedScopes().isEmpty()) {
            m.append(" Scopes removed: ").append(String.join(", ", updated.removedScopes())).append('.');
            m.append(updated.revokedGrants() == 0 ? " No session held them."
                    : " " + updated.revokedGrants() + (updated.revokedGrants() == 1 ? " session that held them was"
                    : " sessions that held them were") + " ended; those apps connect again with the scopes the client now"
                    + " allows.");
        }
        return m.toString();
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
        long settingsClients = clients.settingsClientCount(userId);
        request.setAttribute("clientCount", settingsClients);
        request.setAttribute("maxClients", clients.maxClientsPerUser());
        request.setAttribute("atLimit", settingsClients >= clients.maxClientsPerUser());
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
