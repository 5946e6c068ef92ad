package org.trek.geo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trek.platform.DomainException;
import org.trek.platform.JsonFactory;
import org.trek.platform.Jsons;
import org.trek.platform.cache.LocalCache;
import org.trek.platform.http.HttpProvider;

/**
 * Reverse geocoding and place details from a Nominatim-compatible service (GeoProviders). Answers are kept in small
 * bounded caches (positions and places change rarely; the public Nominatim asks callers not to repeat requests).
 */
@ApplicationScoped
public class Geocoding {
    static final Pattern OSM_ID = Pattern.compile("^(node|way|relation):(\\d{1,19})$");
    static final Pattern LANG = Pattern.compile("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$");
    public static final String NO_GOOGLE = "Google Maps API key not configured: this server looks places up in "
            + "OpenStreetMap. Pass an OpenStreetMap id from search_place instead (for example node:123456).";

    @Inject
    GeoProviders providers;

    private final LocalCache<String, JsonObject> reverseCache = new LocalCache<>(2_000, 24 * 3_600_000L);
    private final LocalCache<String, JsonObject> detailsCache = new LocalCache<>(1_000, 24 * 3_600_000L);

    /** The language for the provider: a BCP 47-like tag, default en. */
    public static String lang(String lang) {
        if (lang == null || lang.isBlank()) {
            return "en";
        }
        String l = lang.strip();
        if (!LANG.matcher(l).matches()) {
            throw new GeoException("lang must be a language code such as en or de-CH.");
        }
        return l;
    }

    public static void checkPosition(double lat, double lng) {
        if (!(lat >= -90 && lat <= 90)) {
            throw new GeoException("lat must be between -90 and 90.");
        }
        if (!(lng >= -180 && lng <= 180)) {
            throw new GeoException("lng must be between -180 and 180.");
        }
    }

    /** {name, address} for a position: name is the place's own name or its most telling address part. */
    public JsonObject reverse(double lat, double lng, String lang) {
        checkPosition(lat, lng);
        String language = lang(lang);
        String key = String.format(Locale.ROOT, "%.6f,%.6f,%s", lat, lng, language.toLowerCase(Locale.ROOT));
        JsonObject cached = reverseCache.get(key);
        if (cached != null) {
            return cached;
        }
        long generation = reverseCache.generation();
        JsonObject raw = reverseRaw(providers.nominatim(), lat, lng, language, true);
        JsonObject address = raw.get("address") instanceof JsonObject a ? a : JsonValue.EMPTY_JSON_OBJECT;
        String name = first(text(raw, "name"), text(address, "tourism"), text(address, "amenity"), text(address, "shop"),
                text(address, "building"), text(address, "road"));
        JsonObjectBuilder b = JsonFactory.createObjectBuilder();
        Jsons.put(b, "name", name);
        Jsons.put(b, "address", text(raw, "display_name"));
        JsonObject out = b.build();
        reverseCache.putIfUnchanged(key, out, generation);
        return out;
    }

