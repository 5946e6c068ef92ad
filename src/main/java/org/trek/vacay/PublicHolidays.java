package org.trek.vacay;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.trek.platform.AppConfig;
import org.trek.platform.DomainException;
import org.trek.platform.JsonFactory;
import org.trek.platform.cache.LocalCache;
import org.trek.platform.http.HttpProvider;

/**
 * Public holidays from a Nager.Date-compatible service ({@code GET /api/v3/PublicHolidays/{year}/{country}} and
 * {@code GET /api/v3/AvailableCountries}) at the base URL {@value #URL_SETTING}, by default the public Nager.Date
 * ({@value #DEFAULT_URL}: free, no key), as the original; {@code none} switches it off and every call answers
 * {@link #NOT_CONFIGURED}. Answers are cached per country and year (and the country list once)
 * for {@value #CACHE_SETTING} minutes (default 1440, the original's day), at most {@value #CACHE_ENTRIES} entries.
 * Only the known fields of the service's objects are passed on, each with its JSON type checked.
 */
@ApplicationScoped
public class PublicHolidays {
    public static final String URL_SETTING = "VACAY_HOLIDAYS_URL";
    public static final String CACHE_SETTING = "VACAY_HOLIDAYS_CACHE_MINUTES";
    public static final String DEFAULT_URL = "https://date.nager.at";
    static final int CACHE_ENTRIES = 1000;
    public static final String NOT_CONFIGURED = "Public holidays are switched off on this server (the administrator sets "
            + URL_SETTING + ", e.g. https://date.nager.at).";
    public static final String UNAVAILABLE = "The public holiday service is unavailable right now; try again later.";
    static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    @Inject
    AppConfig config;

    private HttpProvider provider;
    private LocalCache<String, JsonArray> cache;

    @PostConstruct
    void configure() {
        configure(new HttpProvider("Public holidays", config.get(URL_SETTING, DEFAULT_URL),
                Duration.ofSeconds(Math.max(1, config.getInt("VACAY_HOLIDAYS_TIMEOUT_SECONDS", 10))),
                Math.max(1024, config.getLong("VACAY_HOLIDAYS_MAX_BYTES", 1_048_576)), UNAVAILABLE, NOT_CONFIGURED),
                Math.max(1, config.getLong(CACHE_SETTING, 1440)) * 60_000L);
    }

    /** With a provider of one's own (unit tests). */
    void configure(HttpProvider provider, long cacheMillis) {
        this.provider = provider;
        this.cache = new LocalCache<>(CACHE_ENTRIES, cacheMillis);
    }

    public boolean configured() {
        return provider.configured();
    }

    /** An ISO 3166-1 alpha-2 code in capitals, or a clear error. */
    public static String country(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRY.matcher(c).matches()) {
            throw new VacayException("country must be an ISO 3166-1 alpha-2 code such as DE or US.");
        }
        return c;
    }

    /** [{countryCode, name}] of the countries the service knows. */
    public JsonArray countries() {
        return cached("countries", "/api/v3/AvailableCountries", "countries", List.of("countryCode:string", "name:string"));
    }

    /** The country's public holidays of the year, in the service's form (date, localName, name, global, counties...). */
    public JsonArray holidays(int year, String countryCode) {
        String country = country(countryCode);
        VacayService.checkYear(year);
        return cached(year + "-" + country, "/api/v3/PublicHolidays/" + year + "/" + country, "holidays of " + country,
                List.of("date:string", "localName:string", "name:string", "countryCode:string", "fixed:boolean",
                        "global:boolean", "counties:array", "launchYear:number", "types:array"));
    }

    private JsonArray cached(String key, String path, String what, List<String> fields) {
        JsonArray hit = cache.get(key);
        if (hit != null) {
            return hit;
        }
        long generation = cache.generation();
        HttpProvider.Answer a = provider.get(path);
        if (a.status() == 404 || a.status() == 400 || a.status() == 204) {
            throw new VacayException("The public holiday service knows no " + what + " (check the country code).");
        }
        if (!a.ok()) {
            throw new DomainException(UNAVAILABLE);
        }
        JsonValue body = provider.parse(a.body());
        if (!(body instanceof JsonArray array)) {
            throw new DomainException(UNAVAILABLE);
        }
        JsonArrayBuilder out = JsonFactory.createArrayBuilder();
        for (JsonValue item : array) {
            if (item instanceof JsonObject o) {
                out.add(pick(o, fields));
            }
        }
        JsonArray result = out.build();
        cache.putIfUnchanged(key, result, generation);
        return result;
    }

    private static JsonObjectBuilder pick(JsonObject o, List<String> fields) {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder();
        for (String f : fields) {
            String name = f.substring(0, f.indexOf(':'));
            String type = f.substring(f.indexOf(':') + 1);
            JsonValue v = o.get(name);
            if (v == null) {
                continue;
            }
            boolean fits = v.getValueType() == JsonValue.ValueType.NULL
                    || switch (type) {
                        case "string" -> v.getValueType() == JsonValue.ValueType.STRING;
                        case "boolean" -> v == JsonValue.TRUE || v == JsonValue.FALSE;
                        case "number" -> v.getValueType() == JsonValue.ValueType.NUMBER;
                        default -> v.getValueType() == JsonValue.ValueType.ARRAY;
                    };
            if (fits) {
                b.add(name, v);
            }
        }
        return b;
    }

    /**
     * The holidays of a calendar region ("DE" or "DE-BY") in a year that apply there: the nationwide ones, and those
     * of the named subdivision. Of a country with regional holidays and no subdivision given, only the nationwide
     * ones (the original skipped such a calendar altogether).
     */
    public JsonArray forRegion(int year, String region) {
        String[] parts = region.split("-", 2);
        JsonArray all = holidays(year, parts[0]);
        String sub = parts.length > 1 ? region : null;
        JsonArrayBuilder out = JsonFactory.createArrayBuilder();
        for (JsonValue v : all) {
            JsonObject h = v.asJsonObject();
            JsonValue counties = h.get("counties");
            boolean national = h.getBoolean("global", true) || counties == null || counties.getValueType() != JsonValue.ValueType.ARRAY
                    || counties.asJsonArray().isEmpty();
            boolean here = sub != null && counties instanceof JsonArray list
                    && list.stream().anyMatch(c -> c instanceof jakarta.json.JsonString s && s.getString().equalsIgnoreCase(sub));
            if (national || here) {
                out.add(h);
            }
        }
        return out.build();
    }
}
