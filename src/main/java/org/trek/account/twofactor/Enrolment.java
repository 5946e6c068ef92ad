package org.trek.account.twofactor;

import jakarta.servlet.http.HttpServletRequest;

/** What the enrolment form shows: the QR code (drawn here, as SVG) and the same secret as text for manual entry. */
final class Enrolment {
    private Enrolment() {
    }

    static void expose(HttpServletRequest request, String otpauthUri, String secret) {
        request.setAttribute("qrDataUri", QrSvg.dataUri(otpauthUri));
        request.setAttribute("secretText", Totp.grouped(secret));
        request.setAttribute("otpauthUri", otpauthUri);
    }
}
