package org.trek.geo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.trek.platform.Clock;
import org.trek.platform.DomainException;
import org.trek.platform.JsonFactory;
import org.trek.platform.cache.LocalCache;
import org.trek.platform.http.HttpProvider;

/**
 * Weather for a place and a day from Open-Meteo-compatible services (GeoProviders), as the original: a daily forecast
 * up to 16 days ahead, beyond that the averages of the same days a year earlier from the archive ("climate"), and an
 * hourly breakdown for get_detailed_weather. Answers are cached (forecasts 1 h, climate 24 h) per position rounded to
 * 0.01° (about 1 km) and day.
 */
@ApplicationScoped
public class Weather {
    private static final long DAY_MS = 86_400_000L;

    @Inject
    GeoProviders providers;

    @Inject
    Clock clock;

    private final LocalCache<String, JsonObject> forecasts = new LocalCache<>(2_000, 3_600_000L);
    private final LocalCache<String, JsonObject> climate = new LocalCache<>(2_000, 24 * 3_600_000L);

    static final Map<Integer, String> MAIN = Map.ofEntries(Map.entry(0, "Clear"), Map.entry(1, "Clear"),
            Map.entry(2, "Clouds"), Map.entry(3, "Clouds"), Map.entry(45, "Fog"), Map.entry(48, "Fog"),
            Map.entry(51, "Drizzle"), Map.entry(53, "Drizzle"), Map.entry(55, "Drizzle"), Map.entry(56, "Drizzle"),
            Map.entry(57, "Drizzle"), Map.entry(61, "Rain"), Map.entry(63, "Rain"), Map.entry(65, "Rain"),
            Map.entry(66, "Rain"), Map.entry(67, "Rain"), Map.entry(71, "Snow"), Map.entry(73, "Snow"),
            Map.entry(75, "Snow"), Map.entry(77, "Snow"), Map.entry(80, "Rain"), Map.entry(81, "Rain"),
            Map.entry(82, "Rain"), Map.entry(85, "Snow"), Map.entry(86, "Snow"), Map.entry(95, "Thunderstorm"),
            Map.entry(96, "Thunderstorm"), Map.entry(99, "Thunderstorm"));

    static final Map<Integer, String> EN = Map.ofEntries(Map.entry(0, "Clear sky"), Map.entry(1, "Mainly clear"),
            Map.entry(2, "Partly cloudy"), Map.entry(3, "Overcast"), Map.entry(45, "Fog"), Map.entry(48, "Rime fog"),
            Map.entry(51, "Light drizzle"), Map.entry(53, "Drizzle"), Map.entry(55, "Heavy drizzle"),
            Map.entry(56, "Freezing drizzle"), Map.entry(57, "Heavy freezing drizzle"), Map.entry(61, "Light rain"),
            Map.entry(63, "Rain"), Map.entry(65, "Heavy rain"), Map.entry(66, "Freezing rain"),
            Map.entry(67, "Heavy freezing rain"), Map.entry(71, "Light snowfall"), Map.entry(73, "Snowfall"),
            Map.entry(75, "Heavy snowfall"), Map.entry(77, "Snow grains"), Map.entry(80, "Light rain showers"),
            Map.entry(81, "Rain showers"), Map.entry(82, "Heavy rain showers"), Map.entry(85, "Light snow showers"),
            Map.entry(86, "Heavy snow showers"), Map.entry(95, "Thunderstorm"), Map.entry(96, "Thunderstorm with hail"),
            Map.entry(99, "Severe thunderstorm with hail"));

    static final Map<Integer, String> DE = Map.ofEntries(Map.entry(0, "Klar"), Map.entry(1, "Überwiegend klar"),
            Map.entry(2, "Teilweise bewölkt"), Map.entry(3, "Bewölkt"), Map.entry(45, "Nebel"), Map.entry(48, "Nebel mit Reif"),
            Map.entry(51, "Leichter Nieselregen"), Map.entry(53, "Nieselregen"), Map.entry(55, "Starker Nieselregen"),
            Map.entry(56, "Gefrierender Nieselregen"), Map.entry(57, "Starker gefrierender Nieselregen"),
            Map.entry(61, "Leichter Regen"), Map.entry(63, "Regen"), Map.entry(65, "Starker Regen"),
            Map.entry(66, "Gefrierender Regen"), Map.entry(67, "Starker gefrierender Regen"),
            Map.entry(71, "Leichter Schneefall"), Map.entry(73, "Schneefall"), Map.entry(75, "Starker Schneefall"),
            Map.entry(77, "Schneekörner"), Map.entry(80, "Leichte Regenschauer"), Map.entry(81, "Regenschauer"),
            Map.entry(82, "Starke Regenschauer"), Map.entry(85, "Leichte Schneeschauer"), Map.entry(86, "Starke Schneeschauer"),
            Map.entry(95, "Gewitter"), Map.entry(96, "Gewitter mit Hagel"), Map.entry(99, "Starkes Gewitter mit Hagel"));

