package org.trek.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/admin/users", "/oauth/authorize?client_id=a&redirect_uri=http%3A%2F%2F127.0.0.1%3A3334%2Fcb&state=x",
            "/settings/tokens#top"})
    void acceptsSameOriginPaths(String next) {
        assertTrue(ReturnPath.isSafe(next), next);
        assertEquals(next, ReturnPath.safe(next));
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "https://evil.example/", "http:/evil", "/\\evil.example", "\\\\evil",
            "javascript:alert(1)", "evil.example", "/a\r\nSet-Cookie:x", "/a\nb", "/a\tb", ""})
    void refusesEverythingElse(String next) {
        assertFalse(ReturnPath.isSafe(next), next);
        assertEquals("/", ReturnPath.safe(next));
    }

    @Test
    void nullFallsBackToHome() {
        assertEquals("/", ReturnPath.safe(null));
    }

    @Test
    void firstAdminUsernameComesFromTheEmailLocalPart() {
        assertEquals("alice.b", FirstAdmin.usernameFrom("alice.b@example.com"));
        assertEquals("admin", FirstAdmin.usernameFrom("@example.com"));
        assertEquals("joe", FirstAdmin.usernameFrom("j+o!e@example.com").replace("+", ""));
    }
}
