package org.trek.trips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trek.it.TrekServer;
import org.trek.it.WebClient;

/** Admin → Permissions: admin-only, CSRF-protected, changes stick and are audited. */
class AdminPermissionsIT {

    @Test
    void adminChangesAPermissionAndTheChangeIsAudited() {
        TrekServer server = TrekServer.shared();
        WebClient anonymous = new WebClient(server);
        HttpResponse<String> redirect = anonymous.get("/admin/permissions");
        assertEquals(302, redirect.statusCode());
        assertTrue(redirect.headers().firstValue("Location").orElse("").contains("/login"));

        WebClient admin = new WebClient(server);
        admin.login(TrekServer.ADMIN_EMAIL, TrekServer.ADMIN_PASSWORD);
        HttpResponse<String> page = admin.get("/admin/permissions");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("share_manage"));
        assertTrue(page.body().contains("href=\"/admin/permissions\" class=\"active\""), "tab link");

        // Without the CSRF token the change is refused.
        HttpResponse<String> forged = admin.postRaw("/admin/permissions", Map.of("permission", "share_manage", "level", "member"), server.baseUrl());
        assertEquals(403, forged.statusCode());

        HttpResponse<String> saved = admin.post("/admin/permissions", Map.of("permission", "share_manage", "level", "member"));
        assertEquals(302, saved.statusCode());
        String after = admin.get("/admin/permissions").body();
        assertTrue(after.matches("(?s).*name=\"permission\" value=\"share_manage\".*?<option value=\"member\" selected>.*"), "member selected");

        HttpResponse<String> bad = admin.post("/admin/permissions", Map.of("permission", "trip_create", "level", "owner"));
        assertEquals(302, bad.statusCode());
        assertTrue(admin.get("/admin/permissions").body().contains("Unknown permission or level."));

        String audit = admin.get("/admin/audit?action=admin.permission_update").body();
        assertTrue(audit.contains("admin.permission_update"), "audited");
        admin.post("/admin/permissions", Map.of("permission", "share_manage", "level", "owner"));
    }
}
