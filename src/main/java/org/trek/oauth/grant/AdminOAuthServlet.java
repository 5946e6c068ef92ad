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
import org.trek.account.CurrentUser;
import org.trek.account.Role;
import org.trek.audit.Actor;
import org.trek.oauth.client.ClientException;
import org.trek.oauth.client.ClientService;
import org.trek.platform.AppConfig;
import org.trek.platform.web.Views;

/** Admin → OAuth: every live grant and every client (self-registered included), with revoke and delete. */
@WebServlet("/admin/oauth")
@ServletSecurity(@HttpConstraint(rolesAllowed = Role.ADMIN_GROUP))
public class AdminOAuthServlet extends HttpServlet {

    @Inject
    GrantService grants;

    @Inject
    ClientService clients;

    @Inject
    AppConfig config;

    @Inject
    org.trek.oauth.OAuthPurge purge;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        request.setAttribute("grants", grants.grants(null));
        request.setAttribute("clients", clients.listAll());
        request.setAttribute("adminTab", "oauth");
        Views.render(request, response, "oauth/admin");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = CurrentUser.actor(request, config.trustedProxies());
        String action = String.valueOf(request.getParameter("action"));
        if (action.equals("revoke-grant")) {
            boolean ok = grants.adminRevokeGrant(actor, request.getParameter("grant_id"));
            Views.redirectWithMessage(request, response, "/admin/oauth", ok ? "Grant revoked." : "Grant not found.", !ok);
            return;
        }
        if (action.equals("delete-client")) {
            try {
                clients.adminDelete(actor, Long.parseLong(request.getParameter("id")));
                Views.redirectWithMessage(request, response, "/admin/oauth", "Client deleted.", false);
            } catch (ClientException | NumberFormatException e) {
                Views.redirectWithMessage(request, response, "/admin/oauth", "Client not found.", true);
            }
            return;
        }
        if (action.equals("purge")) {
            org.trek.oauth.OAuthPurge.Result r = purge.run();
            Views.redirectWithMessage(request, response, "/admin/oauth", "Clean-up done: " + r.codes() + " codes, "
                    + r.tokens() + " tokens, " + r.clients() + " unused registrations removed.", false);
            return;
        }
        Views.redirectWithMessage(request, response, "/admin/oauth", "Unknown action.", true);
    }
}
