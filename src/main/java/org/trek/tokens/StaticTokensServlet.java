package org.trek.tokens;

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trek.account.CurrentUser;
import org.trek.account.Role;
import org.trek.platform.AppConfig;
import org.trek.platform.Clock;
import org.trek.platform.addons.AddonId;
import org.trek.platform.addons.AddonService;
import org.trek.platform.web.Views;

/**
 * Settings → API tokens (plain form): list, create (the token and a ready-to-paste mcp-remote snippet are shown once,
 * on the answer page) and delete with a confirmation step. A refused create redirects back (post/redirect/get) with
 * the message at the field that caused it and the input kept. Static tokens are deprecated in favour of OAuth clients.
 */
@WebServlet("/settings/tokens")
@ServletSecurity(@HttpConstraint(rolesAllowed = Role.USER_GROUP))
public class StaticTokensServlet extends HttpServlet {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    /** Session attributes of a refused create (plain Strings, like every session attribute: the data grid replicates them). */
    private static final String FORM_ERROR = "trek.tokens.error.";
    private static final List<String> FORM_ERROR_KEYS = List.of("field", "message", "name", "expiry");

    @Inject
    StaticTokenService tokens;

    @Inject
    AppConfig config;

    @Inject
    AddonService addons;

    @Inject
    Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        long userId = CurrentUser.id(request);
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(FORM_ERROR + "field") != null) {
            Map<String, String> error = new HashMap<>();
            for (String key : FORM_ERROR_KEYS) {
                error.put(key, (String) session.getAttribute(FORM_ERROR + key));
                session.removeAttribute(FORM_ERROR + key);
            }
            request.setAttribute("tokenError", error);
        }
        String confirm = request.getParameter("confirmDelete");
        if (confirm != null) {
            Instant now = clock.now();
            tokens.list(userId).stream().filter(t -> String.valueOf(t.getId()).equals(confirm)).findFirst()
                    .ifPresent(t -> request.setAttribute("confirmToken", view(t, now)));
        }
        render(request, response, userId);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        long userId = CurrentUser.id(request);
        var actor = CurrentUser.actor(request, config.trustedProxies());
        if ("delete".equals(request.getParameter("action"))) {
            boolean deleted;
            try {
                deleted = tokens.delete(actor, userId, Long.parseLong(request.getParameter("id")));
            } catch (NumberFormatException e) {
                deleted = false;
            }
            Views.redirectWithMessage(request, response, "/settings/tokens",
                    deleted ? "Token deleted. Clients using it can no longer connect." : "No such token.", !deleted);
            return;
        }
        String name = request.getParameter("name");
        String expiry = request.getParameter("expiry");
        StaticTokenService.Created created;
        try {
            created = tokens.create(actor, userId, name, expiry);
        } catch (StaticTokenService.TokenLimitException e) {
            // Post/redirect/get: the message goes to the field, the name and expiry chosen come back in the form.
            String[] values = {e.field(), e.getMessage(), name, expiry};
            HttpSession session = request.getSession();
            for (int i = 0; i < values.length; i++) {
                session.setAttribute(FORM_ERROR + FORM_ERROR_KEYS.get(i), values[i] == null ? "" : values[i]);
            }
            // A field error is focused by autofocus (which a URL fragment would cancel); the limit has no field, so
            // the fragment brings its message into view.
            response.sendRedirect(request.getContextPath() + "/settings/tokens"
                    + ("limit".equals(e.field()) ? "#create-token" : ""));
            return;
        }
        // The token exists only in this answer (never in the session or a redirect): shown once, with its snippets.
        String mcpUrl = mcpUrl();
        request.setAttribute("newToken", created.token());
        request.setAttribute("newTokenName", created.row().getName());
        request.setAttribute("newTokenExpires", created.row().getExpiresAt() == null ? "never expires"
                : TokenExpiry.describe(created.row().getExpiresAt(), clock.now()));
        request.setAttribute("newSnippet", TokenSnippets.config(mcpUrl, created.token()));
        request.setAttribute("newCommand", TokenSnippets.command(mcpUrl, created.token()));
        request.setAttribute("newSnippetEnv", TokenSnippets.configWithEnv(mcpUrl, created.token()));
        render(request, response, userId);
    }

    private String mcpUrl() {
        return config.appUrl() + "/mcp";
    }

    private void render(HttpServletRequest request, HttpServletResponse response, long userId)
            throws ServletException, IOException {
        Instant now = clock.now();
        List<Map<String, Object>> rows = tokens.list(userId).stream().map(t -> view(t, now)).toList();
        request.setAttribute("tokens", rows);
        request.setAttribute("maxTokens", StaticTokenService.MAX_PER_USER);
        request.setAttribute("expiryChoices", java.util.Arrays.stream(TokenExpiry.values())
                .map(e -> Map.of("value", e.value(), "label", e.label())).toList());
        request.setAttribute("defaultExpiry", TokenExpiry.DEFAULT.value());
        request.setAttribute("mcpUrl", mcpUrl());
        request.setAttribute("mcpEnabled", addons.isEnabled(AddonId.MCP));
        Views.render(request, response, "tokens/tokens");
    }

    private static Map<String, Object> view(StaticToken t, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.getId());
        m.put("name", t.getName());
        m.put("prefix", t.getTokenPrefix());
        m.put("created", format(t.getCreatedAt()));
        m.put("lastUsed", t.getLastUsedAt() == null ? "never" : format(t.getLastUsedAt()));
        m.put("expires", TokenExpiry.describe(t.getExpiresAt(), now));
        m.put("expired", TokenExpiry.expired(t.getExpiresAt(), now));
        m.put("expiresExact", t.getExpiresAt() == null ? "" : format(t.getExpiresAt()));
        return m;
    }

    private static String format(Instant instant) {
        return WHEN.format(instant);
    }
}
