package org.trek.oauth.authorize;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.trek.account.CurrentUser;
import org.trek.account.User;
import org.trek.account.UserService;
import org.trek.audit.Actor;
import org.trek.audit.AuditService;
import org.trek.oauth.OAuthException;
import org.trek.oauth.OAuthGate;
import org.trek.oauth.OAuthSettings;
import org.trek.oauth.client.ClientOrigin;
import org.trek.oauth.client.ClientService;
import org.trek.oauth.client.OAuthClient;
import org.trek.oauth.client.RedirectUriPolicy;
import org.trek.platform.auth.Scope;
import org.trek.platform.auth.ScopeCatalog;
import org.trek.platform.auth.ScopeGroup;
import org.trek.platform.AppConfig;
import org.trek.platform.web.ClientIp;
import org.trek.platform.web.Views;

/**
 * /oauth/authorize (RFC 6749 §4.1, OAuth 2.1 §4.1). GET validates; shows an unknown client or redirect URI as a page;
 * sends an anonymous visitor to the login page (which returns here with the same query, so the pending authorization
 * survives); then returns an error to the client (automatically only to a loopback redirect URI), re-uses a covering
 * consent (only when the client's identity is assured), or shows the consent page. POST (CSRF token and Origin
 * checked by CsrfFilter) re-validates everything and approves or denies. Responses carry iss (RFC 9207).
 */
@WebServlet("/oauth/authorize")
public class AuthorizationEndpoint extends HttpServlet {

    @Inject
    OAuthGate gate;

    @Inject
    OAuthSettings settings;

    @Inject
    ClientService clients;

    @Inject
    ConsentService consents;

    @Inject
    AuthorizationCodes codes;

    @Inject
    UserService users;

    @Inject
    AuditService audit;

