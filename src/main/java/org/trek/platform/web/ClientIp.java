package org.trek.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * The client's address. X-Forwarded-For is honoured only when the direct peer is a trusted proxy (TRUSTED_PROXIES),
 * and then the right-most address that is not itself a trusted proxy is taken, so a client cannot spoof it.
 */
public final class ClientIp {
    private ClientIp() {
    }

    public static String resolve(HttpServletRequest request, List<String> trustedProxies) {
        return resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trustedProxies);
    }

    public static String resolve(String peer, String forwardedFor, List<String> trustedProxies) {
        if (forwardedFor == null || forwardedFor.isBlank() || !trustedProxies.contains(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return peer;
    }
}
