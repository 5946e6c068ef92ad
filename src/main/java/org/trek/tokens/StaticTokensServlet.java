package org.trek.tokens;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trek.account.CurrentUser;
import org.trek.account.Role;
import org.trek.platform.addons.AddonService;
import org.trek.platform.AppConfig;
import org.trek.platform.web.Views;
import org.trek.platform.addons.AddonId;

/**
 * Settings → API tokens (plain form): list, create (the token is shown once, on the answer page) and delete with a
 * confirmation step. Static tokens are deprecated in favour of OAuth clients.
 */
@WebServlet("/settings/tokens")
@ServletSecurity(@HttpConstraint(rolesAllowed = Role.USER_GROUP))
public class StaticTokensServlet extends HttpServlet {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Inject
    StaticTokenService tokens;

    @Inject
    AppConfig config;

    @Inject
    AddonService addons;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        long userId = CurrentUser.id(request);
        String confirm = request.getParameter("confirmDelete");
        if (confirm != null) {
            tokens.list(userId).stream().filter(t -> String.valueOf(t.getId()).equals(confirm)).findFirst()
                    .ifPresent(t -> request.setAttribute("confirmToken", view(t)));
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
        try {
            StaticTokenService.Created created = tokens.create(actor, userId, request.getParameter("name"));
            request.setAttribute("newToken", created.token());
            request.setAttribute("newTokenName", created.row().getName());
        } catch (StaticTokenService.TokenLimitException e) {
            response.setStatus(400);
            request.setAttribute("formError", e.getMessage());
        }
        render(request, response, userId);
    }

    private void render(HttpServletRequest request, HttpServletResponse response, long userId)
            throws ServletException, IOException {
        List<Map<String, Object>> rows = tokens.list(userId).stream().map(StaticTokensServlet::view).toList();
        request.setAttribute("tokens", rows);
        request.setAttribute("maxTokens", StaticTokenService.MAX_PER_USER);
        request.setAttribute("mcpUrl", config.appUrl() + "/mcp");
        request.setAttribute("mcpEnabled", addons.isEnabled(AddonId.MCP));
        Views.render(request, response, "tokens/tokens");
    }

    private static Map<String, Object> view(StaticToken t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.getId());
        m.put("name", t.getName());
        m.put("prefix", t.getTokenPrefix());
        m.put("created", format(t.getCreatedAt()));
        m.put("lastUsed", t.getLastUsedAt() == null ? "never" : format(t.getLastUsedAt()));
        return m;
    }

    private static String format(Instant instant) {
        return WHEN.format(instant);
    }
}
