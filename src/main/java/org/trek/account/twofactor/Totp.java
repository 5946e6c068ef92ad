package org.trek.account.twofactor;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA1, 6 digits, 30-second steps,
 * a 160-bit key shown in Base32. The codes come from java-otp; this class adds the checks TREK needs: a code of the
 * step before or after is accepted (clock drift), and only a step later than the last accepted one (no replay).
 */
public final class Totp {
    public static final Duration STEP = Duration.ofSeconds(30);
    public static final int DIGITS = 6;
    /** Steps accepted either side of the current one. */
    static final int DRIFT = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    /** A new random 160-bit key in Base32 without padding (32 characters), as apps expect it. */
    public static String newSecret() {
        byte[] key = new byte[20];
        RANDOM.nextBytes(key);
        return new Base32().encodeAsString(key).replace("=", "");
    }

    /** The time step of an instant. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.getSeconds());
    }

    /** The code of a step, six digits with leading zeros. */
    public static String codeAt(String secret, long step) {
        TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, DIGITS);
        try {
            int code = generator.generateOneTimePassword(key(secret, generator.getAlgorithm()),
                    Instant.ofEpochSecond(step * STEP.getSeconds()));
            return String.format(Locale.ROOT, "%0" + DIGITS + "d", code);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The step a code belongs to, when it is the code of the current step or of one within {@link #DRIFT} of it and
     * that step is later than {@code lastUsedStep}; otherwise -1. Every candidate is compared (constant time), so
     * the answer's timing does not tell which one matched.
     */
    public static long matchingStep(String secret, String code, Instant now, long lastUsedStep) {
        String given = normalize(code);
        if (given == null || secret == null || secret.isEmpty()) {
            return -1;
        }
        long current = step(now);
        long found = -1;
        for (long s = current - DRIFT; s <= current + DRIFT; s++) {
            boolean equal = MessageDigest.isEqual(codeAt(secret, s).getBytes(StandardCharsets.US_ASCII),
                    given.getBytes(StandardCharsets.US_ASCII));
            if (equal && s > lastUsedStep) {
                found = s;
            }
        }
        return found;
    }

    /** The digits of a code as typed (spaces allowed), or null when it is not six digits. */
    static String normalize(String code) {
        if (code == null) {
            return null;
        }
        String digits = code.replace(" ", "").trim();
        return digits.length() == DIGITS && digits.chars().allMatch(c -> c >= '0' && c <= '9') ? digits : null;
    }

    /** Whether an input looks like a TOTP code (rather than a recovery code). */
    public static boolean looksLikeCode(String input) {
        return normalize(input) != null;
    }

    /** The otpauth:// URI an authenticator app reads from the QR code (Key Uri Format). */
    public static String otpauthUri(String issuer, String account, String secret) {
        String label = enc(issuer) + ":" + enc(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + enc(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.getSeconds();
    }

    /** The secret in groups of four characters, easier to type by hand. */
    public static String grouped(String secret) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < secret.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(secret, i, Math.min(secret.length(), i + 4));
        }
        return out.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static SecretKeySpec key(String secret, String algorithm) {
        return new SecretKeySpec(new Base32().decode(secret.toUpperCase(Locale.ROOT)), algorithm);
    }
}
