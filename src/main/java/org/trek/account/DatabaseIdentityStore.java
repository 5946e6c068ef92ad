package org.trek.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.Set;

/**
 * Validates e-mail-or-username and password against the users table. The caller principal's name is the user id,
 * which never changes, so sessions survive renames and look-ups stay on the primary key.
 */
@ApplicationScoped
public class DatabaseIdentityStore implements IdentityStore {

    @Inject
    UserService users;

    @Inject
    PasswordHasher hasher;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        Optional<User> found = users.findByLogin(credential.getCaller());
        String password = credential.getPasswordAsString();
        if (found.isEmpty()) {
            hasher.verifyDummy(password);
            return CredentialValidationResult.INVALID_RESULT;
        }
        User user = found.get();
        if (!hasher.verify(password, user.getPasswordHash()) || user.isDisabled()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(new CallerPrincipal(String.valueOf(user.getId())), groupsOf(user));
    }

    /** The Jakarta Security groups of a user, as read now. */
    static Set<String> groupsOf(User user) {
        return user.isAdmin() ? Set.of(Role.USER_GROUP, Role.ADMIN_GROUP) : Set.of(Role.USER_GROUP);
    }
}
