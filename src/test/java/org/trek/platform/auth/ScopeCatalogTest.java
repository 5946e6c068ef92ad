package org.trek.platform.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeCatalogTest {

    @Test
    void has27ScopesIn13Groups() {
        assertEquals(27, ScopeCatalog.all().size());
        assertEquals(13, ScopeCatalog.groups().size());
        assertEquals("trips:read", ScopeCatalog.names().get(0));
        assertEquals("journey:share", ScopeCatalog.names().get(26));
    }

    @Test
    void presetsHaveTheDocumentedSizes() {
        assertEquals(13, ScopeCatalog.readOnly().size());
        assertEquals(26, ScopeCatalog.allButDelete().size());
        assertFalse(ScopeCatalog.allButDelete().contains("trips:delete"));
    }

    @Test
    void tripsReadIsImpliedByAnyTripsScope() {
        for (String s : List.of("trips:read", "trips:write", "trips:delete", "trips:share")) {
            assertTrue(ScopeCatalog.allows(Set.of(s), "trips:read"), s);
        }
    }

    @Test
    void groupReadIsImpliedByWriteOnly() {
        assertTrue(ScopeCatalog.allows(Set.of("budget:write"), "budget:read"));
        assertFalse(ScopeCatalog.allows(Set.of("budget:read"), "budget:write"));
        assertFalse(ScopeCatalog.allows(Set.of("journey:share"), "journey:read"));
        assertFalse(ScopeCatalog.allows(Set.of("trips:write"), "trips:delete"));
        assertFalse(ScopeCatalog.allows(Set.of("trips:write"), "trips:share"));
        assertFalse(ScopeCatalog.allows(Set.of("weather:read"), "trips:read"));
    }

    @Test
    void nullMeansFullAccess() {
        assertTrue(ScopeCatalog.allows(null, "trips:delete"));
    }

    @Test
    void parseKeepsCatalogueOrderAndSeparatesUnknownScopes() {
        ScopeCatalog.Parsed p = ScopeCatalog.parse(" places:read  trips:read admin:all ");
        assertEquals(List.of("trips:read", "places:read"), p.known());
        assertEquals(List.of("admin:all"), p.unknown());
    }
}
