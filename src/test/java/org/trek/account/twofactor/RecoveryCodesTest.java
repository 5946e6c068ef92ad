package org.trek.account.twofactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryCodesTest {

    @Test
    void tenDistinctCodesOfFourGroups() {
        List<String> codes = RecoveryCodes.generate();
        assertEquals(10, codes.size());
        assertEquals(10, new HashSet<>(codes).size());
        for (String c : codes) {
            assertTrue(c.matches("[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}"), c);
        }
    }

    @Test
    void storedAsSha256OfTheNormalizedCodeAndForgivingOnInput() {
        String code = RecoveryCodes.generate().get(0);
        String hash = RecoveryCodes.hash(code);
        assertEquals(64, hash.length());
        assertTrue(!hash.contains(code.replace("-", "")), "the code itself is not stored");
        assertEquals(hash, RecoveryCodes.hash(code.toUpperCase().replace("-", " ")));
        assertEquals(hash, RecoveryCodes.hash(" " + code.replace("-", "") + " "));
        assertNotEquals(hash, RecoveryCodes.hash(RecoveryCodes.generate().get(0)));
    }

    @Test
    void anythingElseIsNoRecoveryCode() {
        assertNull(RecoveryCodes.hash("123456"));
        assertNull(RecoveryCodes.hash("abcd-efgh-ijkl-mno"));
        assertNull(RecoveryCodes.hash("abcd-efgh-ijkl-mno1"), "1 is not in the Base32 alphabet");
        assertNull(RecoveryCodes.hash(null));
        assertNull(RecoveryCodes.hash("x".repeat(100)));
    }
}
