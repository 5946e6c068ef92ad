package org.trek.account.twofactor;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.codec.binary.Base32;
import org.trek.platform.SecureRandoms;

/**
 * Recovery codes: {@link #COUNT} codes of 80 random bits each, written as four groups of four Base32 characters
 * (e.g. {@code k7qa-2m4x-pd9r-...}). Only their SHA-256 is stored; a fast hash is enough for random values of that
 * size. Input is forgiving: case, spaces and dashes do not matter.
 */
public final class RecoveryCodes {
    public static final int COUNT = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LENGTH = 16;

    private RecoveryCodes() {
    }

    public static List<String> generate() {
        List<String> codes = new ArrayList<>(COUNT);
        Base32 base32 = new Base32();
        for (int i = 0; i < COUNT; i++) {
            byte[] bytes = new byte[10];
            RANDOM.nextBytes(bytes);
            String raw = base32.encodeAsString(bytes).toLowerCase(Locale.ROOT);
            codes.add(raw.substring(0, 4) + "-" + raw.substring(4, 8) + "-" + raw.substring(8, 12) + "-" + raw.substring(12, 16));
        }
        return codes;
    }

    /** The code as stored before hashing (lower case, no separators), or null when it cannot be a recovery code. */
    public static String normalize(String input) {
        if (input == null || input.length() > 64) {
            return null;
        }
        String s = input.toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "").trim();
        if (s.length() != LENGTH) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7'))) {
                return null;
            }
        }
        return s;
    }

    /** What is stored for a code: SHA-256 hex of its normalized form; null when the input is no recovery code. */
    public static String hash(String input) {
        String normalized = normalize(input);
        return normalized == null ? null : SecureRandoms.sha256Hex(normalized);
    }
}
