package org.trek.oauth.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.trek.platform.crypto.Aead;

/**
 * Keeps a rotated refresh token's successor pair for the grace window without storing usable tokens: the pair is
 * encrypted (AES-256-GCM) under HMAC-SHA256(refresh token, label). The database holds only SHA-256 of the refresh
 * token, from which that key cannot be computed, so only a caller presenting the old refresh token itself can
 * recover the successor — exactly the duplicate request the grace window exists for.
 */
final class SuccessorSeal {
    private static final byte[] LABEL = "trek-oauth-refresh-successor-v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NO_AAD = new byte[0];

    private SuccessorSeal() {
    }

    static String seal(String refreshToken, String accessSuccessor, String refreshSuccessor) {
        try {
            return Base64.getEncoder().encodeToString(Aead.seal(key(refreshToken), NO_AAD,
                    (accessSuccessor + " " + refreshSuccessor).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The successor (access, refresh), or empty if the seal does not open with this token. */
    static Optional<String[]> open(String refreshToken, String sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        try {
            String plain = new String(Aead.open(key(refreshToken), NO_AAD, Base64.getDecoder().decode(sealed)),
                    StandardCharsets.UTF_8);
            String[] parts = plain.split(" ");
            return parts.length == 2 ? Optional.of(parts) : Optional.empty();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static SecretKeySpec key(String refreshToken) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(refreshToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return new SecretKeySpec(mac.doFinal(LABEL), "AES");
    }
}
