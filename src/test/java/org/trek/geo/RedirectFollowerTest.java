package org.trek.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * resolve_maps_url's redirect following with a fake resolver and a fake fetch: nothing is resolved or sent for real.
 * Every hop is checked (host known, every address public) before its request; refused hops make no request.
 */
class RedirectFollowerTest {
    final Map<String, List<InetAddress>> dns = new HashMap<>();
    final Map<String, MapsUrlResolver.Follower.Hop> answers = new HashMap<>();
    final List<URI> requested = new ArrayList<>();

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    MapsUrlResolver.Follower follower(Map<String, InetSocketAddress> pinned, boolean loopback, int maxHops) {
        return new MapsUrlResolver.Follower(host -> {
            List<InetAddress> a = dns.get(host);
            if (a == null) {
                throw new UnknownHostException(host);
            }
            return a;
        }, pinned, loopback, maxHops, (target, logical) -> {
            requested.add(target);
            MapsUrlResolver.Follower.Hop h = answers.get(logical.toString());
            return h == null ? new MapsUrlResolver.Follower.Hop(404, null, "") : h;
        });
    }

    MapsUrlResolver.Follower follower() {
        return follower(Map.of(), false, 5);
    }

    static MapsUrlResolver.Follower.Hop redirect(String to) {
        return new MapsUrlResolver.Follower.Hop(302, to, "");
    }

    @Test
    void aChainOfMapHostsIsFollowedToItsEnd() {
        dns.put("maps.app.goo.gl", List.of(ip("142.250.185.78")));
        dns.put("goo.gl", List.of(ip("142.250.185.78"), ip("2a00:1450:4001:82b::200e")));
        dns.put("www.google.com", List.of(ip("142.250.185.100")));
        answers.put("https://maps.app.goo.gl/abc", redirect("https://goo.gl/maps/def"));
        answers.put("https://goo.gl/maps/def", new MapsUrlResolver.Follower.Hop(301, "https://www.google.com/maps/place/X/@1.5,2.5,17z", ""));
        answers.put("https://www.google.com/maps/place/X/@1.5,2.5,17z", new MapsUrlResolver.Follower.Hop(200, null, "<html>"));
        MapsUrlResolver.Follower.Landing l = follower().follow(URI.create("https://maps.app.goo.gl/abc"));
        assertEquals("https://www.google.com/maps/place/X/@1.5,2.5,17z", l.uri().toString());
        assertEquals(200, l.status());
        assertEquals(3, requested.size());
    }

    @Test
    void aHostResolvingToAnyPrivateAddressIsRefusedBeforeTheRequest() {
        dns.put("maps.app.goo.gl", List.of(ip("142.250.185.78")));
        dns.put("maps.google.de", List.of(ip("142.250.185.78"), ip("10.0.0.5")));
        answers.put("https://maps.app.goo.gl/abc", redirect("https://maps.google.de/maps?cid=1"));
        GeoException e = assertThrows(GeoException.class, () -> follower().follow(URI.create("https://maps.app.goo.gl/abc")));
        assertEquals(MapsUrlResolver.BLOCKED, e.getMessage());
        assertEquals(List.of(URI.create("https://maps.app.goo.gl/abc")), requested, "the private hop was never requested");
    }

    @Test
    void theFirstHopIsCheckedToo() {
        dns.put("maps.app.goo.gl", List.of(ip("169.254.169.254")));
        assertThrows(GeoException.class, () -> follower().follow(URI.create("https://maps.app.goo.gl/abc")));
        assertTrue(requested.isEmpty());
    }

    @Test
    void aRedirectToAnUnknownHostIsNotFollowed() {
        dns.put("maps.app.goo.gl", List.of(ip("142.250.185.78")));
        answers.put("https://maps.app.goo.gl/abc", redirect("http://127.0.0.1:8080/admin"));
        GeoException e = assertThrows(GeoException.class, () -> follower().follow(URI.create("https://maps.app.goo.gl/abc")));
        assertTrue(e.getMessage().contains("127.0.0.1, which is not a known maps host"), e.getMessage());
        assertEquals(1, requested.size());
    }

    @Test
    void relativeRedirectsStayOnTheirHostAndHopsAreBounded() {
        dns.put("maps.app.goo.gl", List.of(ip("142.250.185.78")));
        for (int i = 0; i < 10; i++) {
            answers.put("https://maps.app.goo.gl/" + i, redirect("/" + (i + 1)));
        }
        GeoException e = assertThrows(GeoException.class, () -> follower(Map.of(), false, 3).follow(URI.create("https://maps.app.goo.gl/0")));
        assertTrue(e.getMessage().contains("more than 3"), e.getMessage());
        assertEquals(4, requested.size(), "the first request and three redirects");
    }

    @Test
    void pinnedTestHostsGoToTheirAddressAndLoopbackNeedsTheSwitch() {
        Map<String, InetSocketAddress> pinned = Map.of("maps.app.goo.gl", new InetSocketAddress(ip("127.0.0.1"), 18951));
        answers.put("https://maps.app.goo.gl/abc?x=1", new MapsUrlResolver.Follower.Hop(200, null, ""));
        assertThrows(GeoException.class, () -> follower(pinned, false, 5).follow(URI.create("https://maps.app.goo.gl/abc?x=1")));
        assertTrue(requested.isEmpty(), "loopback refused without the test switch");
        MapsUrlResolver.Follower.Landing l = follower(pinned, true, 5).follow(URI.create("https://maps.app.goo.gl/abc?x=1"));
        assertEquals("https://maps.app.goo.gl/abc?x=1", l.uri().toString(), "the link keeps its own host");
        assertEquals(URI.create("http://127.0.0.1:18951/abc?x=1"), requested.get(0), "the request goes to the pinned address");
    }

    @Test
    void testHostsSetting() {
        Map<String, InetSocketAddress> p = MapsUrlResolver.pinned(List.of("Maps.App.Goo.Gl=127.0.0.1:18951", "broken", "x=y:z"));
        assertEquals(1, p.size());
        assertEquals(18951, p.get("maps.app.goo.gl").getPort());
    }
}
