package org.trek.oauth.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.trek.platform.SecureRandoms;

class SuccessorSealTest {

    @Test
    void onlyTheOldRefreshTokenOpensTheSeal() {
        String old = "trekrf_" + SecureRandoms.token(256);
        String sealed = SuccessorSeal.seal(old, "trekoa_A", "trekrf_B");
        assertArrayEquals(new String[] {"trekoa_A", "trekrf_B"}, SuccessorSeal.open(old, sealed).orElseThrow());
        assertFalse(SuccessorSeal.open("trekrf_" + SecureRandoms.token(256), sealed).isPresent());
        // the stored hash of the old token is not the key
        assertFalse(SuccessorSeal.open(SecureRandoms.sha256Hex(old), sealed).isPresent());
        assertFalse(sealed.contains("trekoa_A"));
        assertTrue(SuccessorSeal.open(old, null).isEmpty());
    }
}
