package org.trek.oauth.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trek.platform.JsonFactory;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.trek.oauth.OAuthSettings;
import org.trek.platform.http.LimitedBody;
import org.trek.platform.auth.ScopeCatalog;
import org.trek.platform.Clock;

/**
 * Client ID metadata documents (draft-ietf-oauth-client-id-metadata-document, preferred by the MCP authorization
 * spec 2025-11-25): a client_id that is an https URL names a JSON document describing the client. It is fetched
 * with short timeouts, no redirects and a size cap, only from public addresses (SSRF protection), validated like a
 * registration, and cached in oauth_clients for {@code OAUTH_CIMD_CACHE_SECONDS}.
 */
@ApplicationScoped
public class ClientMetadataDocuments {
    private static final Logger LOG = Logger.getLogger(ClientMetadataDocuments.class.getName());
    static final int MAX_BYTES = 5 * 1024;

    @Inject
    OAuthSettings settings;

    @Inject
    ClientRegistration registration;

    @Inject
    Clock clock;

    @Inject
    org.trek.platform.RateLimiter limiter;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public static boolean looksLikeDocumentUrl(String clientId) {
        return clientId.startsWith("https://") || clientId.startsWith("http://");
    }

    /** The client of this document URL: {@code cached} while fresh, else fetched, validated and stored again. */
    public Optional<OAuthClient> resolve(String clientId, Optional<OAuthClient> cached) {
        if (cached.isPresent() && cached.get().getOrigin() != ClientOrigin.METADATA) {
            return Optional.empty();
        }
        if (cached.isPresent() && cached.get().getDocumentExpiresAt() != null
                && cached.get().getDocumentExpiresAt().isAfter(clock.now())) {
            return cached;
        }
        try {
            URI url = checkUrl(clientId);
            // Anyone can make the server fetch a URL by naming it as client_id: cap fetches instance-wide.
            if (!limiter.hit("oauth.cimd.fetch", settings.cimdFetchesPerMinute(), Duration.ofMinutes(1)).allowed()) {
                throw new DocumentException("too many metadata document fetches");
            }
            Fetched fetched = fetch(url);
            return Optional.of(store(clientId, fetched.document(), clock.now().plus(cacheLifetime(fetched.cacheControl()))));
        } catch (DocumentException e) {
            LOG.info(() -> "client metadata document refused: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * How long to keep a document: its Cache-Control max-age (the MCP spec asks servers to respect cache headers),
     * clamped to 1 minute..1 day so that neither a hostile "no-store" turns every request into a fetch nor a huge
     * max-age pins stale redirect URIs; OAUTH_CIMD_CACHE_SECONDS (600) when the header says nothing.
     */
    Duration cacheLifetime(String cacheControl) {
        Duration fallback = settings.cimdCacheTtl();
        if (cacheControl != null) {
            String cc = cacheControl.toLowerCase(java.util.Locale.ROOT);
            if (cc.contains("no-store") || cc.contains("no-cache")) {
                return Duration.ofMinutes(1);
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("max-age\\s*=\\s*(\\d{1,9})").matcher(cc);
            if (m.find()) {
                long seconds = Long.parseLong(m.group(1));
                return Duration.ofSeconds(Math.max(60, Math.min(86_400, seconds)));
            }
        }
        return fallback;
    }

    record Fetched(JsonObject document, String cacheControl) {
    }

    private OAuthClient store(String clientId, JsonObject doc, java.time.Instant cacheUntil) {
        // The document must name itself (draft §4.1) and must not carry shared secrets: these clients are public.
        if (!(doc.get("client_id") instanceof JsonString id) || !id.getString().equals(clientId)) {
            throw new DocumentException("client_id in the document does not equal its URL");
        }
        if (doc.containsKey("client_secret") || doc.containsKey("client_secret_expires_at")) {
            throw new DocumentException("document carries a client secret");
        }
        String method = doc.get("token_endpoint_auth_method") instanceof JsonString m ? m.getString() : OAuthClient.AUTH_NONE;
        if (!method.equals(OAuthClient.AUTH_NONE)) {
            throw new DocumentException("token_endpoint_auth_method must be none");
        }
        List<String> uris = new ArrayList<>();
        if (doc.get("redirect_uris") instanceof JsonArray arr) {
            for (JsonValue v : arr) {
                if (v instanceof JsonString s && RedirectUriPolicy.isAllowed(s.getString()) && !uris.contains(s.getString())) {
                    uris.add(s.getString());
                } else {
                    throw new DocumentException("invalid redirect_uris entry");
                }
            }
        }
        if (uris.isEmpty() || RedirectUriPolicy.listProblem(uris).isPresent()) {
            throw new DocumentException("redirect_uris missing, too many or too long");
        }
        // MCP 2025-11-25 authorization (client ID metadata documents): client_id, client_name and redirect_uris are
        // required properties, and the server validates that they are there.
        if (!(doc.get("client_name") instanceof JsonString n) || n.getString().isBlank()) {
            throw new DocumentException("client_name is required");
        }
        String name = n.getString().trim();
        if (name.length() > 100) {
            name = name.substring(0, 100);
        }
        List<String> scopes = doc.get("scope") instanceof JsonString s && !ScopeCatalog.parse(s.getString()).known().isEmpty()
                ? ScopeCatalog.parse(s.getString()).known() : ScopeCatalog.readOnly();
        String clientUri = doc.get("client_uri") instanceof JsonString u && u.getString().startsWith("https://")
                && u.getString().length() <= 500 ? u.getString() : null;
        return registration.storeMetadataDocument(clientId, name, uris, scopes, clientUri, cacheUntil);
    }

    /** The URL rules of draft §3: https, a path, no fragment, no user info, no dot segments. */
    URI checkUrl(String clientId) {
        URI url;
        try {
            url = new URI(clientId);
        } catch (Exception e) {
            throw new DocumentException("not a URL");
        }
        boolean https = "https".equals(url.getScheme());
        boolean devLoopback = "http".equals(url.getScheme()) && settings.cimdAllowLoopback();
        if (!https && !devLoopback) {
            throw new DocumentException("client_id URL must use https");
        }
        if (url.getHost() == null || url.getRawUserInfo() != null || url.getRawFragment() != null
                || url.getRawPath() == null || url.getRawPath().length() <= 1) {
            throw new DocumentException("client_id URL must have a host and a path, and no fragment or user info");
        }
        // draft §3: no single-dot or double-dot path segments, wherever they are and however they are encoded
        for (String segment : url.getPath().split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new DocumentException("client_id URL must not contain dot segments");
            }
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(url.getHost());
        } catch (UnknownHostException e) {
            throw new DocumentException("host does not resolve");
        }
        for (InetAddress a : addresses) {
            if (!isPublic(a, settings.cimdAllowLoopback())) {
                throw new DocumentException("host resolves to a non-public address");
            }
        }
        if (devLoopback && !addresses[0].isLoopbackAddress()) {
            throw new DocumentException("plain http is only allowed for loopback test servers");
        }
        return url;
    }

    /** Refuses loopback (unless allowed for tests), private, link-local, multicast, CGNAT and unspecified addresses. */
    static boolean isPublic(InetAddress a, boolean allowLoopback) {
        if (a.isLoopbackAddress()) {
            return allowLoopback;
        }
        if (a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) && !(first == 192 && second == 0)
                    && !(first == 198 && (second == 18 || second == 19)) && first < 224;
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local
            }
            // Forms that carry an IPv4 address inside (and may lead to 127.0.0.1 or 10.x through a translator):
            // IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::/96 and 64:ff9b:1::/48, 6to4 2002::/16, Teredo 2001::/32.
            boolean zeroPrefix = true;
            for (int i = 0; i < 12; i++) {
                zeroPrefix &= b[i] == 0;
            }
            int word0 = (first << 8) | (b[1] & 0xff);
            int word1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
            return !zeroPrefix && !(word0 == 0x0064 && word1 == 0xff9b) && word0 != 0x2002
                    && !(word0 == 0x2001 && word1 == 0);
        }
        return true;
    }

    /** The whole fetch, from connecting to the last byte of the body (a field so that a test can shorten it). */
    Duration fetchDeadline = Duration.ofSeconds(5);

    /**
     * Fetches the document within {@link #fetchDeadline} in all. The request timeout of java.net.http only covers the
     * wait for the response headers (JDK 17), so a host trickling its body a byte at a time would hold the request
     * thread for as long as it liked: the body is read asynchronously and the wait for it is bounded here.
     */
    Fetched fetch(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(fetchDeadline)
                .header("Accept", "application/json").GET().build();
        LimitedBody body = new LimitedBody(MAX_BYTES);
        var future = http.sendAsync(request, info -> info.statusCode() == 200 ? body : new LimitedBody(0));
        try {
            HttpResponse<byte[]> response = future.get(fetchDeadline.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                throw new DocumentException("document answered HTTP " + response.statusCode());
            }
            try (JsonReader reader = JsonFactory.createReader(new StringReader(new String(response.body(), StandardCharsets.UTF_8)))) {
                return new Fetched(reader.readObject(), response.headers().firstValue("Cache-Control").orElse(null));
            } catch (RuntimeException e) {
                throw new DocumentException("document is not a JSON object");
            }
        } catch (TimeoutException e) {
            body.abort();
            future.cancel(true);
            throw new DocumentException("document took longer than " + fetchDeadline.toSeconds() + " s");
        } catch (ExecutionException e) {
            if (LimitedBody.tooLarge(e.getCause())) {
                throw new DocumentException("document larger than " + MAX_BYTES + " bytes");
            }
            throw new DocumentException("document could not be fetched");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new DocumentException("interrupted");
        }
    }

    static final class DocumentException extends RuntimeException {
        DocumentException(String message) {
            super(message, null, false, false);
        }
    }
}
