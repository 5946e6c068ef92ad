package org.trek.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.trek.platform.AppConfig;

/**
 * Password hashing with the container's PBKDF2 implementation (Jakarta Security). PBKDF2-HMAC-SHA512 with
 * 210,000 iterations is OWASP's current recommendation; the iteration count is stored in each hash, so raising
 * PASSWORD_HASH_ITERATIONS later keeps old hashes verifiable.
 */
@ApplicationScoped
public class PasswordHasher {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @Inject
    AppConfig config;

    private String dummyHash;

    @PostConstruct
    void init() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(Math.max(10_000, config.getInt("PASSWORD_HASH_ITERATIONS", 210_000))),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        dummyHash = pbkdf2.generate("not-a-real-password".toCharArray());
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    public boolean verify(String password, String storedHash) {
        return pbkdf2.verify(password.toCharArray(), storedHash);
    }

    /** Spends the same time as a real check, so unknown accounts cannot be told apart by timing. */
    public void verifyDummy(String password) {
        pbkdf2.verify(password.toCharArray(), dummyHash);
    }
}
