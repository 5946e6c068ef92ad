package org.trek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Admin screens: users, addons, audit log; and that non-admins cannot use them. */
class AdminIT {

    private final TrekServer server = TrekServer.shared();

    private WebClient admin() {
        WebClient web = new WebClient(server);
        assertEquals(302, web.login(TrekServer.ADMIN_EMAIL, TrekServer.ADMIN_PASSWORD).statusCode());
        return web;
    }

    static long userId(String usersPage, String username) {
        Matcher m = Pattern.compile("<td>" + Pattern.quote(username) + "</td>.*?name=\"id\" value=\"(\\d+)\"", Pattern.DOTALL)
                .matcher(usersPage);
        assertTrue(m.find(), "user row for " + username);
        return Long.parseLong(m.group(1));
    }

    @Test
    void nonAdminsGet403OnEveryAdminPage() {
        String name = TestUsers.create(server);
        WebClient user = new WebClient(server);
        assertEquals(302, user.login(name, "user-password-1").statusCode());
        for (String page : new String[] {"/admin/users", "/admin/addons", "/admin/audit"}) {
            assertEquals(403, user.get(page).statusCode(), page);
        }
        user.get("/");
        assertEquals(403, user.post("/admin/addons", Map.of("addon", "journey", "enabled", "true")).statusCode());
        assertEquals(403, user.post("/admin/users", Map.of("action", "role", "id", "1", "role", "admin")).statusCode());
    }

    @Test
    void userDataIsEscapedOnTheUsersPage() {
        WebClient web = admin();
        web.get("/admin/users");
        web.post("/admin/users", Map.of("action", "create", "username", "x<script>", "email", "x@trek.test",
                "password", "user-password-1", "role", "user"));
        HttpResponse<String> page = web.get("/admin/users");
        assertFalse(page.body().contains("x<script>"));
    }

    @Test
    void createDisableAndResetPasswordCloseTheUsersSessions() {
        WebClient web = admin();
        String name = TestUsers.create(server);
        long id = userId(web.get("/admin/users").body(), name);

        WebClient user = new WebClient(server);
        assertEquals(302, user.login(name, "user-password-1").statusCode());
        assertEquals(200, user.get("/").statusCode());

        web.get("/admin/users");
        assertEquals(302, web.post("/admin/users", Map.of("action", "reset-password", "id", String.valueOf(id),
                "password", "new-password-2")).statusCode());
        assertTrue(LoginIT.location(user.get("/")).contains("/login"), "old session closed after reset");
        assertEquals(401, new WebClient(server).login(name, "user-password-1").statusCode());
        WebClient again = new WebClient(server);
        assertEquals(302, again.login(name, "new-password-2").statusCode());

        web.get("/admin/users");
        web.post("/admin/users", Map.of("action", "disable", "id", String.valueOf(id)));
        assertTrue(LoginIT.location(again.get("/")).contains("/login"), "session closed after disable");
        assertEquals(401, new WebClient(server).login(name, "new-password-2").statusCode());

        web.get("/admin/users");
        web.post("/admin/users", Map.of("action", "enable", "id", String.valueOf(id)));
        assertEquals(302, new WebClient(server).login(name, "new-password-2").statusCode());
    }

    @Test
    void adminCannotLockThemselvesOut() {
        WebClient web = admin();
        long self = userId(web.get("/admin/users").body(), TrekServer.ADMIN_USERNAME);
        web.post("/admin/users", Map.of("action", "disable", "id", String.valueOf(self)));
        HttpResponse<String> page = web.get("/admin/users");
        assertTrue(page.body().contains("You cannot disable your own account."), "clear message");
        web.post("/admin/users", Map.of("action", "role", "id", String.valueOf(self), "role", "user"));
        assertTrue(web.get("/admin/users").body().contains("You cannot remove your own admin role."));
    }

