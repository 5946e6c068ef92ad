package org.trek.oauth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PkceVerifierTest {

    @Test
    void rfc7636AppendixBExample() {
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", PkceVerifier.challengeOf(verifier));
        assertTrue(PkceVerifier.verify(verifier, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    }

    @Test
    void wrongOrMalformedVerifierFails() {
        String challenge = PkceVerifier.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        assertFalse(PkceVerifier.verify("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXj", challenge));
        assertFalse(PkceVerifier.verify("short", PkceVerifier.challengeOf("short")));
        assertFalse(PkceVerifier.verify("x".repeat(129), PkceVerifier.challengeOf("x".repeat(129))));
        assertFalse(PkceVerifier.verify(null, challenge));
        // "plain" would compare the verifier itself with the challenge: never accepted
        String v = "a".repeat(43);
        assertFalse(PkceVerifier.verify(v, v));
    }

    @Test
    void challengeFormat() {
        assertTrue(PkceVerifier.isValidChallenge("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
        assertFalse(PkceVerifier.isValidChallenge("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-c"));
        assertFalse(PkceVerifier.isValidChallenge("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM"));
        assertFalse(PkceVerifier.isValidChallenge(null));
    }
}
