package org.trek.geo;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bundled airport list (src/main/resources/org/trek/geo/airports.tsv: OurAirports records, public domain, with
 * OPTD time zones, CC BY; see the README there), read once and searched in memory. About 3,200 airports with
 * scheduled service and an IATA code.
 */
@ApplicationScoped
public class Airports {
    static final String RESOURCE = "/org/trek/geo/airports.tsv";

    /** One airport: IATA and ICAO codes (ICAO may be null), name, city, ISO country, position and IANA time zone. */
    public record Airport(String iata, String icao, String name, String city, String country, double lat, double lng, String tz) {
        String cityLower() {
            return city.toLowerCase(Locale.ROOT);
        }
    }

    private volatile Index index;

    private record Index(List<Airport> all, Map<String, Airport> byIata, List<String> cities, List<String> names) {
    }

    /** The airport with this IATA code (any case), or null. */
    public Airport byIata(String code) {
        return code == null ? null : index().byIata().get(code.strip().toUpperCase(Locale.ROOT));
    }

    /**
     * Airports matching the text, best first: an exact 3-letter IATA code answers just that airport; otherwise
     * IATA code (100), ICAO code (90), IATA prefix (70), city prefix (60), name prefix (50), city contains (30),
     * name contains (20); ties by IATA code.
     */
    public List<Airport> search(String query, int limit) {
        Index ix = index();
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return List.of();
        }
        String upper = q.toUpperCase(Locale.ROOT);
        if (q.length() == 3 && ix.byIata().containsKey(upper)) {
            return List.of(ix.byIata().get(upper));
        }
        record Scored(Airport a, int score) {
        }
        List<Scored> hits = new ArrayList<>();
        for (int i = 0; i < ix.all().size(); i++) {
            Airport a = ix.all().get(i);
            String city = ix.cities().get(i);
            String name = ix.names().get(i);
            int score = 0;
            if (a.iata().equals(upper)) {
                score = 100;
            } else if (upper.equals(a.icao())) {
                score = 90;
            } else if (a.iata().startsWith(upper)) {
                score = 70;
            } else if (city.startsWith(q)) {
                score = 60;
            } else if (name.startsWith(q)) {
                score = 50;
            } else if (city.contains(q)) {
                score = 30;
            } else if (name.contains(q)) {
                score = 20;
            }
            if (score > 0) {
                hits.add(new Scored(a, score));
            }
        }
        hits.sort(Comparator.comparingInt(Scored::score).reversed().thenComparing(s -> s.a().iata()));
        return hits.stream().limit(Math.max(0, limit)).map(Scored::a).toList();
    }

    public int size() {
        return index().all().size();
    }

    private Index index() {
        Index ix = index;
        if (ix == null) {
            synchronized (this) {
                ix = index;
                if (ix == null) {
                    ix = load();
                    index = ix;
                }
            }
        }
        return ix;
    }

    /** Reads the TSV: iata, icao (may be empty), name, city, country, lat, lng, tz. */
    static Index load() {
        List<Airport> all = new ArrayList<>(3300);
        try (InputStream in = Airports.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                all.add(new Airport(f[0], f[1].isEmpty() ? null : f[1], f[2], f[3], f[4], Double.parseDouble(f[5]),
                        Double.parseDouble(f[6]), f[7]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Airport> byIata = new HashMap<>();
        for (Airport a : all) {
            byIata.put(a.iata(), a);
        }
        return new Index(List.copyOf(all), Map.copyOf(byIata), all.stream().map(Airport::cityLower).toList(),
                all.stream().map(a -> a.name().toLowerCase(Locale.ROOT)).toList());
    }
}