    static LocalDate date(String date) {
        try {
            if (date != null && date.strip().matches("^\\d{4}-\\d{2}-\\d{2}$")) {
                return LocalDate.parse(date.strip());
            }
        } catch (DateTimeParseException e) {
            // below
        }
        throw new GeoException("date must be a date YYYY-MM-DD.");
    }

    private static Map<Integer, String> descriptions(String lang) {
        return lang.toLowerCase(Locale.ROOT).startsWith("de") ? DE : EN;
    }

    private static String key(double lat, double lng, LocalDate day, String lang) {
        return String.format(Locale.ROOT, "%.2f_%.2f_%s_%s", lat, lng, day, lang.toLowerCase(Locale.ROOT));
    }

    /** Days from now to the day's midnight UTC (negative: past). */
    private double daysAhead(LocalDate day) {
        Instant midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return (midnight.toEpochMilli() - clock.millis()) / (double) DAY_MS;
    }

    /** {temp, temp_max, temp_min, main, description, type} or the "no_forecast" answer. */
    public JsonObject daily(double lat, double lng, String dateText, String langText) {
        Geocoding.checkPosition(lat, lng);
        LocalDate day = date(dateText);
        String lang = Geocoding.lang(langText);
        String key = key(lat, lng, day, lang);
        double ahead = daysAhead(day);
        if (ahead >= -1 && ahead <= 16) {
            JsonObject cached = forecasts.get(key);
            if (cached != null) {
                return cached;
            }
            long generation = forecasts.generation();
            JsonObject data = ask(providers.forecast(), "/v1/forecast?latitude=" + lat + "&longitude=" + lng
                    + "&daily=temperature_2m_max,temperature_2m_min,weathercode&timezone=auto&forecast_days=16");
            JsonObject daily = data.getJsonObject("daily");
            int idx = daily == null ? -1 : indexOf(daily.getJsonArray("time"), day.toString());
            if (idx >= 0) {
                Double max = at(daily, "temperature_2m_max", idx);
                Double min = at(daily, "temperature_2m_min", idx);
                Double code = at(daily, "weathercode", idx);
                if (max != null && min != null) {
                    int c = code == null ? -1 : code.intValue();
                    JsonObject out = JsonFactory.createObjectBuilder().add("temp", round((max + min) / 2))
                            .add("temp_max", round(max)).add("temp_min", round(min)).add("main", MAIN.getOrDefault(c, "Clouds"))
                            .add("description", descriptions(lang).getOrDefault(c, "")).add("type", "forecast").build();
                    forecasts.putIfUnchanged(key, out, generation);
                    return out;
                }
            }
        }
        if (ahead > -1) {
            return climateAverage(lat, lng, day, key);
        }
        return noForecast();
    }

