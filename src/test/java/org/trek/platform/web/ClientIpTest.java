package org.trek.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientIpTest {

    @Test
    void ignoresForwardedForFromUntrustedPeers() {
        assertEquals("203.0.113.9", ClientIp.resolve("203.0.113.9", "198.51.100.1", List.of()));
        assertEquals("203.0.113.9", ClientIp.resolve("203.0.113.9", "198.51.100.1", List.of("10.0.0.1")));
    }

    @Test
    void takesTheRightMostUntrustedHopBehindATrustedProxy() {
        assertEquals("198.51.100.7", ClientIp.resolve("10.0.0.1", "1.2.3.4, 198.51.100.7", List.of("10.0.0.1")));
        assertEquals("198.51.100.7", ClientIp.resolve("10.0.0.1", "1.2.3.4, 198.51.100.7, 10.0.0.2", List.of("10.0.0.1", "10.0.0.2")));
    }

    @Test
    void fallsBackToThePeerWhenEveryHopIsTrusted() {
        assertEquals("10.0.0.1", ClientIp.resolve("10.0.0.1", "10.0.0.2", List.of("10.0.0.1", "10.0.0.2")));
        assertEquals("10.0.0.1", ClientIp.resolve("10.0.0.1", " ", List.of("10.0.0.1")));
    }
}
