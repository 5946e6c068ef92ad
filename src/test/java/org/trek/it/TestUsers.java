package org.trek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

/**
 * New non-admin users for the tests, made the way an admin makes them: through the Users screen. An admin-set
 * password must be changed at the first sign-in, so each user is created with a temporary password and then, signed
 * in once, chooses the given one on the change-password screen (as a person would): the tests sign in with it.
 */
public final class TestUsers {
    public static final String PASSWORD = "user-password-1";

    private TestUsers() {
    }

    /** A new user with {@link #PASSWORD}; returns the username. */
    public static String create(TrekServer server) {
        return create(server, PASSWORD);
    }

    /** A new user with this password; returns the username. */
    public static String create(TrekServer server, String password) {
        WebClient admin = new WebClient(server);
        assertEquals(302, admin.login(TrekServer.ADMIN_EMAIL, TrekServer.ADMIN_PASSWORD).statusCode());
        return create(admin, "u", password);
    }

    /** A new user made by an admin who is already signed in; the username starts with the prefix. */
    public static String create(WebClient signedInAdmin, String prefix, String password) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        signedInAdmin.get("/admin/users");
        String temporary = "temporary-" + password;
        HttpResponse<String> r = signedInAdmin.post("/admin/users", Map.of("action", "create", "username", name,
                "email", name + "@trek.test", "password", temporary, "role", "user"));
        assertEquals(302, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Location").orElse("").endsWith("/admin/users"),
                "created without a refusal: " + r.headers().firstValue("Location"));
        chooseOwnPassword(new WebClient(signedInAdmin.server()), name, temporary, password);
        return name;
    }

    /** Signs in with the admin-set password and replaces it on the change-password screen; answers the client. */
    public static WebClient chooseOwnPassword(WebClient web, String login, String adminSet, String own) {
        assertEquals(302, web.login(login, adminSet).statusCode());
        assertEquals(200, web.get("/settings/password").statusCode());
        HttpResponse<String> changed = web.post("/settings/password",
                Map.of("current", adminSet, "password", own, "confirm", own));
        assertEquals(302, changed.statusCode(), changed.body());
        String page = web.get("/settings/password").body();
        assertTrue(page.contains("Your password was changed."), () -> "password accepted: "
                + page.substring(Math.max(0, page.indexOf("field-error")), Math.min(page.length(), page.indexOf("field-error") + 300)));
        return web;
    }
}
