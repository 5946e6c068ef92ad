package org.trek.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which addresses resolve_maps_url may be sent to (literals only: nothing is resolved, nothing is sent). */
class AddressGuardTest {

    @ParameterizedTest
    @CsvSource({
            "8.8.8.8, true", "142.250.185.78, true", "2a00:1450:4001:82b::200e, true",
            "127.0.0.1, false", "127.1.2.3, false", "::1, false", "0.0.0.0, false", "::, false",
            "10.0.0.1, false", "172.16.0.1, false", "172.31.255.255, false", "172.32.0.1, true", "192.168.1.1, false",
            "169.254.169.254, false", "100.64.0.1, false", "100.127.255.255, false", "100.128.0.1, true",
            "198.18.0.1, false", "192.0.2.1, false", "224.0.0.1, false", "240.0.0.1, false", "255.255.255.255, false",
            "fe80::1, false", "fc00::1, false", "fd12:3456::1, false", "fec0::1, false", "ff02::1, false",
            "::ffff:10.0.0.1, false", "::ffff:127.0.0.1, false", "::ffff:8.8.8.8, true", "::10.0.0.1, false",
            "64:ff9b::a9fe:a9fe, false", "2002:c0a8:0101::1, false", "2001:db8::1, false"})
    void publicUnicastOnly(String literal, boolean expected) throws UnknownHostException {
        assertEquals(expected, AddressGuard.isPublic(InetAddress.getByName(literal), false), literal);
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1, true", "::1, true", "10.0.0.1, false", "169.254.169.254, false", "0.0.0.0, false"})
    void theTestSwitchLetsOnlyLoopbackThrough(String literal, boolean expected) throws UnknownHostException {
        assertEquals(expected, AddressGuard.isPublic(InetAddress.getByName(literal), true), literal);
    }
}
