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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.trek.account.Role;
import org.trek.platform.web.Views;
import org.trek.audit.AuditService;

/** Admin → Audit log: filter by action, user and date range (UTC days), newest first, paged. */
@WebServlet("/admin/audit")
@ServletSecurity(@HttpConstraint(rolesAllowed = Role.ADMIN_GROUP))
public class AdminAuditServlet extends HttpServlet {
    static final int PAGE_SIZE = 50;

    @Inject
    AuditService audit;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        AuditService.Filter filter = filterFrom(request);
        int page = intParam(request.getParameter("page"));
        request.setAttribute("result", audit.search(filter, page, PAGE_SIZE));
        request.setAttribute("actions", audit.actions());
        request.setAttribute("filterAction", blankToNull(request.getParameter("action")));
        request.setAttribute("filterUser", blankToNull(request.getParameter("user")));
        request.setAttribute("filterFrom", blankToNull(request.getParameter("from")));
        request.setAttribute("filterTo", blankToNull(request.getParameter("to")));
        request.setAttribute("adminTab", "audit");
        Views.render(request, response, "admin/audit");
    }

    /** Dates are whole UTC days: "to" includes the whole day. Unparseable dates are ignored. */
    static AuditService.Filter filterFrom(HttpServletRequest request) {
        return new AuditService.Filter(blankToNull(request.getParameter("action")),
                blankToNull(request.getParameter("user")),
                day(request.getParameter("from"), 0), day(request.getParameter("to"), 1));
    }

    private static Instant day(String value, int plusDays) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim()).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A page number: 0 for nonsense, at most a million (page × page size must not overflow the offset). */
    private static int intParam(String value) {
        try {
            return value == null ? 0 : Math.min(1_000_000, Math.max(0, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
