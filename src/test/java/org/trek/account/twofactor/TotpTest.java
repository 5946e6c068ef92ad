package org.trek.account.twofactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

/** TOTP codes and their checks at fixed instants (RFC 6238 appendix B vectors for SHA-1, last six digits). */
class TotpTest {
    /** The RFC's SHA-1 key "12345678901234567890" in Base32. */
    static final String RFC_KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void codesMatchTheRfcVectors() {
        assertEquals("287082", Totp.codeAt(RFC_KEY, Totp.step(Instant.ofEpochSecond(59))));
        assertEquals("081804", Totp.codeAt(RFC_KEY, Totp.step(Instant.ofEpochSecond(1111111109))));
        assertEquals("050471", Totp.codeAt(RFC_KEY, Totp.step(Instant.ofEpochSecond(1111111111))));
        assertEquals("005924", Totp.codeAt(RFC_KEY, Totp.step(Instant.ofEpochSecond(1234567890))));
        assertEquals("279037", Totp.codeAt(RFC_KEY, Totp.step(Instant.ofEpochSecond(2000000000))));
    }

    @Test
    void theCurrentCodeAndOneStepEitherSideAreAcceptedNothingFurther() {
        Instant now = Instant.ofEpochSecond(1234567890);
        long step = Totp.step(now);
        assertEquals(step, Totp.matchingStep(RFC_KEY, Totp.codeAt(RFC_KEY, step), now, -1));
        assertEquals(step - 1, Totp.matchingStep(RFC_KEY, Totp.codeAt(RFC_KEY, step - 1), now, -1));
        assertEquals(step + 1, Totp.matchingStep(RFC_KEY, Totp.codeAt(RFC_KEY, step + 1), now, -1));
        assertEquals(-1, Totp.matchingStep(RFC_KEY, Totp.codeAt(RFC_KEY, step - 2), now, -1));
        assertEquals(-1, Totp.matchingStep(RFC_KEY, Totp.codeAt(RFC_KEY, step + 2), now, -1));
        assertEquals(-1, Totp.matchingStep(RFC_KEY, "000000".equals(Totp.codeAt(RFC_KEY, step)) ? "111111" : "000000", now, -1));
    }

    @Test
    void aCodeOfTheLastAcceptedStepOrAnEarlierOneIsAReplay() {
        Instant now = Instant.ofEpochSecond(2000000000);
        long step = Totp.step(now);
        String code = Totp.codeAt(RFC_KEY, step);
        long used = Totp.matchingStep(RFC_KEY, code, now, -1);
        assertEquals(step, used);
        assertEquals(-1, Totp.matchingStep(RFC_KEY, code, now, used), "the same code again");
        assertEquals(-1, Totp.matchingStep(RFC_KEY, code, now.plusSeconds(20), used), "still within its window");
        assertEquals(-1, Totp.matchingStep(RFC_KEY, Totp.codeAt(RFC_KEY, step - 1), now, used), "an older code");
        assertEquals(step + 1, Totp.matchingStep(RFC_KEY, Totp.codeAt(RFC_KEY, step + 1), now.plusSeconds(30), used),
                "the next step's code works");
    }

    @Test
    void inputIsSixDigitsSpacesAllowed() {
        Instant now = Instant.ofEpochSecond(59);
        assertEquals(1, Totp.matchingStep(RFC_KEY, "287 082", now, -1));
        assertEquals(-1, Totp.matchingStep(RFC_KEY, "28708", now, -1));
        assertEquals(-1, Totp.matchingStep(RFC_KEY, "2870822", now, -1));
        assertEquals(-1, Totp.matchingStep(RFC_KEY, "abcdef", now, -1));
        assertEquals(-1, Totp.matchingStep(RFC_KEY, null, now, -1));
        assertTrue(Totp.looksLikeCode("123456"));
        assertTrue(!Totp.looksLikeCode("abcd-efgh-ijkl-mnop"));
    }

    @Test
    void newSecretsAre160RandomBitsInBase32() {
        String a = Totp.newSecret();
        assertEquals(32, a.length());
        assertEquals(20, new Base32().decode(a).length);
        assertTrue(!a.equals(Totp.newSecret()));
        assertEquals("ABCD EFGH IJ", Totp.grouped("ABCDEFGHIJ"));
    }

    @Test
    void theOtpauthUriNamesIssuerAccountAndParameters() {
        String uri = Totp.otpauthUri("TREK", "ann@example.org", RFC_KEY);
        assertEquals("otpauth://totp/TREK:ann%40example.org?secret=" + RFC_KEY
                + "&issuer=TREK&algorithm=SHA1&digits=6&period=30", uri);
        String svg = QrSvg.svg(uri);
        assertTrue(svg.startsWith("<svg") && svg.contains("<path d=\"M"), svg);
        assertTrue(QrSvg.dataUri(uri).startsWith("data:image/svg+xml;base64,"));
    }
}