    /** The averages of the five days around the same date a year earlier. */
    private JsonObject climateAverage(double lat, double lng, LocalDate day, String key) {
        JsonObject cached = climate.get(key);
        if (cached != null) {
            return cached;
        }
        long generation = climate.generation();
        LocalDate reference = day.minusYears(1);
        JsonObject data = ask(providers.archive(), "/v1/archive?latitude=" + lat + "&longitude=" + lng + "&start_date="
                + reference.minusDays(2) + "&end_date=" + reference.plusDays(2)
                + "&daily=temperature_2m_max,temperature_2m_min,precipitation_sum&timezone=auto");
        JsonObject daily = data.getJsonObject("daily");
        JsonArray time = daily == null ? null : daily.getJsonArray("time");
        if (time == null || time.isEmpty()) {
            return noForecast();
        }
        double sumMax = 0;
        double sumMin = 0;
        double sumPrecip = 0;
        int count = 0;
        for (int i = 0; i < time.size(); i++) {
            Double max = at(daily, "temperature_2m_max", i);
            Double min = at(daily, "temperature_2m_min", i);
            if (max != null && min != null) {
                Double p = at(daily, "precipitation_sum", i);
                sumMax += max;
                sumMin += min;
                sumPrecip += p == null ? 0 : p;
                count++;
            }
        }
        if (count == 0) {
            return noForecast();
        }
        double avgMax = sumMax / count;
        double avgMin = sumMin / count;
        double avg = (avgMax + avgMin) / 2;
        JsonObject out = JsonFactory.createObjectBuilder().add("temp", round(avg)).add("temp_max", round(avgMax))
                .add("temp_min", round(avgMin)).add("main", estimate(avg, sumPrecip / count)).add("description", "")
                .add("type", "climate").build();
        climate.putIfUnchanged(key, out, generation);
        return out;
    }

    /** The day with sunrise, sunset, precipitation, wind and 24 hourly entries. */
    public JsonObject detailed(double lat, double lng, String dateText, String langText) {
        Geocoding.checkPosition(lat, lng);
        LocalDate day = date(dateText);
        String lang = Geocoding.lang(langText);
        String key = "detailed_" + key(lat, lng, day, lang);
        boolean isClimate = daysAhead(day) > 16;
        LocalCache<String, JsonObject> cache = isClimate ? climate : forecasts;
        JsonObject cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        long generation = cache.generation();
        String position = "latitude=" + lat + "&longitude=" + lng;
        JsonObject data;
        LocalDate asked = isClimate ? day.minusYears(1) : day;
        if (isClimate) {
            data = ask(providers.archive(), "/v1/archive?" + position + "&start_date=" + asked + "&end_date=" + asked
                    + "&hourly=temperature_2m,precipitation,weathercode,windspeed_10m,relativehumidity_2m"
                    + "&daily=temperature_2m_max,temperature_2m_min,weathercode,precipitation_sum,windspeed_10m_max,sunrise,sunset"
                    + "&timezone=auto");
        } else {
            data = ask(providers.forecast(), "/v1/forecast?" + position
                    + "&hourly=temperature_2m,precipitation_probability,precipitation,weathercode,windspeed_10m,relativehumidity_2m"
                    + "&daily=temperature_2m_max,temperature_2m_min,weathercode,sunrise,sunset,precipitation_probability_max,"
                    + "precipitation_sum,windspeed_10m_max&timezone=auto&start_date=" + asked + "&end_date=" + asked);
        }
        JsonObject daily = data.getJsonObject("daily");
        JsonArray time = daily == null ? null : daily.getJsonArray("time");
        Double max = daily == null ? null : at(daily, "temperature_2m_max", 0);
        Double min = daily == null ? null : at(daily, "temperature_2m_min", 0);
        if (time == null || time.isEmpty() || max == null || min == null) {
            return noForecast();
        }
        Double code = at(daily, "weathercode", 0);
        int c = code == null ? -1 : code.intValue();
        double precipSum = orZero(at(daily, "precipitation_sum", 0));
        String main = MAIN.get(c);
        if (main == null) {
            main = isClimate ? estimate((max + min) / 2, precipSum) : "Clouds";
        }
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("type", isClimate ? "climate" : "forecast")
                .add("temp", round((max + min) / 2)).add("temp_max", round(max)).add("temp_min", round(min))
                .add("main", main).add("description", descriptions(lang).getOrDefault(c, ""));
        putTime(b, "sunrise", daily, isClimate);
        putTime(b, "sunset", daily, isClimate);
        if (isClimate) {
            b.add("precipitation_sum", num(Math.round(precipSum * 10) / 10.0));
        } else {
            b.add("precipitation_sum", num(precipSum));
            b.add("precipitation_probability_max", num(orZero(at(daily, "precipitation_probability_max", 0))));
        }
        b.add("wind_max", round(orZero(at(daily, "windspeed_10m_max", 0))));
        b.add("hourly", hourly(data.getJsonObject("hourly"), isClimate));
        JsonObject out = b.build();
        cache.putIfUnchanged(key, out, generation);
        return out;
    }

