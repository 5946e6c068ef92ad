package org.trek.account;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.trek.audit.Actor;
import org.trek.platform.AppConfig;
import org.trek.platform.SecureRandoms;
import org.trek.platform.Startup;

/**
 * When no user exists: create the admin from ADMIN_EMAIL + ADMIN_PASSWORD, or else "admin" with a random password
 * that is printed once to the log (the only way to learn it; change it after signing in).
 */
@ApplicationScoped
public class FirstAdmin {
    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    @Inject
    UserService users;

    @Inject
    AppConfig config;

    void onStart(@Observes @Priority(10) Startup.DatabaseReady ready) {
        if (users.count() > 0) {
            return;
        }
        var email = config.get("ADMIN_EMAIL");
        var password = config.get("ADMIN_PASSWORD");
        if (email.isPresent() && password.isPresent()) {
            String username = usernameFrom(email.get());
            users.create(Actor.system(), username, email.get(), password.get(), Role.ADMIN);
            LOG.info(() -> "Created the first admin '" + username + "' <" + email.get() + "> from ADMIN_EMAIL/ADMIN_PASSWORD.");
            return;
        }
        String generated = SecureRandoms.token(120);
        users.create(Actor.system(), "admin", "admin@localhost", generated, Role.ADMIN);
        LOG.warning("Created the first admin account 'admin' with the one-time password: " + generated
                + " (it is not shown again; sign in and change it, or set ADMIN_EMAIL and ADMIN_PASSWORD before the first start)");
    }

    /** The e-mail's local part, made into a valid username. */
    static String usernameFrom(String email) {
        String local = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
        String cleaned = local.replaceAll("[^A-Za-z0-9._-]", "");
        if (cleaned.length() < 2) {
            cleaned = "admin";
        }
        return cleaned.length() > 50 ? cleaned.substring(0, 50) : cleaned;
    }
}
