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
import org.trek.account.CurrentUser;
import org.trek.account.Role;
import org.trek.platform.AppConfig;
import org.trek.platform.addons.Addon;
import org.trek.platform.addons.AddonService;
import org.trek.platform.web.Views;

/** Admin → Addons: switch optional features on and off (each toggle is audited). */
@WebServlet("/admin/addons")
@ServletSecurity(@HttpConstraint(rolesAllowed = Role.ADMIN_GROUP))
public class AdminAddonsServlet extends HttpServlet {

    @Inject
    AddonService addons;

    @Inject
    AddonSwitches switches;

    @Inject
    AppConfig config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        request.setAttribute("addons", addons.list());
        request.setAttribute("adminTab", "addons");
        Views.render(request, response, "admin/addons");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("addon");
        boolean enabled = "true".equals(request.getParameter("enabled"));
        if (id == null || !switches.setEnabled(CurrentUser.actor(request, config.trustedProxies()), id, enabled)) {
            Views.redirectWithMessage(request, response, "/admin/addons", "Unknown addon.", true);
            return;
        }
        String name = addons.find(id).map(Addon::getName).orElse(id);
        Views.redirectWithMessage(request, response, "/admin/addons",
                name + (enabled ? " enabled." : " disabled."), false);
    }
}
