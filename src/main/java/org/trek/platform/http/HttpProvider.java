package org.trek.platform.http;

import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trek.platform.DomainException;
import org.trek.platform.JsonFactory;

/**
 * One outside service (geocoding, weather, ...) behind a configurable base URL: GET requests with a deadline for the
 * whole exchange (headers and body), a cap on the body, no redirects, and every failure turned into a
 * {@link DomainException} with the provider's own "unavailable" message, so a tool answers {@code isError} and never
 * a 500. The base URL {@code none} (or {@code off}) switches the provider off: calls answer the "not configured"
 * message without any request.
 */
public final class HttpProvider {
    private static final Logger LOG = Logger.getLogger(HttpProvider.class.getName());
    public static final String USER_AGENT = "TREK trip planner";

    /** One client for every provider: connection pools are shared, redirects are never followed. */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final String name;
    private final String baseUrl;
    private final Duration timeout;
    private final long maxBytes;
    private final String unavailable;
    private final String notConfigured;
    private final HttpClient http;

    /** An answer of the service: its status and (for 2xx and 4xx) its body, at most the cap. */
    public record Answer(int status, String body) {
        public boolean ok() {
            return status == 200;
        }
    }

    /**
     * @param name          for the log ("Nominatim")
     * @param baseUrl       scheme://host[:port][/path] without a trailing slash; null, blank, none or off: not configured
     * @param unavailable   the message for a failing service ("Weather is unavailable right now; try again later.")
     * @param notConfigured the message when the base URL is switched off
     */
    public HttpProvider(String name, String baseUrl, Duration timeout, long maxBytes, String unavailable, String notConfigured) {
        this(CLIENT, name, baseUrl, timeout, maxBytes, unavailable, notConfigured);
    }

    /** With its own client (tests). */
    public HttpProvider(HttpClient http, String name, String baseUrl, Duration timeout, long maxBytes, String unavailable,
                        String notConfigured) {
        String base = baseUrl == null ? "" : baseUrl.strip();
        boolean off = base.isEmpty() || base.equalsIgnoreCase("none") || base.equalsIgnoreCase("off");
        this.http = http;
        this.name = name;
        this.baseUrl = off ? null : base.replaceAll("/+$", "");
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.unavailable = unavailable;
        this.notConfigured = notConfigured;
    }

    public boolean configured() {
        return baseUrl != null;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Duration timeout() {
        return timeout;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * GET base + pathAndQuery (already encoded). Any status is returned (4xx bodies too, within the cap); a network
     * failure, the deadline, a body over the cap or a 5xx status throw the "unavailable" message.
     */
    public Answer get(String pathAndQuery) {
        if (baseUrl == null) {
            throw new DomainException(notConfigured);
        }
        URI uri;
        try {
            uri = URI.create(baseUrl + pathAndQuery);
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> name + ": the configured base URL is not a valid URL");
            throw new DomainException(unavailable);
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", USER_AGENT)
                .header("Accept", "application/json").GET().build();
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request,
                info -> new LimitedBody(info.statusCode() < 500 ? maxBytes : 0));
        try {
            HttpResponse<byte[]> r = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (r.statusCode() >= 500 || r.statusCode() == 429) {
                LOG.warning(() -> name + " answered HTTP " + r.statusCode());
                throw new DomainException(unavailable);
            }
            return new Answer(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        } catch (TimeoutException e) {
            pending.cancel(true);
            LOG.warning(() -> name + " did not answer within " + timeout.toMillis() + " ms");
            throw new DomainException(unavailable);
        } catch (ExecutionException e) {
            if (LimitedBody.tooLarge(e.getCause())) {
                LOG.warning(() -> name + " answered more than " + maxBytes + " bytes");
            } else {
                LOG.log(Level.WARNING, name + " failed", e.getCause());
            }
            throw new DomainException(unavailable);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new DomainException(unavailable);
        }
    }

    /** GET that must answer 200 with JSON; anything else throws the "unavailable" message. */
    public JsonValue getJson(String pathAndQuery) {
        Answer a = get(pathAndQuery);
        if (!a.ok()) {
            LOG.warning(() -> name + " answered HTTP " + a.status());
            throw new DomainException(unavailable);
        }
        return parse(a.body());
    }

    /** The body as JSON; not JSON: the "unavailable" message. */
    public JsonValue parse(String body) {
        try {
            return JsonFactory.createReader(new StringReader(body)).readValue();
        } catch (RuntimeException e) {
            LOG.warning(() -> name + " answered something that is not JSON");
            throw new DomainException(unavailable);
        }
    }
}
