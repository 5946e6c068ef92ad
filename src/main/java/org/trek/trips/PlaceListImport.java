package org.trek.trips;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trek.platform.JsonFactory;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trek.platform.AppConfig;
import org.trek.platform.addons.AddonId;

/**
 * Reads a shared Google Maps or Naver Map list for import_places_from_url, without ever fetching the user's URL.
 *
 * <p>The URL only names a list: it must be an https link on the source's own public hosts, and only the list id is
 * taken from it. The list itself comes from a list-export service at PLACE_LIST_IMPORT_URL (our own or a trusted
 * one; tests use a stub on 127.0.0.1) with bounded time and size, and redirects are not followed. So a caller cannot
 * make the server request an address of their choosing (no SSRF).
 */
@ApplicationScoped
public class PlaceListImport {
    private static final Logger LOG = Logger.getLogger(PlaceListImport.class.getName());

    public static final String GOOGLE = "google-list";
    public static final String NAVER = "naver-list";
    /** The addon that gates Naver lists (reference §9.1: the original did not check it). */
    public static final AddonId NAVER_ADDON = AddonId.NAVER_LIST_IMPORT;
    public static final int MAX_PLACES = 500;
    public static final String NOT_CONFIGURED = "Importing place lists is not configured on this server "
            + "(the administrator sets PLACE_LIST_IMPORT_URL).";
    public static final String UNAVAILABLE = "Place list import is unavailable right now; try again later.";

    private static final Pattern LIST_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    /** Google's list data parameter: ...!2s<listId>!... in /maps/@.../data=... */
    private static final Pattern GOOGLE_DATA_ID = Pattern.compile("!2s([A-Za-z0-9_-]{1,128})(?:!|$)");
    private static final Set<String> GOOGLE_MAPS_HOSTS = Set.of("www.google.com", "google.com", "maps.google.com");

    @Inject
    AppConfig config;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** The list a URL names: its source and the id the list-export service knows it by. */
    public record ListRef(String source, String listId) {
    }

    /** One entry of an exported list (strings may be null). */
    public record ListPlace(String name, Double lat, Double lng, String address, String note, String googlePlaceId) {
    }

    /** An exported list: its name and entries, plus how many entries were unusable (no name, bad coordinates). */
    public record ListContent(String name, List<ListPlace> places, int unusable) {
    }

