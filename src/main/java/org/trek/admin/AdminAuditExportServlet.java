package org.trek.admin;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.trek.account.CurrentUser;
import org.trek.account.Role;
import org.trek.account.UserService;
import org.trek.platform.AppConfig;
import org.trek.audit.AuditService;
import org.trek.audit.AuditCsvExport;

/** Admin → Audit log → Export CSV: the filtered view, streamed. The export itself is audited. */
@WebServlet("/admin/audit/export.csv")
@ServletSecurity(@HttpConstraint(rolesAllowed = Role.ADMIN_GROUP))
public class AdminAuditExportServlet extends HttpServlet {

    @Inject
    AuditCsvExport export;

    @Inject
    AuditService audit;

    @Inject
    AppConfig config;

    @Inject
    AdminAuditNames names;

    @Inject
    UserService users;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuditQuery query = AdminAuditServlet.query(request, users);
        if (!query.valid()) {
            response.setStatus(400);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(String.join("\n", query.errors().values()));
            return;
        }
        AuditService.Filter filter = query.filter();
        Map<String, Object> details = new HashMap<>();
        details.put("action", filter.action());
        details.put("user", filter.username());
        details.put("from", request.getParameter("from"));
        details.put("to", request.getParameter("to"));
        audit.record(CurrentUser.actor(request, config.trustedProxies()), "admin.audit_export", null, details);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition",
                "attachment; filename=\"trek-audit-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        var writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 64 * 1024);
        export.write(filter, names, writer);
        writer.flush();
    }
}
