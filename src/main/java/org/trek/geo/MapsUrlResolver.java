package org.trek.geo;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trek.platform.AppConfig;
import org.trek.platform.Jsons;
import org.trek.platform.JsonFactory;
import org.trek.platform.cache.LocalCache;
import org.trek.platform.http.HttpProvider;
import org.trek.platform.http.LimitedBody;

/**
 * resolve_maps_url: a pasted map link → position, name, address.
 *
 * <p>Only links of known map hosts are read ({@link MapsUrls}). Google short links (and Google links without a
 * position) are followed by hand, hop by hop, at most MAPS_URL_MAX_HOPS redirects: every hop must again be a known
 * map host, and every address its host resolves to must be public ({@link AddressGuard}), checked before the request
 * is made. So a link cannot make the server call anything but the map services, nor anything inside its network.
 * The JDK resolves the host again when it connects, from its address cache (positive answers kept 30 s by default),
 * so the check and the connection see the same answer in practice.
 *
 * <p>Tests: MAPS_URL_TEST_HOSTS ({@code maps.app.goo.gl=127.0.0.1:18931,...}) pins hosts to addresses, like curl's
 * --resolve, and sends their requests as plain http to that address; MAPS_URL_ALLOW_LOOPBACK lets loopback addresses
 * pass the check. Both are off by default and log a warning when set.
 */
@ApplicationScoped
public class MapsUrlResolver {
    private static final Logger LOG = Logger.getLogger(MapsUrlResolver.class.getName());
    public static final String NO_COORDINATES = "Could not extract coordinates from URL.";
    public static final String BLOCKED = "URL blocked: the link leads to a private or local network address.";
    public static final String UNAVAILABLE = "The map link could not be followed right now; try again later.";

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    AppConfig config;

    @Inject
    Geocoding geocoding;

    private Follower follower;
    private final LocalCache<String, JsonObject> cache = new LocalCache<>(1_000, 3_600_000L);

    @PostConstruct
    void configure() {
        Duration timeout = Duration.ofSeconds(Math.max(1, config.getInt("MAPS_URL_TIMEOUT_SECONDS", 10)));
        long maxBytes = Math.max(1024, config.getLong("MAPS_URL_MAX_BYTES", 2_000_000));
        int maxHops = Math.max(1, Math.min(10, config.getInt("MAPS_URL_MAX_HOPS", 5)));
        Map<String, InetSocketAddress> pinned = pinned(config.getList("MAPS_URL_TEST_HOSTS"));
        boolean loopback = config.getBoolean("MAPS_URL_ALLOW_LOOPBACK", false);
        if (!pinned.isEmpty() || loopback) {
            LOG.warning("MAPS_URL_TEST_HOSTS / MAPS_URL_ALLOW_LOOPBACK are set: map links are resolved for tests");
        }
        follower = new Follower(host -> List.of(InetAddress.getAllByName(host)), pinned, loopback, maxHops,
                (target, logical) -> fetch(target, timeout, maxBytes));
    }

    /** "host=ip:port" entries; malformed ones are ignored (logged). */
    static Map<String, InetSocketAddress> pinned(List<String> entries) {
        Map<String, InetSocketAddress> out = new HashMap<>();
        for (String e : entries) {
            int eq = e.indexOf('=');
            int colon = e.lastIndexOf(':');
            try {
                String host = e.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                InetAddress ip = InetAddress.getByName(e.substring(eq + 1, colon).strip().replaceAll("[\\[\\]]", ""));
                out.put(host, new InetSocketAddress(ip, Integer.parseInt(e.substring(colon + 1).strip())));
            } catch (RuntimeException | UnknownHostException ex) {
                LOG.warning(() -> "MAPS_URL_TEST_HOSTS: ignoring " + e + " (expected host=ip:port)");
            }
        }
        return Map.copyOf(out);
    }

