package org.trek.platform.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.trek.platform.AppConfig;

/**
 * Encryption at rest for secrets the server must read back (a TOTP key cannot be hashed: every check needs the key
 * itself). AES-256-GCM ({@link Aead}); the caller's context (e.g. "totp:42") is bound as
 * associated data, so a sealed value copied into another user's row does not open. Stored as {@code v1:<base64url>}.
 * <p>
 * The key: {@code TREK_ENCRYPTION_KEY} (32 bytes, base64), the same on every node; without it, a key generated once
 * into {@code TREK_DATA_DIR/encryption.key} (owner-only). A database dump alone therefore does not reveal the secrets.
 */
@ApplicationScoped
public class SecretBox {
    private static final Logger LOG = Logger.getLogger(SecretBox.class.getName());
    static final String PREFIX = "v1:";
    static final String SETTING = "TREK_ENCRYPTION_KEY";
    static final String KEY_FILE = "encryption.key";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A sealed value that does not open: wrong key (another node's, a lost key file) or a changed value. */
    public static class SealBrokenException extends RuntimeException {
        SealBrokenException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Inject
    AppConfig config;

    private volatile SecretKey key;

    public SecretBox() {
    }

    /** For unit tests: a box with this key. */
    SecretBox(byte[] rawKey) {
        this.key = new SecretKeySpec(rawKey, "AES");
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    public String seal(String plaintext, String context) {
        byte[] sealed = Aead.seal(key(), context.getBytes(StandardCharsets.UTF_8), plaintext.getBytes(StandardCharsets.UTF_8));
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    /** The plaintext of a sealed value; a value stored before sealing existed (no prefix) is answered as it is. */
    public String open(String stored, String context) {
        if (!isSealed(stored)) {
            return stored;
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(stored.substring(PREFIX.length()));
            return new String(Aead.open(key(), context.getBytes(StandardCharsets.UTF_8), in), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SealBrokenException("A sealed secret (" + context + ") does not open with this server's key: "
                    + SETTING + " differs from the key it was sealed with, or " + KEY_FILE + " was replaced", e);
        }
    }

    private SecretKey key() {
        SecretKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(loadKey(), "AES");
                }
                k = key;
            }
        }
        return k;
    }

    private byte[] loadKey() {
        String configured = config.get(SETTING).orElse(null);
        if (configured != null) {
            return parse(configured, SETTING);
        }
        Path file = config.dataDir().resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Files.createDirectories(file.getParent());
                try {
                    Path created = Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(created, Base64.getEncoder().encodeToString(fresh) + "\n");
                    LOG.info(() -> "Generated the encryption key for secrets at rest in " + file + " (keep it with the "
                            + "database's backups; several nodes on one database must share " + SETTING + " instead)");
                    return fresh;
                } catch (FileAlreadyExistsException raced) {
                    // another deployment on the same data directory wrote it first: use that one
                } catch (UnsupportedOperationException noPosix) {
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
                    return fresh;
                }
            }
            return parse(Files.readString(file).trim(), file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create " + file + "; set " + SETTING, e);
        }
    }

    static byte[] parse(String value, String source) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(value.trim().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            raw = new byte[0];
        }
        if (raw.length != 32) {
            throw new IllegalStateException(source + " must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`)");
        }
        return raw;
    }
}
