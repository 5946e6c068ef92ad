package org.trek.oauth.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RedirectUriPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "https://claude.ai/api/mcp/auth_callback",
            "https://example.com/cb?x=1",
            "http://localhost/callback",
            "http://localhost:33418/oauth/callback",
            "http://127.0.0.1:9000/cb",
            "http://[::1]:8080/cb",
            "com.example.app:/oauth2redirect",
            "cursor.app://callback"})
    void allowed(String uri) {
        assertTrue(RedirectUriPolicy.isAllowed(uri), uri);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "javascript:alert(1)",
            "javascript://localhost/%0aalert(1)",
            "JavaScript://localhost/x",
            "data:text/html,<script>alert(1)</script>",
            "file:///etc/passwd",
            "vbscript:msgbox",
            "blob:https://x/y",
            "about:blank",
            "chrome-extension://abc/cb",
            "http://example.com/cb",
            "http://localhost.evil.com/cb",
            "http://127.0.0.2/cb",
            "https://example.com/cb#frag",
            "https://user:pw@example.com/cb",
            "https:///nohost",
            "myapp:/cb",
            "/relative/cb",
            "https://exa mple.com/cb",
            "https://example.com\\@evil.com",
            ""})
    void refused(String uri) {
        assertFalse(RedirectUriPolicy.isAllowed(uri), uri);
    }

    @Test
    void exactMatchForHttps() {
        assertTrue(RedirectUriPolicy.matches("https://a.example/cb", "https://a.example/cb"));
        assertFalse(RedirectUriPolicy.matches("https://a.example/cb", "https://a.example/cb/"));
        assertFalse(RedirectUriPolicy.matches("https://a.example/cb", "https://a.example:8443/cb"));
        assertFalse(RedirectUriPolicy.matches("https://a.example/cb", "https://a.example/cb?x=1"));
    }

    @Test
    void loopbackAnyPort() {
        // RFC 8252 §7.3
        assertTrue(RedirectUriPolicy.matches("http://127.0.0.1/cb", "http://127.0.0.1:51004/cb"));
        assertTrue(RedirectUriPolicy.matches("http://localhost:3000/cb", "http://localhost:41111/cb"));
        assertTrue(RedirectUriPolicy.matches("http://[::1]/cb", "http://[::1]:41111/cb"));
        assertFalse(RedirectUriPolicy.matches("http://localhost:3000/cb", "http://localhost:41111/other"));
        assertFalse(RedirectUriPolicy.matches("http://localhost/cb", "http://127.0.0.1:41111/cb"));
        assertFalse(RedirectUriPolicy.matches("https://localhost/cb", "https://localhost:8443/cb"));
    }

    @Test
    void bareLoopbackRegistrationMatchesAnyPathOnThatHost() {
        assertTrue(RedirectUriPolicy.matches("http://localhost", "http://localhost:33418/oauth/callback"));
        assertFalse(RedirectUriPolicy.matches("http://localhost", "http://evil.example:33418/oauth/callback"));
        assertFalse(RedirectUriPolicy.matches("http://localhost", "http://localhost:1/cb#x"));
    }

    @Test
    void registeredDangerousUriNeverMatches() {
        assertFalse(RedirectUriPolicy.matches("javascript:alert(1)", "javascript:alert(1)"));
    }

    @Test
    void aListMustFitTheStoredColumn() {
        String uri = "https://a.example/" + "x".repeat(1900);
        assertTrue(RedirectUriPolicy.listProblem(java.util.List.of(uri, uri + "2")).isEmpty());
        assertTrue(RedirectUriPolicy.listProblem(java.util.List.of(uri, uri + "2", uri + "3")).isPresent());
        assertTrue(RedirectUriPolicy.listProblem(java.util.Collections.nCopies(11, "https://a.example/cb")).isPresent());
    }
}
