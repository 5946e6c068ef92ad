package org.trek.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be (NIST SP 800-63B §5.1.1.2): long enough (PASSWORD_MIN_LENGTH, 12 by default, never
 * below 8), at most {@value #MAX_LENGTH} characters (any Unicode, spaces included; no composition rules), not a
 * common or breached password from the bundled list (also with digits or symbols only added around it, or built on
 * the service's name), not repetitive or sequential, and not the user's own username or e-mail address.
 *
 * <p>Each rule answers with a message fit to show at the password field; {@link #check} answers null when the
 * password is acceptable. The list (about 49,000 passwords, see common-passwords-NOTICE.txt) is loaded once.
 */
public final class PasswordPolicy {
    public static final int DEFAULT_MIN_LENGTH = 12;
    /** The lowest minimum PASSWORD_MIN_LENGTH may set (NIST's floor for a password chosen by its user). */
    public static final int LOWEST_MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 256;
    static final String LIST = "common-passwords.txt";
    private static final String SERVICE_NAME = "trek";

    private final int minLength;
    private final Set<String> common;

    public PasswordPolicy(int minLength, Set<String> common) {
        this.minLength = Math.min(MAX_LENGTH, Math.max(LOWEST_MIN_LENGTH, minLength));
        this.common = common;
    }

    /** The policy with the bundled list. */
    public static PasswordPolicy withBundledList(int minLength) {
        return new PasswordPolicy(minLength, BundledList.WORDS);
    }

    public int minLength() {
        return minLength;
    }

    /** A clear message when the password is not acceptable for this account, or null. */
    public String check(String password, String username, String email) {
        if (password == null || password.isEmpty()) {
            return "Enter a password of at least " + minLength + " characters.";
        }
        int length = password.codePointCount(0, password.length());
        if (length < minLength) {
            return "The password must be at least " + minLength + " characters long (this one has " + length + ").";
        }
        if (length > MAX_LENGTH) {
            return "The password must be at most " + MAX_LENGTH + " characters long.";
        }
        String lower = normalized(password);
        String compact = lettersAndDigits(lower);
        String mail = email == null ? "" : normalized(email);
        String local = lettersAndDigits(mail.contains("@") ? mail.substring(0, mail.indexOf('@')) : mail);
        if (!mail.isEmpty() && (lower.contains(mail) || (local.length() >= 3 && compact.contains(local)))) {
            return "The password must not contain your e-mail address.";
        }
        String name = lettersAndDigits(normalized(username));
        if (name.length() >= 3 && compact.contains(name)) {
            return "The password must not contain your username.";
        }
        if (isCommon(lower)) {
            return "This password is too common: it appears in lists of breached passwords. Choose another, for "
                    + "example a few unrelated words.";
        }
        if (isRepetitive(lower) || isSequential(lower)) {
            return "The password is too predictable (repeated or sequential characters). Choose another.";
        }
        return null;
    }

    /** In the list as it is, or once digits and symbols around a word are taken off, or the service's name is. */
    boolean isCommon(String lower) {
        if (common.contains(lower)) {
            return true;
        }
        String core = stripAround(lower);
        if (core.isEmpty() || common.contains(core)) {
            return true;
        }
        String withoutService = lower.replace(SERVICE_NAME, "");
        if (!withoutService.equals(lower)) {
            String rest = stripAround(withoutService);
            return rest.length() < 4 || common.contains(rest) || common.contains(withoutService);
        }
        return false;
    }

    /** Few distinct characters, or one short piece repeated ("abcabcabcabc"). */
    static boolean isRepetitive(String s) {
        int[] cps = s.codePoints().toArray();
        if (cps.length == 0 || java.util.Arrays.stream(cps).distinct().count() <= 3) {
            return true;
        }
        for (int period = 1; period <= cps.length / 2; period++) {
            if (cps.length % period != 0) {
                continue;
            }
            boolean repeats = true;
            for (int i = period; i < cps.length && repeats; i++) {
                repeats = cps[i] == cps[i - period];
            }
            if (repeats) {
                return true;
            }
        }
        return false;
    }

    /** One constant step all along ("123456789012", "abcdefghijkl", "zyxwvutsrqpo"). */
    static boolean isSequential(String s) {
        int[] cps = s.codePoints().toArray();
        if (cps.length < 3) {
            return false;
        }
        int step = cps[1] - cps[0];
        if (Math.abs(step) > 1) {
            return false;
        }
        for (int i = 2; i < cps.length; i++) {
            int d = cps[i] - cps[i - 1];
            if (d != step && !(cps[i - 1] == '9' && cps[i] == '0' && step == 1)) {
                return false;
            }
        }
        return true;
    }

    private static String stripAround(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && !Character.isLetter(s.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static String normalized(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static String lettersAndDigits(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** The bundled list, read once on first use. */
    private static final class BundledList {
        static final Set<String> WORDS = load();

        private static Set<String> load() {
            try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + LIST);
                }
                Set<String> words = new HashSet<>(65_536);
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        if (!line.isBlank()) {
                            words.add(line.strip());
                        }
                    }
                }
                return Set.copyOf(words);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
