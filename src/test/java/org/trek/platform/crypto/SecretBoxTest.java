package org.trek.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
    private static byte[] key(int fill) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) fill);
        return k;
    }

    @Test
    void sealsAndOpensWithTheSameKeyAndContext() {
        SecretBox box = new SecretBox(key(1));
        String sealed = box.seal("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "totp:7");
        assertTrue(SecretBox.isSealed(sealed));
        assertFalse(sealed.contains("JBSWY3DP"), "the key is not readable in the stored value");
        assertTrue(sealed.length() <= 255, "fits the column: " + sealed.length());
        assertEquals("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", box.open(sealed, "totp:7"));
        assertNotEquals(sealed, box.seal("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "totp:7"), "a fresh nonce each time");
    }

    @Test
    void aValueMovedToAnotherUserOrOpenedWithAnotherKeyDoesNotOpen() {
        SecretBox box = new SecretBox(key(1));
        String sealed = box.seal("SECRET", "totp:7");
        assertThrows(SecretBox.SealBrokenException.class, () -> box.open(sealed, "totp:8"));
        assertThrows(SecretBox.SealBrokenException.class, () -> new SecretBox(key(2)).open(sealed, "totp:7"));
        String tampered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");
        assertThrows(SecretBox.SealBrokenException.class, () -> box.open(tampered, "totp:7"));
    }

    @Test
    void aValueStoredBeforeSealingIsAnsweredAsItIs() {
        assertEquals("JBSWY3DPEHPK3PXP", new SecretBox(key(1)).open("JBSWY3DPEHPK3PXP", "totp:7"));
    }

    @Test
    void theConfiguredKeyMustBe32BytesOfBase64() {
        byte[] raw = key(3);
        assertEquals(32, SecretBox.parse(Base64.getEncoder().encodeToString(raw), "k").length);
        assertEquals(32, SecretBox.parse(Base64.getUrlEncoder().withoutPadding().encodeToString(raw), "k").length);
        assertThrows(IllegalStateException.class, () -> SecretBox.parse("too-short", "k"));
        assertThrows(IllegalStateException.class, () -> SecretBox.parse(Base64.getEncoder().encodeToString(new byte[16]), "k"));
    }
}