    private static jakarta.json.JsonArrayBuilder hourly(JsonObject hourly, boolean isClimate) {
        jakarta.json.JsonArrayBuilder rows = JsonFactory.createArrayBuilder();
        JsonArray time = hourly == null ? null : hourly.getJsonArray("time");
        if (time == null) {
            return rows;
        }
        for (int i = 0; i < time.size() && i < 48; i++) {
            String t = time.get(i) instanceof JsonString s ? s.getString() : "";
            int hour = t.length() >= 13 && t.charAt(10) == 'T' ? parseHour(t.substring(11, 13)) : i % 24;
            Double hc = at(hourly, "weathercode", i);
            rows.add(JsonFactory.createObjectBuilder().add("hour", hour)
                    .add("temp", round(orZero(at(hourly, "temperature_2m", i))))
                    .add("precipitation_probability", num(isClimate ? 0 : orZero(at(hourly, "precipitation_probability", i))))
                    .add("precipitation", num(orZero(at(hourly, "precipitation", i))))
                    .add("main", MAIN.getOrDefault(hc == null ? -1 : hc.intValue(), "Clouds"))
                    .add("wind", round(orZero(at(hourly, "windspeed_10m", i))))
                    .add("humidity", isClimate ? num(orZero(at(hourly, "relativehumidity_2m", i)))
                            : num(round(orZero(at(hourly, "relativehumidity_2m", i))))));
        }
        return rows;
    }

    private static int parseHour(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** "2027-04-01T06:42" → "06:42"; null when the service has none. */
    private static void putTime(JsonObjectBuilder b, String key, JsonObject daily, boolean nullable) {
        JsonArray a = daily.getJsonArray(key);
        String v = a != null && !a.isEmpty() && a.get(0) instanceof JsonString s ? s.getString() : null;
        int t = v == null ? -1 : v.indexOf('T');
        if (t >= 0 && v.length() >= t + 6) {
            b.add(key, v.substring(t + 1, t + 6));
        } else if (nullable) {
            b.addNull(key);
        } else {
            b.add(key, "");
        }
    }

    static JsonObject noForecast() {
        return JsonFactory.createObjectBuilder().add("temp", 0).add("main", "").add("description", "").add("type", "")
                .add("error", "no_forecast").build();
    }

    static String estimate(double temp, double precip) {
        if (precip > 5) {
            return temp <= 0 ? "Snow" : "Rain";
        }
        if (precip > 1) {
            return temp <= 0 ? "Snow" : "Drizzle";
        }
        if (precip > 0.3) {
            return "Clouds";
        }
        return temp > 15 ? "Clear" : "Clouds";
    }

    /** JavaScript's Math.round (halves up). */
    static long round(double d) {
        return (long) Math.floor(d + 0.5);
    }

    private static double orZero(Double d) {
        return d == null ? 0 : d;
    }

    private static int indexOf(JsonArray time, String day) {
        if (time == null) {
            return -1;
        }
        for (int i = 0; i < time.size(); i++) {
            if (time.get(i) instanceof JsonString s && s.getString().equals(day)) {
                return i;
            }
        }
        return -1;
    }

    private static Double at(JsonObject o, String key, int i) {
        JsonArray a = o.get(key) instanceof JsonArray arr ? arr : null;
        return a != null && i < a.size() && a.get(i) instanceof JsonNumber n ? n.doubleValue() : null;
    }

    /** The service's JSON object; a refusal with a reason (a date out of range) answers that reason. */
    private static JsonObject ask(HttpProvider provider, String pathAndQuery) {
        HttpProvider.Answer a = provider.get(pathAndQuery);
        JsonValue v = a.status() == 200 || a.status() == 400 ? provider.parse(a.body()) : null;
        if (v instanceof JsonObject o) {
            if (a.status() == 200 && !o.getBoolean("error", false)) {
                return o;
            }
            if (o.get("reason") instanceof JsonString reason) {
                String r = reason.getString();
                throw new GeoException("The weather service could not answer: " + (r.length() <= 200 ? r : r.substring(0, 200)));
            }
        }
        throw new DomainException(GeoProviders.WEATHER_UNAVAILABLE);
    }

    /** A number as the original's JSON writes it: integral values without a fraction. */
    static JsonValue num(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return JsonFactory.createValue((long) d);
        }
        return JsonFactory.createValue(d);
    }
}
