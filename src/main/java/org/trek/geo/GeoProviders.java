package org.trek.geo;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.trek.platform.AppConfig;
import org.trek.platform.http.HttpProvider;

/**
 * The outside services of the geo and weather tools, configured once at start (README, Configuration):
 * a Nominatim-compatible geocoder (NOMINATIM_URL, shared with search_place) and Open-Meteo-compatible forecast and
 * archive services. Each has a deadline for the whole exchange and a cap on the answer; the base URL {@code none}
 * switches a service off.
 */
@ApplicationScoped
public class GeoProviders {
    public static final String NOMINATIM_DEFAULT = "https://nominatim.openstreetmap.org";
    public static final String OPEN_METEO_DEFAULT = "https://api.open-meteo.com";
    public static final String OPEN_METEO_ARCHIVE_DEFAULT = "https://archive-api.open-meteo.com";

    public static final String GEOCODING_UNAVAILABLE = "Geocoding is unavailable right now; try again later.";
    public static final String WEATHER_UNAVAILABLE = "Weather service not available right now; try again later.";

    @Inject
    AppConfig config;

    private HttpProvider nominatim;
    private HttpProvider forecast;
    private HttpProvider archive;

    @PostConstruct
    void configure() {
        Duration geoTimeout = Duration.ofSeconds(Math.max(1, config.getInt("NOMINATIM_TIMEOUT_SECONDS", 10)));
        long geoMax = Math.max(1024, config.getLong("NOMINATIM_MAX_BYTES", 1_048_576));
        nominatim = new HttpProvider("Nominatim", config.get("NOMINATIM_URL", NOMINATIM_DEFAULT), geoTimeout, geoMax,
                GEOCODING_UNAVAILABLE, "Geocoding is not configured on this server (the administrator sets NOMINATIM_URL).");
        Duration weatherTimeout = Duration.ofSeconds(Math.max(1, config.getInt("WEATHER_TIMEOUT_SECONDS", 10)));
        long weatherMax = Math.max(1024, config.getLong("WEATHER_MAX_BYTES", 1_048_576));
        forecast = new HttpProvider("Open-Meteo forecast", config.get("OPEN_METEO_URL", OPEN_METEO_DEFAULT), weatherTimeout,
                weatherMax, WEATHER_UNAVAILABLE, "Weather is not configured on this server (the administrator sets OPEN_METEO_URL).");
        archive = new HttpProvider("Open-Meteo archive", config.get("OPEN_METEO_ARCHIVE_URL", OPEN_METEO_ARCHIVE_DEFAULT),
                weatherTimeout, weatherMax, WEATHER_UNAVAILABLE,
                "Climate averages are not configured on this server (the administrator sets OPEN_METEO_ARCHIVE_URL).");
    }

    public HttpProvider nominatim() {
        return nominatim;
    }

    public HttpProvider forecast() {
        return forecast;
    }

    public HttpProvider archive() {
        return archive;
    }
}
