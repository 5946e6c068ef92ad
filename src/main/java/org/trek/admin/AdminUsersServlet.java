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
import org.trek.account.UserService;
import org.trek.account.twofactor.TwoFactorService;
import org.trek.audit.Actor;
import org.trek.platform.AppConfig;
import org.trek.platform.web.Views;

/**
 * Admin → Users: create, disable/enable, reset password, change role, reset two-factor; the "require two-factor"
 * policy. Admins only.
 */
@WebServlet({"/admin", "/admin/users"})
@ServletSecurity(@HttpConstraint(rolesAllowed = Role.ADMIN_GROUP))
public class AdminUsersServlet extends HttpServlet {

    @Inject
    UserService users;

    @Inject
    TwoFactorService twoFactor;

    @Inject
    AppConfig config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (request.getServletPath().equals("/admin")) {
            response.sendRedirect(request.getContextPath() + "/admin/users");
            return;
        }
        request.setAttribute("users", users.list());
        request.setAttribute("twoFactorUsers", twoFactor.enrolledUsers());
        request.setAttribute("twoFactorRequired", twoFactor.required());
        request.setAttribute("adminTab", "users");
        Views.render(request, response, "admin/users");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = CurrentUser.actor(request, config.trustedProxies());
        String action = String.valueOf(request.getParameter("action"));
        try {
            String message = switch (action) {
                case "create" -> {
                    var u = users.create(actor, request.getParameter("username"), request.getParameter("email"),
                            request.getParameter("password"), Role.parse(request.getParameter("role")));
                    yield "User " + u.getUsername() + " created.";
                }
                case "disable" -> {
                    users.setDisabled(actor, userId(request), true);
                    yield "User disabled; their sessions are closed.";
                }
                case "enable" -> {
                    users.setDisabled(actor, userId(request), false);
                    yield "User enabled.";
                }
                case "reset-password" -> {
                    users.resetPassword(actor, userId(request), request.getParameter("password"));
                    yield "Password changed; the user's sessions are closed.";
                }
                case "role" -> {
                    users.changeRole(actor, userId(request), Role.parse(request.getParameter("role")));
                    yield "Role changed.";
                }
                case "two-factor-policy" -> {
                    boolean required = "on".equals(request.getParameter("required"));
                    twoFactor.setRequired(actor, required);
                    yield required ? "Two-factor sign-in is required: users without it set it up at their next sign-in."
                            : "Two-factor sign-in is no longer required.";
                }
                case "reset-two-factor" -> {
                    try {
                        yield twoFactor.reset(actor, userId(request))
                                ? "Two-factor sign-in reset; the user signs in with the password and sets it up again."
                                : "This user has no two-factor sign-in.";
                    } catch (TwoFactorService.TwoFactorException e) {
                        throw new UserService.UserException(e.getMessage());
                    }
                }
                default -> throw new UserService.UserException("Unknown action.");
            };
            Views.redirectWithMessage(request, response, "/admin/users", message, false);
        } catch (UserService.UserException e) {
            Views.redirectWithMessage(request, response, "/admin/users", e.getMessage(), true);
        }
    }

    private static long userId(HttpServletRequest request) {
        try {
            return Long.parseLong(request.getParameter("id"));
        } catch (NumberFormatException e) {
            throw new UserService.UserException("No such user.");
        }
    }
}
