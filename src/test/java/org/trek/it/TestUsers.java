package org.trek.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

/** New non-admin users for the tests, made the way an admin makes them: through the Users screen. */
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
        HttpResponse<String> r = signedInAdmin.post("/admin/users", Map.of("action", "create", "username", name,
                "email", name + "@trek.test", "password", password, "role", "user"));
        assertEquals(302, r.statusCode(), r.body());
        return name;
    }
}