    @Inject
    AppConfig config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (!gate.mcpEnabled()) {
            Views.error(request, response, 404, "MCP access is not enabled on this server.");
            return;
        }
        if (!withinRateLimit(request, response)) {
            return;
        }
        AuthorizationRequest.Outcome outcome = validate(request::getParameterValues);
        if (outcome instanceof AuthorizationRequest.PageError) {
            reject(request, response, outcome);
            return;
        }
        Long userId = CurrentUser.id(request);
        if (userId == null) {
            // RFC 9700 §4.11.2: the user is authenticated before any redirect, an error redirect included, so that
            // an erroneous request of a self-registered client does not make TREK an anonymous open redirector.
            String here = "/oauth/authorize" + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            response.sendRedirect(request.getContextPath() + "/login?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8));
            return;
        }
        if (!(outcome instanceof AuthorizationRequest.Valid valid)) {
            reject(request, response, outcome);
            return;
        }
        if (consents.covers(userId, valid.client().getClientId(), valid.scopes()) && identityAssured(valid)) {
            audit.record(actor(request), "oauth.consent.grant", valid.client().getClientId(),
                    Map.of("client_id", valid.client().getClientId(), "scopes", valid.scopes(), "auto", true));
            approve(request, response, valid, userId, valid.scopes());
            return;
        }
        showConsent(request, response, valid, userId, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (!gate.mcpEnabled()) {
            Views.error(request, response, 404, "MCP access is not enabled on this server.");
            return;
        }
        Long userId = CurrentUser.id(request);
        if (userId == null) {
            Views.error(request, response, 401, "Your session has ended. Start the connection from your application again.");
            return;
        }
        // The consent form carries the original scope request as requested_scope; "scope" holds the user's picks.
        Function<String, String[]> params = name -> request.getParameterValues(name.equals("scope") ? "requested_scope" : name);
        AuthorizationRequest.Outcome outcome = validate(params);
        if (!(outcome instanceof AuthorizationRequest.Valid valid)) {
            reject(request, response, outcome);
            return;
        }
        String clientId = valid.client().getClientId();
        if (!"approve".equals(request.getParameter("decision"))) {
            audit.record(actor(request), "oauth.consent.deny", clientId, Map.of("client_id", clientId));
            Map<String, String> p = new LinkedHashMap<>();
            p.put("error", "access_denied");
            p.put("error_description", "The user denied the request");
            p.put("state", valid.state());
            p.put("iss", settings.issuer());
            response.sendRedirect(AuthorizationRequest.redirect(valid.redirectUri(), p));
            return;
        }
        String[] picked = request.getParameterValues("scope");
        List<String> chosen = picked == null ? List.of()
                : valid.scopes().stream().filter(Arrays.asList(picked)::contains).toList();
        if (chosen.isEmpty()) {
            showConsent(request, response, valid, userId, "Select at least one permission, or deny the request.");
            return;
        }
        consents.save(userId, clientId, chosen);
        audit.record(actor(request), "oauth.consent.grant", clientId, Map.of("client_id", clientId, "scopes", chosen));
        approve(request, response, valid, userId, chosen);
    }

    private AuthorizationRequest.Outcome validate(Function<String, String[]> params) {
        return AuthorizationRequest.validate(params, id -> clients.find(id).orElse(null), settings.resource());
    }

    private void approve(HttpServletRequest request, HttpServletResponse response, AuthorizationRequest.Valid valid,
                         long userId, List<String> scopes) throws IOException {
        String code = codes.issue(valid.client().getClientId(), userId, valid.redirectUri(), scopes, valid.resource(),
                valid.codeChallenge());
        Map<String, String> p = new LinkedHashMap<>();
        p.put("code", code);
        p.put("state", valid.state());
        p.put("iss", settings.issuer()); // RFC 9207 §2
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(AuthorizationRequest.redirect(valid.redirectUri(), p));
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, AuthorizationRequest.Outcome outcome)
            throws ServletException, IOException {
        if (outcome instanceof AuthorizationRequest.PageError page) {
            Views.error(request, response, 400, page.message());
        } else if (outcome instanceof AuthorizationRequest.RedirectError error) {
            String target = AuthorizationRequest.errorRedirect(error, settings.issuer());
            if (RedirectUriPolicy.isLoopbackHost(hostOf(error.redirectUri()))) {
                response.sendRedirect(target); // back to an application on the user's own machine
                return;
            }
            // RFC 9700 §4.11.2: redirect automatically only to a URI the server trusts. Any https URI may have been
            // registered by anyone, so the user sees the error and decides whether to follow the link back.
            request.setAttribute("errorLink", target);
            request.setAttribute("errorLinkLabel", "Return to " + hostOf(error.redirectUri()));
            Views.error(request, response, 400, "The application's request was refused (" + error.error() + "): "
                    + error.description());
        }
    }

    /**
     * Whether a consent on record may be re-used without asking (RFC 8252 §8.6: not for a client whose identity
     * cannot be assured, even if the user approved it before). A confidential client proves itself at the token
     * endpoint; a public client's code can only travel to a non-loopback https redirect URI it registered. A public
     * client with a loopback or private-use redirect could be any program on the machine, so the consent page is
     * shown again (with the scopes ticked, one click).
     */
    static boolean identityAssured(AuthorizationRequest.Valid valid) {
        if (!valid.client().isPublicClient()) {
            return true;
        }
        String uri = valid.redirectUri();
        return uri.regionMatches(true, 0, "https://", 0, 8) && !RedirectUriPolicy.isLoopbackHost(hostOf(uri));
    }

    private boolean withinRateLimit(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        try {
            gate.limitPerMinute("oauth.authorize:" + ClientIp.resolve(request, config.trustedProxies()), settings.authorizePerMinute());
            return true;
        } catch (OAuthException e) {
            response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
            Views.error(request, response, 429, "Too many authorization requests. Wait a minute and try again.");
            return false;
        }
    }

    private Actor actor(HttpServletRequest request) {
        return CurrentUser.actor(request, config.trustedProxies());
    }

    /** "3 December 2026" (UTC): when the user allowed the application before. */
    static final DateTimeFormatter ALLOWED_ON = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private void showConsent(HttpServletRequest request, HttpServletResponse response, AuthorizationRequest.Valid valid,
                             long userId, String error) throws ServletException, IOException {
        OAuthClient client = valid.client();
        Map<String, Object> page = new HashMap<>();
        // Approved before (a consent on record that does not cover this request, or one not re-used automatically).
        consents.find(userId, client.getClientId()).ifPresent(c -> {
            page.put("allowedOn", ALLOWED_ON.format(c.getUpdatedAt() != null ? c.getUpdatedAt() : c.getCreatedAt()));
            page.put("allowedScopes", String.join(", ", c.getScopeList()));
        });
        List<Map<String, String>> unavailable = new ArrayList<>();
        for (AuthorizationRequest.Unavailable u : valid.unavailable()) {
            Scope known = ScopeCatalog.isKnown(u.scope()) ? ScopeCatalog.get(u.scope()) : null;
            unavailable.add(Map.of("name", u.scope(), "label", known == null ? "" : known.label(), "reason", u.reason()));
        }
        page.put("unavailable", unavailable);
        page.put("clientName", client.getName());
        page.put("clientId", client.getClientId());
        page.put("selfRegistered", client.isSelfRegistered());
        page.put("origin", originLabel(client));
        page.put("redirectUri", valid.redirectUri());
        String host = hostOf(valid.redirectUri());
        page.put("redirectHost", host);
        page.put("loopbackRedirect", RedirectUriPolicy.isLoopbackHost(host));
        page.put("clientUri", client.getClientUri());
        page.put("error", error);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (ScopeGroup g : ScopeCatalog.groupsOf(valid.scopes())) {
            List<Map<String, Object>> scopes = new ArrayList<>();
            for (Scope s : g.scopes()) {
                scopes.add(Map.of("name", s.name(), "label", s.label(), "description", s.description(), "verb", s.verb()));
            }
            groups.add(Map.of("key", g.key(), "label", g.label(), "scopes", scopes));
        }
        page.put("groups", groups);
        Map<String, String> hidden = new LinkedHashMap<>();
        for (String name : List.of("response_type", "client_id", "redirect_uri", "state", "code_challenge",
                "code_challenge_method", "resource")) {
            String v = request.getParameter(name);
            if (v != null) {
                hidden.put(name, v);
            }
        }
        String requested = "POST".equals(request.getMethod()) ? request.getParameter("requested_scope") : request.getParameter("scope");
        if (requested != null) {
            hidden.put("requested_scope", requested);
        }
        page.put("hidden", hidden);
        request.setAttribute("consent", page);
        Views.render(request, response, "oauth/consent");
    }

    private String originLabel(OAuthClient client) {
        if (client.getOrigin() == ClientOrigin.DCR) {
            return "This application registered itself automatically. TREK has not verified who runs it.";
        }
        if (client.getOrigin() == ClientOrigin.METADATA) {
            return "This application is identified by a document at " + hostOf(client.getClientId())
                    + ". TREK has not verified who runs it.";
        }
        String creator = client.getOwnerId() == null ? "an unknown user"
                : users.find(client.getOwnerId()).map(User::getUsername).orElse("a deleted user");
        return "Created in TREK Settings by " + creator + ".";
    }

    static String hostOf(String uri) {
        try {
            java.net.URI u = java.net.URI.create(uri);
            return u.getHost() != null ? u.getHost() : u.getScheme() + ":";
        } catch (IllegalArgumentException e) {
            return uri;
        }
    }
}
