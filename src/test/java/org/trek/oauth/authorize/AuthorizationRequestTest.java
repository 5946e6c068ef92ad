package org.trek.oauth.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trek.oauth.authorize.AuthorizationRequest.PageError;
import org.trek.oauth.authorize.AuthorizationRequest.RedirectError;
import org.trek.oauth.authorize.AuthorizationRequest.Valid;
import org.trek.oauth.client.OAuthClient;
import org.trek.oauth.client.TestClients;

class AuthorizationRequestTest {
    static final String RESOURCE = "https://trek.example/mcp";
    final OAuthClient client = TestClients.publicClient("c1", List.of("http://127.0.0.1/cb"), List.of("trips:read", "places:read"));

    Map<String, String[]> base() {
        Map<String, String[]> p = new HashMap<>();
        p.put("client_id", new String[] {"c1"});
        p.put("redirect_uri", new String[] {"http://127.0.0.1:4711/cb"});
        p.put("response_type", new String[] {"code"});
        p.put("code_challenge", new String[] {"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"});
        p.put("code_challenge_method", new String[] {"S256"});
        p.put("state", new String[] {"xyz"});
        return p;
    }

    AuthorizationRequest.Outcome run(Map<String, String[]> p) {
        return AuthorizationRequest.validate(p::get, id -> id.equals("c1") ? client : null, RESOURCE);
    }

    @Test
    void validWithDefaultScopeAndLoopbackPort() {
        Valid v = assertInstanceOf(Valid.class, run(base()));
        assertEquals(List.of("trips:read", "places:read"), v.scopes());
        assertEquals("http://127.0.0.1:4711/cb", v.redirectUri());
        assertEquals(RESOURCE, v.resource());
    }

    @Test
    void aSettingsClientsScopesAreIntersectedWithItsOwnAndTheRestSayWhy() {
        OAuthClient settings = TestClients.settingsClient("c1", List.of("http://127.0.0.1/cb"), List.of("trips:read", "places:read"));
        Map<String, String[]> p = base();
        p.put("scope", new String[] {"trips:read trips:delete openid"});
        Valid v = assertInstanceOf(Valid.class, AuthorizationRequest.validate(p::get, id -> settings, RESOURCE));
        assertEquals(List.of("trips:read"), v.scopes());
        assertEquals(List.of(new AuthorizationRequest.Unavailable("trips:delete", AuthorizationRequest.NOT_SET_UP),
                new AuthorizationRequest.Unavailable("openid", AuthorizationRequest.UNKNOWN_SCOPE)), v.unavailable());
        p.put("scope", new String[] {"trips:delete"});
        assertEquals("invalid_scope", assertInstanceOf(RedirectError.class,
                AuthorizationRequest.validate(p::get, id -> settings, RESOURCE)).error());
    }

    @Test
    void aSelfRegisteredClientMayBeOfferedAnyKnownScopeItAsksFor() {
        // registered with the read-only default (no scope in its registration), it asks for write scopes: the user
        // decides on the consent page; its registration is its own say-so, no boundary
        Map<String, String[]> p = base();
        p.put("scope", new String[] {"trips:write places:write budget:read openid"});
        Valid v = assertInstanceOf(Valid.class, run(p));
        assertEquals(List.of("trips:write", "places:write", "budget:read"), v.scopes().stream()
                .filter(List.of("trips:write", "places:write", "budget:read")::contains).toList());
        assertEquals(3, v.scopes().size());
        assertEquals(List.of(new AuthorizationRequest.Unavailable("openid", AuthorizationRequest.UNKNOWN_SCOPE)), v.unavailable());
        p.remove("scope");
        assertEquals(List.of("trips:read", "places:read"), assertInstanceOf(Valid.class, run(p)).scopes(),
                "without scope: the registered default");
    }

    @Test
    void clientAndRedirectProblemsAreShownNotRedirected() {
        Map<String, String[]> p = base();
        p.put("client_id", new String[] {"nope"});
        assertInstanceOf(PageError.class, run(p));
        p = base();
        p.put("redirect_uri", new String[] {"https://evil.example/cb"});
        assertInstanceOf(PageError.class, run(p));
        p = base();
        p.remove("redirect_uri");
        assertInstanceOf(PageError.class, run(p));
    }

    @Test
    void pkceResponseTypeAndResourceErrorsRedirectWithState() {
        Map<String, String[]> p = base();
        p.remove("code_challenge");
        RedirectError e = assertInstanceOf(RedirectError.class, run(p));
        assertEquals("invalid_request", e.error());
        assertEquals("xyz", e.state());
        p = base();
        p.put("code_challenge_method", new String[] {"plain"});
        assertEquals("invalid_request", assertInstanceOf(RedirectError.class, run(p)).error());
        p = base();
        p.put("response_type", new String[] {"token"});
        assertEquals("unsupported_response_type", assertInstanceOf(RedirectError.class, run(p)).error());
        p = base();
        p.put("resource", new String[] {"https://other.example/mcp"});
        assertEquals("invalid_target", assertInstanceOf(RedirectError.class, run(p)).error());
        p.put("resource", new String[] {RESOURCE + "/"});
        assertInstanceOf(Valid.class, run(p));
        p = base();
        p.put("scope", new String[] {"trips:read", "places:read"});
        assertEquals("invalid_request", assertInstanceOf(RedirectError.class, run(p)).error());
    }

    @Test
    void errorRedirectCarriesIssuerAndKeepsExistingQuery() {
        String url = AuthorizationRequest.errorRedirect(new RedirectError("https://a.example/cb?x=1", "invalid_scope", "no", "s t"),
                "https://trek.example");
        assertEquals("https://a.example/cb?x=1&error=invalid_scope&error_description=no&state=s+t&iss=https%3A%2F%2Ftrek.example", url);
    }
}