    /** {lat, lng, name, address, google_ftid} for a map link. */
    public JsonObject resolve(String url) {
        String text = url == null ? "" : url.strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new GeoException(MapsUrls.NOT_A_MAP_LINK);
        }
        if (text.isEmpty() || text.length() > 2000 || !MapsUrls.isKnown(uri)) {
            throw new GeoException(MapsUrls.NOT_A_MAP_LINK);
        }
        JsonObject cached = cache.get(text);
        if (cached != null) {
            return cached;
        }
        long generation = cache.generation();
        URI landed = uri;
        String page = null;
        if (MapsUrls.needsFollowing(uri, text)) {
            Follower.Landing l = follower.follow(uri);
            landed = l.uri();
            page = l.status() == 200 ? l.body() : null;
        }
        String landedText = landed.toString();
        MapsUrls.Point p = MapsUrls.point(landedText);
        if (p == null && MapsUrls.isGoogleMapsHost(MapsUrls.host(landed))) {
            p = MapsUrls.pointInPage(page);
        }
        if (p == null) {
            throw new GeoException(NO_COORDINATES);
        }
        JsonObject nominatim = geocoding.reverseLenient(p.lat(), p.lng());
        JsonObject address = nominatim.get("address") instanceof JsonObject a ? a : JsonValue.EMPTY_JSON_OBJECT;
        String name = Geocoding.first(MapsUrls.name(landed), Geocoding.text(nominatim, "name"), Geocoding.text(address, "tourism"),
                Geocoding.text(address, "building"));
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("lat", p.lat()).add("lng", p.lng());
        Jsons.put(b, "name", name);
        Jsons.put(b, "address", Geocoding.text(nominatim, "display_name"));
        Jsons.put(b, "google_ftid", MapsUrls.googleFtid(landed));
        JsonObject out = b.build();
        cache.putIfUnchanged(text, out, generation);
        return out;
    }

    /** One GET of a map host: the redirect target, or the page (capped; a larger page counts as no page). */
    private static Follower.Hop fetch(URI target, Duration timeout, long maxBytes) {
        HttpRequest request = HttpRequest.newBuilder(target).timeout(timeout).header("User-Agent", HttpProvider.USER_AGENT)
                .header("Accept", "text/html,application/xhtml+xml").GET().build();
        CompletableFuture<HttpResponse<byte[]>> pending = CLIENT.sendAsync(request,
                info -> new LimitedBody(info.statusCode() == 200 ? maxBytes : 0));
        try {
            HttpResponse<byte[]> r = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Follower.Hop(r.statusCode(), r.headers().firstValue("Location").orElse(null),
                    new String(r.body(), StandardCharsets.UTF_8));
        } catch (TimeoutException e) {
            pending.cancel(true);
            LOG.warning(() -> "A map host did not answer in time: " + target.getHost());
            throw new GeoException(UNAVAILABLE);
        } catch (ExecutionException e) {
            if (LimitedBody.tooLarge(e.getCause())) {
                return new Follower.Hop(200, null, null);
            }
            LOG.log(Level.WARNING, "A map host failed: " + target.getHost(), e.getCause());
            throw new GeoException(UNAVAILABLE);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new GeoException(UNAVAILABLE);
        }
    }

    /** Follows redirects by hand, checking the host and its addresses before every request. */
    static final class Follower {
        interface Dns {
            List<InetAddress> lookup(String host) throws UnknownHostException;
        }

        interface Fetch {
            /** GET target (the pinned address for a test host, else the link itself); logical is the link. */
            Hop get(URI target, URI logical);
        }

        record Hop(int status, String location, String body) {
        }

        record Landing(URI uri, int status, String body) {
        }

        private final Dns dns;
        private final Map<String, InetSocketAddress> pinned;
        private final boolean allowLoopback;
        private final int maxHops;
        private final Fetch fetch;

        Follower(Dns dns, Map<String, InetSocketAddress> pinned, boolean allowLoopback, int maxHops, Fetch fetch) {
            this.dns = dns;
            this.pinned = pinned;
            this.allowLoopback = allowLoopback;
            this.maxHops = maxHops;
            this.fetch = fetch;
        }

        Landing follow(URI start) {
            URI current = start;
            for (int hop = 0; ; hop++) {
                if (!MapsUrls.isKnown(current)) {
                    throw new GeoException("The link redirects to " + MapsUrls.host(current)
                            + ", which is not a known maps host; it was not followed.");
                }
                String host = MapsUrls.host(current);
                InetSocketAddress pin = pinned.get(host);
                List<InetAddress> addresses;
                if (pin != null) {
                    addresses = List.of(pin.getAddress());
                } else {
                    try {
                        addresses = dns.lookup(host);
                    } catch (UnknownHostException e) {
                        throw new GeoException(UNAVAILABLE);
                    }
                }
                if (addresses.isEmpty() || addresses.stream().anyMatch(a -> !AddressGuard.isPublic(a, allowLoopback))) {
                    LOG.warning(() -> "resolve_maps_url refused " + host + ": " + addresses);
                    throw new GeoException(BLOCKED);
                }
                URI target = pin == null ? current : pinnedTarget(pin, current);
                Hop h = fetch.get(target, current);
                boolean redirect = h.status() == 301 || h.status() == 302 || h.status() == 303 || h.status() == 307
                        || h.status() == 308;
                if (!redirect || h.location() == null) {
                    return new Landing(current, h.status(), h.body());
                }
                if (hop + 1 > maxHops) {
                    throw new GeoException("The link redirects too often (more than " + maxHops + " times); it was not followed.");
                }
                try {
                    current = current.resolve(new URI(h.location().strip()));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new GeoException(NO_COORDINATES);
                }
            }
        }

        static URI pinnedTarget(InetSocketAddress pin, URI logical) {
            String ip = pin.getAddress().getHostAddress();
            String authority = (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + pin.getPort();
            String rest = (logical.getRawPath() == null || logical.getRawPath().isEmpty() ? "/" : logical.getRawPath())
                    + (logical.getRawQuery() == null ? "" : "?" + logical.getRawQuery());
            return URI.create("http://" + authority + rest);
        }
    }
}
