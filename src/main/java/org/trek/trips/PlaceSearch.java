package org.trek.trips;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trek.platform.AppConfig;
import org.trek.platform.http.HttpProvider;

/**
 * Looks places up by text with a Nominatim-compatible search service (NOMINATIM_URL, default the public
 * OpenStreetMap instance) through the shared {@link HttpProvider} (deadline, size cap, no redirects). Nothing is
 * stored; results feed create_place (osm_id, lat, lng, address).
 */
@ApplicationScoped
public class PlaceSearch {
    private static final Logger LOG = Logger.getLogger(PlaceSearch.class.getName());
    public static final String DEFAULT_URL = "https://nominatim.openstreetmap.org";
    public static final int MAX_RESULTS = 10;

    public static final String UNAVAILABLE = "Place search is unavailable right now; try again later.";

    @Inject
    AppConfig config;

    private volatile HttpProvider provider;

    /** One search hit. */
    public record Hit(String name, String address, double lat, double lng, String osmId, String type) {
    }

    /** The Nominatim provider (platform.http): the same settings as the geo tools' (NOMINATIM_URL, timeout, cap). */
    private HttpProvider provider() {
        HttpProvider p = provider;
        if (p == null) {
            p = new HttpProvider("Nominatim", config.get("NOMINATIM_URL", DEFAULT_URL),
                    Duration.ofSeconds(Math.max(1, config.getInt("NOMINATIM_TIMEOUT_SECONDS", 10))),
                    Math.max(1024, config.getLong("NOMINATIM_MAX_BYTES", 1_048_576)), UNAVAILABLE,
                    "Place search is not configured on this server (the administrator sets NOMINATIM_URL).");
            provider = p;
        }
        return p;
    }

    public List<Hit> search(String query) {
        String q = query == null ? "" : query.trim();
        if (q.isEmpty() || q.length() > 500) {
            throw new TripException("query must be 1 to 500 characters.");
        }
        JsonValue answer = provider().getJson("/search?format=jsonv2&addressdetails=0&limit=" + MAX_RESULTS + "&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8));
        if (!(answer instanceof JsonArray rows)) {
            LOG.warning("Place search answered something that is not a list");
            throw new TripException(UNAVAILABLE);
        }
        try {
            List<Hit> hits = new ArrayList<>();
            for (JsonValue v : rows) {
                if (v.getValueType() != JsonValue.ValueType.OBJECT || hits.size() >= MAX_RESULTS) {
                    continue;
                }
                JsonObject o = v.asJsonObject();
                String display = o.getString("display_name", "");
                String name = o.getString("name", "");
                hits.add(new Hit(name.isEmpty() ? display.split(",")[0] : name, display,
                        Double.parseDouble(o.getString("lat", "0")), Double.parseDouble(o.getString("lon", "0")),
                        o.getString("osm_type", "node") + ":" + o.get("osm_id"), o.getString("type", null)));
            }
            return hits;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Place search answered rows of an unexpected shape", e);
            throw new TripException(UNAVAILABLE);
        }
    }
}