    /**
     * Nominatim's reverse answer as it came ({} for "nothing here"). With {@code strict} a failing service throws
     * the "unavailable" message; without, it answers {} (resolve_maps_url keeps its coordinates then).
     */
    static JsonObject reverseRaw(HttpProvider nominatim, double lat, double lng, String lang, boolean strict) {
        String query = String.format(Locale.ROOT, "/reverse?lat=%s&lon=%s&format=json&addressdetails=1&zoom=18&accept-language=%s",
                Double.toString(lat), Double.toString(lng), URLEncoder.encode(lang, StandardCharsets.UTF_8));
        try {
            JsonValue v = nominatim.getJson(query);
            return v instanceof JsonObject o && !o.containsKey("error") ? o : JsonValue.EMPTY_JSON_OBJECT;
        } catch (DomainException e) {
            if (strict) {
                throw e;
            }
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    /** The reverse answer for resolve_maps_url: never fails (an outage leaves name and address null). */
    public JsonObject reverseLenient(double lat, double lng) {
        return reverseRaw(providers.nominatim(), lat, lng, "en", false);
    }

    /**
     * Details of an OpenStreetMap place ("node:123", "way:5", "relation:7"): name, address, position, website,
     * phone, opening hours from its tags. A Google place id needs Google, which this server does not use.
     */
    public JsonObject details(String placeId, String lang, LocalDateTime now) {
        String id = placeId == null ? "" : placeId.strip();
        String language = lang(lang);
        Matcher m = OSM_ID.matcher(id);
        if (!m.matches()) {
            if (id.isEmpty() || id.length() > 300 || id.contains(":") || id.contains("/")) {
                throw new GeoException("placeId must be a Google place id or an OpenStreetMap id such as node:123456.");
            }
            throw new GeoException(NO_GOOGLE);
        }
        String key = id + "|" + language.toLowerCase(Locale.ROOT);
        JsonObject raw = detailsCache.get(key);
        if (raw == null) {
            long generation = detailsCache.generation();
            String osmIds = Character.toUpperCase(m.group(1).charAt(0)) + m.group(2);
            JsonValue v = providers.nominatim().getJson("/lookup?osm_ids=" + osmIds + "&format=jsonv2&extratags=1&accept-language="
                    + URLEncoder.encode(language, StandardCharsets.UTF_8));
            if (!(v instanceof JsonArray rows)) {
                throw new DomainException(GeoProviders.GEOCODING_UNAVAILABLE);
            }
            if (rows.isEmpty() || !(rows.get(0) instanceof JsonObject first)) {
                throw new GeoException("Place not found.");
            }
            raw = first;
            detailsCache.putIfUnchanged(key, raw, generation);
        }
        return osmDetails(raw, m.group(1), m.group(2), now);
    }

    /** The original's OpenStreetMap details shape. */
    static JsonObject osmDetails(JsonObject item, String osmType, String osmId, LocalDateTime now) {
        JsonObject tags = item.get("extratags") instanceof JsonObject t ? t : JsonValue.EMPTY_JSON_OBJECT;
        JsonObjectBuilder b = JsonFactory.createObjectBuilder();
        Jsons.put(b, "website", first(text(tags, "contact:website"), text(tags, "website")));
        Jsons.put(b, "phone", first(text(tags, "contact:phone"), text(tags, "phone")));
        String hours = text(tags, "opening_hours");
        OpeningHours.Week week = hours == null ? null : OpeningHours.parse(hours, now);
        if (week != null && week.hasData()) {
            b.add("opening_hours", Jsons.array(week.weekdayDescriptions(), s -> s));
            Jsons.put(b, "open_now", week.openNow());
        } else {
            b.addNull("opening_hours").addNull("open_now");
        }
        b.add("osm_url", "https://www.openstreetmap.org/" + osmType + "/" + osmId);
        Jsons.put(b, "summary", text(tags, "description"));
        b.add("source", "openstreetmap");
        String display = text(item, "display_name");
        String name = first(text(item, "name"), text(tags, "name"), display == null ? null : display.split(",")[0].strip());
        b.add("name", name == null ? "" : name);
        b.add("address", display == null ? "" : display);
        Jsons.put(b, "lat", number(item, "lat"));
        Jsons.put(b, "lng", number(item, "lon"));
        b.add("osm_id", osmType + ":" + osmId);
        return b.build();
    }

    static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v instanceof JsonString s && !s.getString().isBlank()) {
            return s.getString().strip();
        }
        return null;
    }

    /** Nominatim writes coordinates as strings. */
    static Double number(JsonObject o, String key) {
        JsonValue v = o.get(key);
        try {
            double d = v instanceof JsonString s ? Double.parseDouble(s.getString())
                    : v instanceof jakarta.json.JsonNumber n ? n.doubleValue() : Double.NaN;
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
