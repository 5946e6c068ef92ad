package org.trek.geo;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which map links resolve_maps_url accepts and how a position and a name are read out of them. Pure: no requests.
 *
 * <p>Known hosts: Google Maps short links ({@code maps.app.goo.gl}, {@code goo.gl/maps/...}) and Google Maps on every
 * country domain ({@code www.google.de}, {@code maps.google.co.uk}; matched by shape, so {@code google.evil.com} is
 * not one), as the original; Apple Maps ({@code maps.apple.com}) and OpenStreetMap ({@code openstreetmap.org},
 * {@code osm.org}), whose links carry their coordinates and are never fetched.
 */
public final class MapsUrls {
    static final Set<String> GOOGLE_SHORT_HOSTS = Set.of("maps.app.goo.gl", "goo.gl");
    static final Set<String> APPLE_HOSTS = Set.of("maps.apple.com", "maps.apple");
    static final Set<String> OSM_HOSTS = Set.of("openstreetmap.org", "www.openstreetmap.org", "osm.org", "www.osm.org");
    private static final Pattern GOOGLE_HOST = Pattern.compile("^(www\\.|maps\\.)?google\\.[a-z]{2,3}(\\.[a-z]{2})?$");

    private static final String NUM = "(-?\\d{1,3}(?:\\.\\d+)?)";
    private static final Pattern AT = Pattern.compile("@(-?\\d{1,3}\\.\\d+),(-?\\d{1,3}\\.\\d+)");
    private static final Pattern DATA = Pattern.compile("!3d(-?\\d{1,3}\\.\\d+)!4d(-?\\d{1,3}\\.\\d+)");
    private static final Pattern QUERY = Pattern.compile("[?&](?:q|ll|sll|coordinate|center)=" + NUM + ",\\s*" + NUM + "(?:[&#]|$)");
    private static final Pattern OSM_MARKER_LAT = Pattern.compile("[?&]mlat=" + NUM + "(?:[&#]|$)");
    private static final Pattern OSM_MARKER_LON = Pattern.compile("[?&]mlon=" + NUM + "(?:[&#]|$)");
    private static final Pattern OSM_MAP = Pattern.compile("#map=\\d{1,2}/" + NUM + "/" + NUM);
    private static final Pattern PLACE = Pattern.compile("/place/([^/@?#]+)");
    private static final Pattern FTID = Pattern.compile("^0x[0-9a-f]+:0x[0-9a-f]+$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FTID_DATA = Pattern.compile("!1s(0x[0-9a-f]{1,20}:0x[0-9a-f]{1,20})", Pattern.CASE_INSENSITIVE);

    public static final String NOT_A_MAP_LINK = "url must be a Google Maps, Apple Maps or OpenStreetMap link "
            + "(for example https://maps.app.goo.gl/..., https://www.google.com/maps/place/..., https://maps.apple.com/?ll=...).";

    /** A position. */
    public record Point(double lat, double lng) {
        boolean valid() {
            return lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180;
        }
    }

    private MapsUrls() {
    }

    static String host(URI uri) {
        return uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    }

    /** A short link that has to be followed before anything can be read from it (goo.gl only under /maps). */
    public static boolean isGoogleShort(URI uri) {
        String host = host(uri);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return host.equals("maps.app.goo.gl") || host.equals("goo.gl") && (path.equals("/maps") || path.startsWith("/maps/"));
    }

    public static boolean isGoogleMapsHost(String host) {
        return GOOGLE_SHORT_HOSTS.contains(host) || GOOGLE_HOST.matcher(host).matches();
    }

    /** A link resolve_maps_url may read, and (for Google) follow: http(s) on its usual port, no user info, a known host. */
    public static boolean isKnown(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getRawUserInfo() != null
                || uri.getPort() != -1 && uri.getPort() != 80 && uri.getPort() != 443) {
            return false;
        }
        String host = host(uri);
        if (host.equals("goo.gl")) {
            return isGoogleShort(uri);
        }
        return isGoogleMapsHost(host) || APPLE_HOSTS.contains(host) || OSM_HOSTS.contains(host);
    }

    /** Whether the link must be followed: a Google short link, or a Google Maps link without a position. */
    public static boolean needsFollowing(URI uri, String url) {
        return isGoogleShort(uri) || isGoogleMapsHost(host(uri)) && point(url) == null;
    }

    /**
     * The position a link names: Google's /@lat,lng, !3dlat!4dlng and ?q= / ?ll=; Apple's ll=, q=, coordinate=,
     * center=; OpenStreetMap's mlat/mlon and #map=zoom/lat/lon. Null when there is none (or it is off the globe).
     */
    public static Point point(String url) {
        if (url == null) {
            return null;
        }
        Point p = firstPoint(url);
        if (p == null && url.contains("%")) {
            p = firstPoint(decode(url));
        }
        return p != null && p.valid() ? p : null;
    }

    /** The position in a Google Maps page's embedded map data (the body of a place page without one in its URL). */
    public static Point pointInPage(String body) {
        if (body == null) {
            return null;
        }
        Matcher m = AT.matcher(body);
        Point p = m.find() ? point(m) : null;
        if (p == null) {
            Matcher d = DATA.matcher(body);
            p = d.find() ? point(d) : null;
        }
        return p != null && p.valid() ? p : null;
    }

    private static Point firstPoint(String s) {
        for (Pattern pattern : new Pattern[] {AT, DATA, QUERY, OSM_MAP}) {
            Matcher m = pattern.matcher(s);
            if (m.find()) {
                return point(m);
            }
        }
        Matcher lat = OSM_MARKER_LAT.matcher(s);
        Matcher lon = OSM_MARKER_LON.matcher(s);
        if (lat.find() && lon.find()) {
            return new Point(Double.parseDouble(lat.group(1)), Double.parseDouble(lon.group(1)));
        }
        return null;
    }

    private static Point point(Matcher m) {
        try {
            return new Point(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The place name of a Google /place/Name/ path, or Apple's name= (or a q= that is not a position). */
    public static String name(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        Matcher m = PLACE.matcher(path);
        if (m.find()) {
            String n = decode(m.group(1).replace('+', ' ')).strip();
            return n.isEmpty() ? null : cut(n);
        }
        if (APPLE_HOSTS.contains(host(uri))) {
            String n = param(uri, "name");
            if (n == null) {
                n = param(uri, "q");
            }
            if (n != null && !n.matches("^\\s*-?[\\d.]+\\s*,\\s*-?[\\d.]+\\s*$")) {
                return cut(n.strip());
            }
        }
        return null;
    }

    /** Google's feature id (0x..:0x..) from ?ftid= or, on a /place/ link, from the !1s data blob. */
    public static String googleFtid(URI uri) {
        String ftid = param(uri, "ftid");
        if (ftid != null && FTID.matcher(ftid.strip()).matches()) {
            return ftid.strip().toLowerCase(Locale.ROOT);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.contains("/place/")) {
            return null;
        }
        Matcher m = FTID_DATA.matcher(path);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    static String param(URI uri, String name) {
        String q = uri.getRawQuery();
        if (q == null) {
            return null;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                String v = decode(pair.substring(eq + 1).replace('+', ' '));
                return v.isBlank() ? null : v;
            }
        }
        return null;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String cut(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200);
    }
}
