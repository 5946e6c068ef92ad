package org.trek.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for screen tests: keeps cookies, does not follow redirects, sends the same-origin
 * Origin header on POSTs and fills in the CSRF token of the last page it fetched.
 */
public final class WebClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final TrekServer server;
    private final HttpClient http;
    private final String origin;
    private String csrf;

    /**
     * HTTP/1.1 like a browser on plain http (browsers never upgrade to h2c; Java's client would, and Grizzly has been
     * seen to stall such connections for minutes).
     */
    public WebClient(TrekServer server) {
        this.server = server;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        this.origin = server.baseUrl();
    }

    private WebClient(TrekServer server, HttpClient http, String origin, String csrf) {
        this.server = server;
        this.http = http;
        this.origin = origin;
        this.csrf = csrf;
    }

    /**
     * The same browser (cookies, last CSRF token, Origin) sending its next requests to another node, as a round-robin
     * load balancer in front of both would. Cookies on 127.0.0.1 go to every port.
     */
    public WebClient via(TrekServer node) {
        // The data grid copies a changed session to the other nodes asynchronously (within milliseconds); a person's
        // next click comes later than that. Without this pause a form posted to B at once could find no CSRF token.
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new WebClient(node, http, origin, csrf);
    }

    /** The server (node) this client talks to. */
    public TrekServer server() {
        return server;
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(server.uri(path)).GET());
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    /** POSTs a form with the CSRF token of the last fetched page (unless the form sets _csrf itself). */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (csrf != null) {
            fields.put("_csrf", csrf);
        }
        fields.putAll(form);
        return postRaw(path, fields, origin);
    }

    /** POSTs exactly these fields with this Origin header (null: none). */
    public HttpResponse<String> postRaw(String path, Map<String, String> fields, String origin) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
        if (origin != null) {
            b.header("Origin", origin);
        }
        return send(b);
    }

    /** Signs in through the login form; returns the login POST's response. */
    public HttpResponse<String> login(String login, String password) {
        get("/login");
        return post("/login", Map.of("login", login, "password", password));
    }

    public String csrf() {
        return csrf;
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
