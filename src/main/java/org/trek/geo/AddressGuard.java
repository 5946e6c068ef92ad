package org.trek.geo;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Whether an address is one the server may be sent to on a caller's behalf: a public unicast address. Refused:
 * loopback, "this host" (0.0.0.0, ::), private (10/8, 172.16/12, 192.168/16), shared address space (100.64/10),
 * link-local (169.254/16, fe80::/10, where cloud metadata services live), unique local (fc00::/7), multicast,
 * benchmarking (198.18/15), the IETF and documentation blocks, reserved (240/4) and broadcast; IPv4-mapped,
 * IPv4-compatible, NAT64 (64:ff9b::/96) and 6to4 (2002::/16) IPv6 addresses are judged by the IPv4 address inside.
 */
public final class AddressGuard {

    private AddressGuard() {
    }

    /** @param allowLoopback tests only (MAPS_URL_ALLOW_LOOPBACK): stubs on 127.0.0.1 play the map hosts */
    public static boolean isPublic(InetAddress address, boolean allowLoopback) {
        if (address.isLoopbackAddress()) {
            return allowLoopback;
        }
        if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return publicV4(b);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local
            }
            if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
                return false; // fec0::/10 site-local (deprecated)
            }
            boolean zeros80 = true;
            for (int i = 0; i < 10; i++) {
                zeros80 &= b[i] == 0;
            }
            if (zeros80 && ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff || b[10] == 0 && b[11] == 0)) {
                // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible; also :: and ::1 handled above)
                return publicV4(new byte[] {b[12], b[13], b[14], b[15]});
            }
            if (first == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                return publicV4(new byte[] {b[12], b[13], b[14], b[15]}); // 64:ff9b::/96 NAT64
            }
            if (first == 0x20 && b[1] == 0x02) {
                return publicV4(new byte[] {b[2], b[3], b[4], b[5]}); // 2002::/16 6to4
            }
            if (first == 0x20 && b[1] == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false; // 2001:db8::/32 documentation
            }
            return true;
        }
        return false;
    }

    static boolean publicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return !(a0 == 0 // this network
                || a0 == 10
                || a0 == 127
                || a0 == 100 && a1 >= 64 && a1 <= 127 // shared address space (CGNAT)
                || a0 == 169 && a1 == 254
                || a0 == 172 && a1 >= 16 && a1 <= 31
                || a0 == 192 && a1 == 0 && a2 == 0 // IETF protocol assignments
                || a0 == 192 && a1 == 0 && a2 == 2 // documentation
                || a0 == 192 && a1 == 168
                || a0 == 198 && (a1 == 18 || a1 == 19) // benchmarking
                || a0 == 198 && a1 == 51 && a2 == 100
                || a0 == 203 && a1 == 0 && a2 == 113
                || a0 >= 224); // multicast, reserved, broadcast
    }
}
