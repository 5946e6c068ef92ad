package org.trek.admin;

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
import org.trek.account.CurrentUser;
import org.trek.account.Role;
import org.trek.account.User;
import org.trek.account.UserService;
import org.trek.account.twofactor.TwoFactorService;
import org.trek.audit.Actor;
import org.trek.platform.AppConfig;
import org.trek.platform.web.Views;

/**
 * Admin → Users: create, disable (after a confirmation that says what it cuts) and enable, reset password, change
 * role, reset two-factor; the "require two-factor" policy. Admins only. A refused form comes back (PRG) with the
 * message at the field that caused it and the create form's input kept (never a password).
 */
@WebServlet({"/admin", "/admin/users"})
@ServletSecurity(@HttpConstraint(rolesAllowed = Role.ADMIN_GROUP))
public class AdminUsersServlet extends HttpServlet {
    /** Session attributes (plain Strings, like every session attribute: the data grid replicates them). */
    private static final String FORM_ERROR = "trek.adminUsers.error.";
    private static final java.util.List<String> FORM_ERROR_KEYS =
            java.util.List.of("form", "field", "message", "username", "email", "role");

    @Inject
    UserService users;

    @Inject
    TwoFactorService twoFactor;

    @Inject
    UserDisabling disabling;

    @Inject
    AppConfig config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (request.getServletPath().equals("/admin")) {
            response.sendRedirect(request.getContextPath() + "/admin/users");
            return;
        }
        HttpSession session = request.getSession();
        if (session.getAttribute(FORM_ERROR + "form") != null) {
            // A refused form for this GET: which form (create, reset:ID), which field, the message, kept input.
            java.util.Map<String, String> error = new java.util.HashMap<>();
            for (String key : FORM_ERROR_KEYS) {
                error.put(key, (String) session.getAttribute(FORM_ERROR + key));
                session.removeAttribute(FORM_ERROR + key);
            }
            request.setAttribute("formError", error);
        }
        String disable = request.getParameter("disable");
        if (disable != null) {
            try {
                User target = users.find(Long.parseLong(disable)).orElse(null);
                if (target != null && !target.isDisabled()) {
                    request.setAttribute("confirmUser", target);
                    request.setAttribute("impact", disabling.impact(target.getId()));
                }
            } catch (NumberFormatException ignored) {
                // no such user: the plain list
            }
        }
        request.setAttribute("users", users.list());
        request.setAttribute("twoFactorUsers", twoFactor.enrolledUsers());
        request.setAttribute("twoFactorRequired", twoFactor.required());
        request.setAttribute("minLength", users.passwordMinLength());
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
                    yield "User " + u.getUsername() + " created. They choose their own password at their first sign-in.";
                }
                case "disable" -> {
                    UserDisabling.Impact cut = disabling.disable(actor, userId(request));
                    yield "User disabled: " + cut.connectedApps() + " connected app(s) and " + cut.grants()
                            + " grant(s) revoked, " + cut.staticTokens() + " API token(s) deleted, their sign-ins and"
                            + " MCP sessions ended. Enabling them again brings none of it back.";
                }
                case "enable" -> {
                    disabling.enable(actor, userId(request));
                    yield "User enabled. They connect their apps and create API tokens anew.";
                }
                case "reset-password" -> {
                    users.resetPassword(actor, userId(request), request.getParameter("password"));
                    yield "Password changed; the user's sessions are closed and they must choose a new password at"
                            + " their next sign-in.";
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
            if (e.field() != null && (action.equals("create") || action.equals("reset-password"))) {
                String form = action.equals("create") ? "create" : "reset:" + request.getParameter("id");
                String[] values = {form, e.field(), e.getMessage(), request.getParameter("username"),
                        request.getParameter("email"), request.getParameter("role")};
                HttpSession session = request.getSession();
                for (int i = 0; i < values.length; i++) {
                    session.setAttribute(FORM_ERROR + FORM_ERROR_KEYS.get(i), values[i] == null ? "" : values[i]);
                }
                String anchor = action.equals("create") ? "#create-user" : "#user-" + request.getParameter("id");
                response.sendRedirect(request.getContextPath() + "/admin/users" + anchor);
                return;
            }
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
