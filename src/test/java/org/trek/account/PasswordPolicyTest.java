package org.trek.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {
    private static final PasswordPolicy POLICY = PasswordPolicy.withBundledList(PasswordPolicy.DEFAULT_MIN_LENGTH);

    private static String check(String password) {
        return POLICY.check(password, "alice", "alice.smith@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery staple", "user-password-1", "admin-password-1", "Tr0ub4dor&3xyz",
            "sept lamas bleus", "ünïcødé wörds here", "grüne Äpfel und Birnen"})
    void acceptsLongUncommonPasswords(String password) {
        assertNull(check(password), password);
    }

    @Test
    void theMinimumIsTwelveByDefaultAndCountsCharactersNotBytes() {
        assertEquals(12, POLICY.minLength());
        assertTrue(check("short-pw-1").contains("at least 12 characters"), check("short-pw-1"));
        assertTrue(check("kurz-pw-äöü").contains("at least 12"), "11 characters, more bytes");
        assertNull(check("kurz-pw-äöüx"), "12 characters");
        assertNotNull(check(""));
        assertNotNull(check(null));
    }

    @Test
    void theMinimumIsConfigurableButNeverBelowEight() {
        assertEquals(16, PasswordPolicy.withBundledList(16).minLength());
        assertEquals(8, PasswordPolicy.withBundledList(4).minLength());
        assertNotNull(PasswordPolicy.withBundledList(16).check("fifteen-chars-x", "bob", "bob@example.com"));
        assertNull(PasswordPolicy.withBundledList(8).check("blue-kayak", "bob", "bob@example.com"));
    }

    @Test
    void acceptsAtLeastSixtyFourCharactersAndRefusesBeyondTheMaximum() {
        String sixtyFour = "plenty of words in a long passphrase that nobody would ever guess";
        assertTrue(sixtyFour.length() >= 64);
        assertNull(check(sixtyFour));
        assertNull(check(("a long passphrase " + "x".repeat(300)).substring(0, 256)));
        assertTrue(check("a long passphrase " + "x".repeat(300)).contains("at most 256"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "PASSWORD1234", "passwordpassword", "123456789012", "qwertyuiop123",
            "iloveyou12345", "!!monkey2024!!", "baseball1234", "trek-password", "trek12345678", "Password1234!"})
    void refusesCommonAndBreachedPasswordsAndTheirObviousVariants(String password) {
        String message = check(password);
        assertNotNull(message, password);
        assertTrue(message.contains("too common") || message.contains("predictable"), password + ": " + message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaaaaaa", "abcabcabcabc", "abcdefghijklmn", "zyxwvutsrqpon", "111122223333"})
    void refusesRepetitiveAndSequentialPasswords(String password) {
        assertNotNull(check(password), password);
    }

    @Test
    void refusesTheUsernameAndTheEmailAddressAndTheirVariants() {
        assertEquals("The password must not contain your username.", check("alice-in-the-garden"));
        assertEquals("The password must not contain your username.", check("A.L.I.C.E.rocks-2024"));
        assertEquals("The password must not contain your e-mail address.", check("alice.smith@example.com"));
        assertEquals("The password must not contain your e-mail address.", check("ALICESMITH-forever"));
        // a two-letter username is not looked for: it would refuse too much
        assertNull(POLICY.check("just another long one", "st", "st@example.com"));
    }

    @Test
    void theBundledListIsLoadedAndLowerCased() {
        PasswordPolicy own = new PasswordPolicy(12, Set.of("sesame open up"));
        assertNotNull(own.check("Sesame Open Up", "bob", "bob@example.com"), "compared lower-cased");
        assertNull(own.check("sesame open down", "bob", "bob@example.com"));
        assertTrue(POLICY.isCommon("dragon"), "the bundled list has the classics");
        assertTrue(POLICY.isCommon("letmein"));
    }
}
