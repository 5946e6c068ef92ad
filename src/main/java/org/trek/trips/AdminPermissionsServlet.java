package org.trek.trips;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trek.account.CurrentUser;
import org.trek.account.Role;
import org.trek.platform.AppConfig;
import org.trek.platform.web.Views;

/** Admin → Permissions: the instance permission matrix (every change is audited as admin.permission_update). */
@WebServlet("/admin/permissions")
@ServletSecurity(@HttpConstraint(rolesAllowed = Role.ADMIN_GROUP))
public class AdminPermissionsServlet extends HttpServlet {

    @Inject
    PermissionService permissions;

    @Inject
    AppConfig config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        permissions.all().forEach((p, level) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", p.key());
            row.put("label", p.label());
            row.put("current", level.value());
            row.put("isDefault", level == p.defaultLevel());
            row.put("defaultLabel", p.defaultLevel().label());
            List<Map<String, String>> choices = new ArrayList<>();
            for (Permission.Level l : p.choices()) {
                choices.add(Map.of("value", l.value(), "label", l.label()));
            }
            row.put("choices", choices);
            rows.add(row);
        });
        request.setAttribute("permissions", rows);
        request.setAttribute("adminTab", "permissions");
        Views.render(request, response, "admin/permissions");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Permission p = Permission.byKey(request.getParameter("permission"));
        Permission.Level level = Permission.Level.parse(request.getParameter("level"));
        if (p == null || level == null || !permissions.set(CurrentUser.actor(request, config.trustedProxies()), p, level)) {
            Views.redirectWithMessage(request, response, "/admin/permissions", "Unknown permission or level.", true);
            return;
        }
        Views.redirectWithMessage(request, response, "/admin/permissions", p.label() + ": " + level.label() + ".", false);
    }
}
