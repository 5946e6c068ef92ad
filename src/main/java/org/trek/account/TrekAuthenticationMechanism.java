package org.trek.account;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.trek.platform.web.CsrfFilter;

/**
 * Form login for the screens. The login servlet hands over credentials through SecurityContext.authenticate();
 * protected pages send anonymous visitors to /login?next=..., which is how a pending OAuth authorization survives
 * the login.
 *
 * <p>On every later request the caller is re-established from the login session ({@link LoginSessions}): the servlet
 * session holds only its id, the user and groups are read from the database. Not @AutoApplySession: that keeps the
 * principal in the servlet session and, replicated to another node of the data grid, re-applies it without its
 * groups (admin pages answered 403 there); and it would keep a sign-in alive on a node after it ended on another.
 */
@ApplicationScoped
@DeclareRoles({Role.USER_GROUP, Role.ADMIN_GROUP})
public class TrekAuthenticationMechanism implements HttpAuthenticationMechanism {
    /** Request attribute: the signed-in {@link User}, as read for this request. */
    static final String SIGNED_IN_USER = "trek.signedInUser";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    LoginSessions loginSessions;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        HttpSession session = path.startsWith("/assets/") ? null : request.getSession(false);
        Object token = session == null ? null : session.getAttribute(LoginSessions.SESSION_ATTRIBUTE);
        if (token instanceof String id) {
            Optional<User> user = loginSessions.check(id);
            if (user.isPresent()) {
                request.setAttribute(SIGNED_IN_USER, user.get());
                return context.notifyContainerAboutLogin(String.valueOf(user.get().getId()),
                        DatabaseIdentityStore.groupsOf(user.get()));
            }
            // Signed out (perhaps on another node), disabled, deleted, new password or idle too long: this node's
            // copy of the servlet session ends too.
            invalidate(session);
            if (context.isProtected() || !(CsrfFilter.isMachineEndpoint(path) || path.equals("/login"))) {
                return context.redirect(request.getContextPath() + "/login?expired=1");
            }
        }
        if (context.isProtected()) {
            return context.redirect(request.getContextPath() + "/login?next="
                    + URLEncoder.encode(currentPath(request), StandardCharsets.UTF_8));
        }
        return context.doNothing();
    }

    private static void invalidate(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalid) {
            // ended meanwhile by a concurrent request
        }
    }

    static String currentPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        return query == null ? path : path + "?" + query;
    }
}
