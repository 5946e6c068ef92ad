package org.trek.oauth.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.trek.oauth.OAuthSettings;

class ClientMetadataDocumentsTest {

    private static ClientMetadataDocuments documents() {
        ClientMetadataDocuments d = new ClientMetadataDocuments();
        d.settings = new OAuthSettings() {
            @Override
            public Duration cimdCacheTtl() {
                return Duration.ofSeconds(600);
            }
        };
        return d;
    }

    @Test
    void cacheLifetimeFollowsCacheControlWithinBounds() {
        ClientMetadataDocuments d = documents();
        assertEquals(Duration.ofSeconds(600), d.cacheLifetime(null));
        assertEquals(Duration.ofSeconds(3600), d.cacheLifetime("public, max-age=3600"));
        assertEquals(Duration.ofSeconds(60), d.cacheLifetime("max-age=5"));
        assertEquals(Duration.ofDays(1), d.cacheLifetime("max-age=999999999"));
        assertEquals(Duration.ofMinutes(1), d.cacheLifetime("no-store"));
    }

    @Test
    void onlyPublicAddressesAreFetched() throws Exception {
        for (String ip : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
                "100.64.0.1", "::1", "fe80::1", "fd00::1", "224.0.0.1"}) {
            assertFalse(ClientMetadataDocuments.isPublic(InetAddress.getByName(ip), false), ip);
        }
        assertTrue(ClientMetadataDocuments.isPublic(InetAddress.getByName("127.0.0.1"), true));
        assertFalse(ClientMetadataDocuments.isPublic(InetAddress.getByName("10.0.0.1"), true));
        assertTrue(ClientMetadataDocuments.isPublic(InetAddress.getByName("93.184.216.34"), false));
        assertTrue(ClientMetadataDocuments.isPublic(InetAddress.getByName("2606:4700::1111"), false));
    }
}
