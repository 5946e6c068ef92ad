package org.trek.oauth.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of a Settings client's fields (create and edit), each refusal naming its field. */
class ClientRulesTest {

    private static String field(Runnable r) {
        return assertThrows(ClientException.class, r::run).field();
    }

    @Test
    void nameIsTrimmedRequiredAndAtMostAHundredCharacters() {
        assertEquals("Cursor", ClientRules.name("  Cursor "));
        assertEquals(ClientException.NAME, field(() -> ClientRules.name("   ")));
        assertEquals(ClientException.NAME, field(() -> ClientRules.name(null)));
        assertEquals(100, ClientRules.name("x".repeat(100)).length());
        assertEquals(ClientException.NAME, field(() -> ClientRules.name("x".repeat(101))));
    }

    @Test
    void aMachineClientMustBeConfidential() {
        ClientRules.type(true, true);
        ClientRules.type(false, false);
        assertEquals(ClientException.CLIENT_TYPE, field(() -> ClientRules.type(false, true)));
    }

    @Test
    void redirectUrisAreCleanedAndCheckedByThePolicy() {
        assertEquals(List.of("https://a.example/cb", "http://localhost"),
                ClientRules.redirectUris(Arrays.asList(" https://a.example/cb ", "", null, "https://a.example/cb", "http://localhost"), false));
        assertEquals(ClientException.REDIRECT_URIS, field(() -> ClientRules.redirectUris(List.of(" "), false)));
        assertEquals(List.of(), ClientRules.redirectUris(List.of(" "), true), "a machine client needs none");
        ClientException e = assertThrows(ClientException.class,
                () -> ClientRules.redirectUris(List.of("http://evil.example/cb"), true));
        assertEquals(ClientException.REDIRECT_URIS, e.field());
        assertTrue(e.getMessage().startsWith("Invalid redirect URI http://evil.example/cb"), e.getMessage());
        List<String> many = java.util.stream.IntStream.rangeClosed(0, RedirectUriPolicy.MAX_PER_CLIENT)
                .mapToObj(i -> "https://a.example/cb" + i).toList();
        assertEquals(ClientException.REDIRECT_URIS, field(() -> ClientRules.redirectUris(many, false)));
    }

    @Test
    void scopesAreKnownAndAtLeastOne() {
        assertEquals(List.of("trips:read", "places:read"), ClientRules.scopes(List.of("places:read", "trips:read")));
        assertEquals(ClientException.SCOPES, field(() -> ClientRules.scopes(List.of())));
        ClientException e = assertThrows(ClientException.class, () -> ClientRules.scopes(List.of("trips:read", "root")));
        assertEquals(ClientException.SCOPES, e.field());
        assertEquals("Invalid scopes: root", e.getMessage());
    }

    @Test
    void duplicateNamesIgnoreCaseAndExtraSpaces() {
        assertEquals(ClientRules.nameKey("my cursor"), ClientRules.nameKey("  My   Cursor "));
        assertFalse(ClientRules.nameKey("Cursor 2").equals(ClientRules.nameKey("Cursor")));
        assertEquals(ClientException.NAME, new ClientException.DuplicateName("Cursor").field());
    }

    @Test
    void aGrantExceedsTheClientWhenItHoldsAScopeNoLongerAllowed() {
        List<String> allowed = List.of("trips:read", "places:read");
        assertFalse(ClientRules.exceeds(List.of("trips:read"), allowed));
        assertFalse(ClientRules.exceeds(List.of("trips:read", "places:read"), allowed));
        assertTrue(ClientRules.exceeds(List.of("trips:read", "trips:write"), allowed));
        assertEquals(List.of("trips:write", "budget:read"),
                ClientRules.removed(List.of("trips:read", "trips:write", "budget:read"), allowed));
        assertEquals(List.of(), ClientRules.removed(List.of("trips:read"), allowed), "widening removes nothing");
    }
}
