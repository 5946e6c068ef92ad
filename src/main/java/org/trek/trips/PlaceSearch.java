package org.trek.trips;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trek.platform.JsonFactory;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trek.platform.AppConfig;

/**
 * Looks places up by text with a Nominatim-compatible search service (NOMINATIM_URL, default the public
 * OpenStreetMap instance). Nothing is stored; results feed create_place (osm_id, lat, lng, address).
 */
@ApplicationScoped
public class PlaceSearch {
    private static final Logger LOG = Logger.getLogger(PlaceSearch.class.getName());
    public static final String DEFAULT_URL = "https://nominatim.openstreetmap.org";
    public static final int MAX_RESULTS = 10;

    @Inject
    AppConfig config;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** One search hit. */
    public record Hit(String name, String address, double lat, double lng, String osmId, String type) {
    }

    public List<Hit> search(String query) {
        String q = query == null ? "" : query.trim();
        if (q.isEmpty() || q.length() > 500) {
            throw new TripException("query must be 1 to 500 characters.");
        }
        String base = config.get("NOMINATIM_URL", DEFAULT_URL).replaceAll("/+$", "");
        URI uri = URI.create(base + "/search?format=jsonv2&addressdetails=0&limit=" + MAX_RESULTS + "&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("User-Agent", "TREK trip planner").header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                LOG.warning(() -> "Place search answered HTTP " + r.statusCode());
                throw new TripException("Place search is unavailable right now; try again later.");
            }
            JsonArray rows = JsonFactory.createReader(new StringReader(r.body())).readArray();
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
        } catch (IOException | RuntimeException e) {
            if (e instanceof TripException te) {
                throw te;
            }
            LOG.log(Level.WARNING, "Place search failed", e);
            throw new TripException("Place search is unavailable right now; try again later.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TripException("Place search was interrupted.");
        }
    }
}
