package org.trek.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trek.platform.auth.ScopeCatalog;

class ScopePickerTest {

    @Test
    void tickedScopesAndGroupsAreUnitedInCatalogueOrder() {
        assertEquals(List.of("budget:read", "budget:write", "geo:read"),
                ScopePicker.selected(new String[] {"geo:read", "budget:read"}, new String[] {"budget"}, false));
    }

    @Test
    void selectAllTakesEveryScope() {
        assertEquals(ScopeCatalog.names(), ScopePicker.selected(null, null, true));
    }

    @Test
    void unknownNamesArePassedOnForTheServiceToReject() {
        assertEquals(List.of("trips:read", "nope"), ScopePicker.selected(new String[] {"nope", "trips:read"}, null, false));
    }

    @Test
    void presetsFollowTheReference() {
        assertEquals(13, ClientPreset.VSCODE.scopes().size());
        assertEquals(26, ClientPreset.CURSOR.scopes().size());
        assertEquals(List.of("http://localhost", "http://127.0.0.1"), ClientPreset.ZED.getRedirectUris());
        assertEquals("VS Code / Copilot", ClientPreset.byId("vscode").orElseThrow().getClientName());
    }
}