    /**
     * Checks that the URL is a share link of the source's public hosts and extracts the list id; anything else is
     * refused before any request is made.
     */
    public static ListRef parse(String source, String url) {
        if (!GOOGLE.equals(source) && !NAVER.equals(source)) {
            throw new TripException("source must be google-list or naver-list.");
        }
        String hint = GOOGLE.equals(source)
                ? "url must be a Google Maps list share link (https://maps.app.goo.gl/... or https://www.google.com/maps/placelists/list/...)."
                : "url must be a Naver Map list share link (https://naver.me/... or https://map.naver.com/p/favorite/...).";
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.trim());
        } catch (URISyntaxException e) {
            throw new TripException(hint);
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getRawUserInfo() != null
                || (uri.getPort() != -1 && uri.getPort() != 443) || host.isEmpty()) {
            throw new TripException(hint);
        }
        String id = GOOGLE.equals(source) ? googleId(host, path, uri.getRawQuery()) : naverId(host, path);
        if (id == null || !LIST_ID.matcher(id).matches()) {
            throw new TripException(hint);
        }
        return new ListRef(source, id);
    }

    private static String googleId(String host, String path, String query) {
        if (host.equals("maps.app.goo.gl")) {
            return single(path, "/");
        }
        if (host.equals("goo.gl")) {
            return single(path, "/maps/");
        }
        if (GOOGLE_MAPS_HOSTS.contains(host) && path.startsWith("/maps/")) {
            if (path.startsWith("/maps/placelists/list/")) {
                return single(path, "/maps/placelists/list/");
            }
            Matcher m = GOOGLE_DATA_ID.matcher(path + (query == null ? "" : "?" + query));
            if (path.contains("/data=") && m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static String naverId(String host, String path) {
        if (host.equals("naver.me")) {
            return single(path, "/");
        }
        if (host.equals("map.naver.com") || host.equals("m.map.naver.com")) {
            // /p/favorite/myPlace/folder/<id>, /p/favorite/sharedPlace/folder/<id> (optionally followed by /pc etc.)
            Matcher m = Pattern.compile("^/p/favorite/(?:myPlace|sharedPlace)/folder/([A-Za-z0-9_-]{1,128})(?:/[A-Za-z]*)?/?$").matcher(path);
            return m.matches() ? m.group(1) : null;
        }
        return null;
    }

    /** The one path segment after the prefix (a trailing slash is allowed), or null. */
    private static String single(String path, String prefix) {
        if (!path.startsWith(prefix)) {
            return null;
        }
        String rest = path.substring(prefix.length());
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return rest.isEmpty() || rest.contains("/") ? null : rest;
    }

    /** Asks the list-export service for the list. Every failure is a TripException with a message for the user. */
    public ListContent fetch(ListRef ref) {
        return fetch(http, ref, config.get("PLACE_LIST_IMPORT_URL").orElse(null),
                Duration.ofSeconds(Math.max(1, config.getInt("PLACE_LIST_IMPORT_TIMEOUT_SECONDS", 10))),
                Math.max(1024, config.getLong("PLACE_LIST_IMPORT_MAX_BYTES", 1_048_576)),
                config.get("PLACE_LIST_IMPORT_TOKEN").orElse(null));
    }

    /** GET {base}/lists/{source}/{listId}, at most {@code timeout} long and {@code maxBytes} big. */
    static ListContent fetch(HttpClient http, ListRef ref, String base, Duration timeout, long maxBytes, String token) {
        if (base == null || base.isBlank()) {
            throw new TripException(NOT_CONFIGURED);
        }
        URI uri;
        try {
            uri = URI.create(base.strip().replaceAll("/+$", "") + "/lists/" + ref.source() + "/"
                    + URLEncoder.encode(ref.listId(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            LOG.warning("PLACE_LIST_IMPORT_URL is not a valid URL");
            throw new TripException(UNAVAILABLE);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("User-Agent", "TREK trip planner").header("Accept", "application/json").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        // The whole exchange (headers and body) must finish within the timeout; the body stops at maxBytes.
        java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request.build(),
                info -> new org.trek.platform.http.LimitedBody(info.statusCode() == 200 ? maxBytes : 0));
        try {
            HttpResponse<byte[]> r = pending.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            if (r.statusCode() == 404) {
                throw new TripException("The list was not found; is it shared publicly?");
            }
            if (r.statusCode() != 200) {
                LOG.warning(() -> "The place list service answered HTTP " + r.statusCode());
                throw new TripException(UNAVAILABLE);
            }
            return parseList(new String(r.body(), StandardCharsets.UTF_8));
        } catch (java.util.concurrent.TimeoutException e) {
            pending.cancel(true);
            LOG.warning("The place list service did not answer in time");
            throw new TripException(UNAVAILABLE);
        } catch (java.util.concurrent.ExecutionException e) {
            if (org.trek.platform.http.LimitedBody.tooLarge(e.getCause())) {
                throw new TripException("The list is too large to import (more than " + maxBytes + " bytes).");
            }
            LOG.log(Level.WARNING, "The place list service failed", e.getCause());
            throw new TripException(UNAVAILABLE);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new TripException("Place list import was interrupted.");
        }
    }

    /** {"name": "...", "places": [{"name", "lat", "lng", "address", "note", "google_place_id"}]} */
    static ListContent parseList(String json) {
        JsonObject root;
        try {
            JsonValue v = JsonFactory.createReader(new StringReader(json)).readValue();
            if (!(v instanceof JsonObject o) || !(o.get("places") instanceof JsonArray)) {
                throw new JsonParsingException("not a list document", null);
            }
            root = o;
        } catch (RuntimeException e) {
            LOG.warning("The place list service answered something that is not a list document");
            throw new TripException(UNAVAILABLE);
        }
        JsonArray rows = root.getJsonArray("places");
        if (rows.size() > MAX_PLACES) {
            throw new TripException("The list has " + rows.size() + " places; at most " + MAX_PLACES + " can be imported at once.");
        }
        List<ListPlace> places = new ArrayList<>();
        int unusable = 0;
        for (JsonValue row : rows) {
            ListPlace p = row instanceof JsonObject o ? entry(o) : null;
            if (p == null) {
                unusable++;
            } else {
                places.add(p);
            }
        }
        String name = text(root, "name", 200);
        return new ListContent(name == null ? "Imported list" : name, places, unusable);
    }

    private static ListPlace entry(JsonObject o) {
        String name = text(o, "name", 200);
        Double lat = number(o, "lat");
        Double lng = number(o, "lng");
        if (name == null || (lat == null) != (lng == null)
                || lat != null && (lat < -90 || lat > 90 || lng < -180 || lng > 180)) {
            return null;
        }
        return new ListPlace(name, lat, lng, text(o, "address", 500), text(o, "note", 2000), text(o, "google_place_id", 255));
    }

    /** A trimmed string field cut to the column length, or null. */
    private static String text(JsonObject o, String key, int max) {
        if (!(o.get(key) instanceof JsonString s)) {
            return null;
        }
        String t = s.getString().strip();
        if (t.isEmpty()) {
            return null;
        }
        return t.length() <= max ? t : t.substring(0, max);
    }

    private static Double number(JsonObject o, String key) {
        if (o.get(key) instanceof JsonNumber n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        return null;
    }
}
