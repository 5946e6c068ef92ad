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
import org.trek.account.Role;
import org.trek.account.User;
import org.trek.account.UserService;
import org.trek.audit.AuditRow;
import org.trek.platform.web.Views;
import org.trek.audit.AuditService;

/** Admin → Audit log: filter by action, user and date range (UTC days), newest first, paged. */
@WebServlet("/admin/audit")
@ServletSecurity(@HttpConstraint(rolesAllowed = Role.ADMIN_GROUP))
public class AdminAuditServlet extends HttpServlet {
    static final int PAGE_SIZE = 50;

    @Inject
    AuditService audit;

    @Inject
    AdminAuditNames names;

    @Inject
    UserService users;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        AuditQuery query = query(request, users);
        int page = intParam(request.getParameter("page"));
        if (query.valid()) {
            AuditService.Page result = audit.search(query.filter(), page, PAGE_SIZE);
            request.setAttribute("result", result);
            request.setAttribute("rows", AuditRow.of(result.getRows(), names));
        } else {
            response.setStatus(400);
            request.setAttribute("errors", query.errors());
        }
        request.setAttribute("actions", audit.actions());
        request.setAttribute("filterAction", AuditQuery.blankToNull(request.getParameter("action")));
        request.setAttribute("filterUser", AuditQuery.blankToNull(request.getParameter("user")));
        request.setAttribute("filterFrom", AuditQuery.blankToNull(request.getParameter("from")));
        request.setAttribute("filterTo", AuditQuery.blankToNull(request.getParameter("to")));
        request.setAttribute("adminTab", "audit");
        Views.render(request, response, "admin/audit");
    }

    /** The filter of this request; a user given by name also matches records that kept only the user's id. */
    static AuditQuery query(HttpServletRequest request, UserService users) {
        return AuditQuery.parse(request::getParameter, name -> name.contains("@") ? null
                : users.findByLogin(name).map(User::getId).orElse(null));
    }

    /** A page number: 0 for nonsense, at most a million (page × page size must not overflow the offset). */
    private static int intParam(String value) {
        try {
            return value == null ? 0 : Math.min(1_000_000, Math.max(0, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
