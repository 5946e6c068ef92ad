package org.trek.oauth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trek.oauth.OAuthException;

class ClientCredentialsTest {

    private static String basic(String id, String secret) {
        String raw = URLEncoder.encode(id, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicDecodesFormEncodedParts() {
        ClientCredentials c = ClientCredentials.parse(basic("my client", "s:e+c/r%t"), Map.of());
        assertEquals("my client", c.clientId());
        assertEquals("s:e+c/r%t", c.secret());
        assertEquals("client_secret_basic", c.method());
    }

    @Test
    void postAndNone() {
        ClientCredentials post = ClientCredentials.parse(null, Map.of("client_id", List.of("c1"), "client_secret", List.of("s")));
        assertEquals("client_secret_post", post.method());
        ClientCredentials none = ClientCredentials.parse(null, Map.of("client_id", List.of("c1")));
        assertEquals("none", none.method());
        assertNull(none.secret());
    }

    @Test
    void twoMethodsAtOnceAreRefused() {
        OAuthException e = assertThrows(OAuthException.class, () ->
                ClientCredentials.parse(basic("c1", "s"), Map.of("client_secret", List.of("s"))));
        assertEquals("invalid_request", e.error());
        OAuthException mismatch = assertThrows(OAuthException.class, () ->
                ClientCredentials.parse(basic("c1", "s"), Map.of("client_id", List.of("c2"))));
        assertEquals("invalid_request", mismatch.error());
    }

    @Test
    void malformedBasicIsInvalidClient() {
        assertEquals("invalid_client", assertThrows(OAuthException.class,
                () -> ClientCredentials.parse("Basic !!!", Map.of())).error());
        assertEquals("invalid_client", assertThrows(OAuthException.class,
                () -> ClientCredentials.parse("Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes()), Map.of())).error());
    }

    @Test
    void missingClientIdAndRepeatedParameters() {
        assertEquals("invalid_request", assertThrows(OAuthException.class,
                () -> ClientCredentials.parse(null, Map.of())).error());
        assertEquals("invalid_request", assertThrows(OAuthException.class,
                () -> ClientCredentials.parse(null, Map.of("client_id", List.of("a", "b")))).error());
    }
}
