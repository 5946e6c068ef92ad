package org.trek.account;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.trek.platform.AppConfig;
import org.trek.platform.SecureRandoms;
import org.trek.platform.Startup;

/**
 * When no user exists: create the admin from ADMIN_EMAIL + ADMIN_PASSWORD, or else "admin" with a random password
 * that is printed once to the log (the only way to learn it). A generated password, or an ADMIN_PASSWORD that fails
 * the password policy (a warning in the log says why), must be changed at the first sign-in.
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
            String problem = users.createFirstAdmin(username, email.get(), password.get(), false);
            LOG.info(() -> "Created the first admin '" + username + "' <" + email.get() + "> from ADMIN_EMAIL/ADMIN_PASSWORD.");
            if (problem != null) {
                LOG.warning(() -> "ADMIN_PASSWORD does not meet the password policy (" + problem
                        + "); the admin must choose a new password at the first sign-in.");
            }
            return;
        }
        String generated = SecureRandoms.token(120);
        users.createFirstAdmin("admin", "admin@localhost", generated, true);
        LOG.warning("Created the first admin account 'admin' with the one-time password: " + generated
                + " (it is not shown again; sign in and choose your own password, which is asked for at once; or set"
                + " ADMIN_EMAIL and ADMIN_PASSWORD before the first start)");
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