    @Test
    void promotedUserGetsTheAdminPages() {
        WebClient web = admin();
        String name = TestUsers.create(server);
        long id = userId(web.get("/admin/users").body(), name);
        web.post("/admin/users", Map.of("action", "role", "id", String.valueOf(id), "role", "admin"));
        WebClient user = new WebClient(server);
        user.login(name, "user-password-1");
        assertEquals(200, user.get("/admin/users").statusCode());
    }

    @Test
    void toggleAddonWritesAnAuditRecordVisibleWithFilters() {
        WebClient web = admin();
        assertTrue(web.get("/admin/addons").body().contains("Journey"));
        assertEquals(302, web.post("/admin/addons", Map.of("addon", "journey", "enabled", "true")).statusCode());
        assertTrue(web.get("/admin/addons").body().contains("Journey enabled."));
        web.post("/admin/addons", Map.of("addon", "journey", "enabled", "false"));

        HttpResponse<String> audit = web.get("/admin/audit?action=admin.addon_update&user=" + TrekServer.ADMIN_USERNAME);
        assertEquals(200, audit.statusCode());
        assertTrue(audit.body().contains("<td>journey</td>"), "target column");
        assertTrue(audit.body().contains("<li>enabled: yes</li>"), "details as key: value");
        assertFalse(audit.body().contains("<code>auth.login</code>"), "action filter applied");

        HttpResponse<String> none = web.get("/admin/audit?action=admin.addon_update&from=2001-01-01&to=2001-01-02");
        assertTrue(none.body().contains("No audit records match."));

        HttpResponse<String> unknown = web.post("/admin/addons", Map.of("addon", "nope", "enabled", "true"));
        assertEquals(302, unknown.statusCode());
        assertTrue(web.get("/admin/addons").body().contains("Unknown addon."));
    }

    @Test
    void auditLogPages() {
        WebClient web = admin();
        for (int i = 0; i < 3; i++) {
            admin();
        }
        HttpResponse<String> first = web.get("/admin/audit?action=auth.login");
        assertTrue(first.body().contains("Page 1"));
        // 50 rows a page: after enough logins there is an "Older" link, and page 2 renders
        for (int i = 0; i < 50; i++) {
            new WebClient(server).login(TrekServer.ADMIN_EMAIL, TrekServer.ADMIN_PASSWORD);
        }
        HttpResponse<String> again = web.get("/admin/audit?action=auth.login");
        assertTrue(again.body().contains("rel=\"next\""), "older page link");
        HttpResponse<String> second = web.get("/admin/audit?action=auth.login&page=1");
        assertTrue(second.body().contains("Page 2") && second.body().contains("rel=\"prev\""));
        // a page far past the end (page × 50 would overflow an int) is an empty page, not a 500
        HttpResponse<String> far = web.get("/admin/audit?page=50000000");
        assertEquals(200, far.statusCode());
        assertTrue(far.body().contains("No audit records match."));
    }

    @Test
    void auditCsvExportStreamsTheFilteredViewAndIsAdminOnly() {
        WebClient web = admin();
        web.get("/admin/addons");
        web.post("/admin/addons", Map.of("addon", "vacay", "enabled", "false"));
        web.post("/admin/addons", Map.of("addon", "vacay", "enabled", "true"));
        HttpResponse<String> csv = web.get("/admin/audit/export.csv?action=admin.addon_update");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        String[] lines = csv.body().split("\r\n");
        assertEquals("id,time_utc,user_id,username,client,action,target,ip,details", lines[0]);
        assertTrue(lines.length >= 3, "the two toggles");
        for (int i = 1; i < lines.length; i++) {
            assertTrue(lines[i].contains(",admin.addon_update,"), lines[i]);
        }
        assertTrue(csv.body().contains(",enabled: no\r\n"), "details as key: value, as on the page");
        assertTrue(web.get("/admin/audit").body().contains("export.csv"), "export link on the page");

        String name = TestUsers.create(server);
        WebClient user = new WebClient(server);
        user.login(name, "user-password-1");
        assertEquals(403, user.get("/admin/audit/export.csv").statusCode());
    }
}
