package org.trek.atlas;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The bundled ISO 3166 data (README "Atlas": {@code countries.tsv} and {@code subdivisions.tsv}, built by
 * {@code src/build/build-atlas.py}): the 249 assigned ISO 3166-1 alpha-2 codes with names and continents, and the ISO
 * 3166-2 subdivision codes. Every code an atlas tool accepts is checked here; the names also let a place's address
 * name its country. Loaded once, immutable.
 */
public final class Iso3166 {

    /** An assigned ISO 3166-1 country: alpha-2, alpha-3, ISO name, English short name, continent. */
    public record Country(String alpha2, String alpha3, String name, String shortName, String continent) {
    }

    /** An ISO 3166-2 subdivision; its parent is the country or a larger subdivision. */
    public record Subdivision(String code, String name, String parent) {
        /** The alpha-2 code of its country (the part before the hyphen). */
        public String country() {
            return code.substring(0, code.indexOf('-'));
        }
    }

    /**
     * Names that addresses use beside the ISO and English ones (local and common forms); the lists of the original
     * had the same idea.
     */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("usa", "US"), Map.entry("united states", "US"), Map.entry("america", "US"), Map.entry("uk", "GB"),
            Map.entry("great britain", "GB"), Map.entry("britain", "GB"), Map.entry("england", "GB"), Map.entry("scotland", "GB"),
            Map.entry("wales", "GB"), Map.entry("northern ireland", "GB"), Map.entry("deutschland", "DE"), Map.entry("frankreich", "FR"),
            Map.entry("espana", "ES"), Map.entry("spanien", "ES"), Map.entry("italia", "IT"), Map.entry("italien", "IT"),
            Map.entry("osterreich", "AT"), Map.entry("schweiz", "CH"), Map.entry("suisse", "CH"), Map.entry("svizzera", "CH"),
            Map.entry("nederland", "NL"), Map.entry("netherlands", "NL"), Map.entry("holland", "NL"), Map.entry("niederlande", "NL"),
            Map.entry("turkey", "TR"), Map.entry("turkei", "TR"), Map.entry("czech republic", "CZ"), Map.entry("czechia", "CZ"),
            Map.entry("tschechien", "CZ"), Map.entry("cesko", "CZ"), Map.entry("russia", "RU"), Map.entry("south korea", "KR"),
            Map.entry("north korea", "KP"), Map.entry("vietnam", "VN"), Map.entry("iran", "IR"), Map.entry("syria", "SY"),
            Map.entry("laos", "LA"), Map.entry("bolivia", "BO"), Map.entry("venezuela", "VE"), Map.entry("tanzania", "TZ"),
            Map.entry("moldova", "MD"), Map.entry("taiwan", "TW"), Map.entry("palestine", "PS"), Map.entry("vatican", "VA"),
            Map.entry("vatican city", "VA"), Map.entry("holy see", "VA"), Map.entry("macau", "MO"), Map.entry("macao", "MO"),
            Map.entry("hong kong", "HK"), Map.entry("ivory coast", "CI"), Map.entry("cape verde", "CV"), Map.entry("brunei", "BN"),
            Map.entry("micronesia", "FM"), Map.entry("macedonia", "MK"), Map.entry("swaziland", "SZ"), Map.entry("burma", "MM"),
            Map.entry("polska", "PL"), Map.entry("magyarorszag", "HU"), Map.entry("danmark", "DK"), Map.entry("sverige", "SE"),
            Map.entry("norge", "NO"), Map.entry("suomi", "FI"), Map.entry("eire", "IE"), Map.entry("brasil", "BR"),
            Map.entry("hellas", "GR"), Map.entry("belgie", "BE"), Map.entry("belgique", "BE"), Map.entry("hrvatska", "HR"),
            Map.entry("slovensko", "SK"), Map.entry("slovenija", "SI"), Map.entry("romania", "RO"), Map.entry("uae", "AE"));

    private static final class Holder {
        static final Iso3166 BUNDLED = new Iso3166();
    }

    private final Map<String, Country> countries = new LinkedHashMap<>();
    private final Map<String, Subdivision> subdivisions = new LinkedHashMap<>();
    private final Map<String, String> byName = new HashMap<>();

    private Iso3166() {
        read("countries.tsv", f -> countries.put(f[0], new Country(f[0], f[1], f[2], f[3], f[4])));
        read("subdivisions.tsv", f -> subdivisions.put(f[0], new Subdivision(f[0], f[1], f[2])));
        Map<String, Set<String>> shortForms = new HashMap<>();
        for (Country c : countries.values()) {
            byName.put(normal(c.name()), c.alpha2());
            if (!c.shortName().isEmpty()) {
                byName.put(normal(c.shortName()), c.alpha2());
            }
            // "Bolivia, Plurinational State of" is also "Bolivia" (unless two countries share the first part: Korea).
            int comma = c.name().indexOf(',');
            if (comma > 0) {
                shortForms.computeIfAbsent(normal(c.name().substring(0, comma)), k -> new HashSet<>()).add(c.alpha2());
            }
        }
        shortForms.forEach((name, codes) -> {
            if (codes.size() == 1) {
                byName.putIfAbsent(name, codes.iterator().next());
            }
        });
        ALIASES.forEach(byName::putIfAbsent);
    }

    /** The bundled data (loaded on first use). */
    public static Iso3166 bundled() {
        return Holder.BUNDLED;
    }

    private static void read(String resource, Consumer<String[]> row) {
        try (InputStream in = Iso3166.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    row.accept(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The country of an alpha-2 code (any case, surrounding blanks ignored); empty when it is not an assigned code. */
    public Optional<Country> country(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(countries.get(code.trim().toUpperCase(Locale.ROOT)));
    }

    /** The subdivision of an ISO 3166-2 code such as {@code US-CA} (any case); empty when there is none. */
    public Optional<Subdivision> subdivision(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(subdivisions.get(code.trim().toUpperCase(Locale.ROOT)));
    }

    /** The country a name stands for (ISO or English name, a common local form, or an upper-case alpha-2/alpha-3 code). */
    public Optional<String> countryNamed(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        if (t.matches("[A-Z]{2}") && countries.containsKey(t)) {
            return Optional.of(t);
        }
        if (t.matches("[A-Z]{3}")) {
            Optional<Country> c = countries.values().stream().filter(x -> x.alpha3().equals(t)).findFirst();
            if (c.isPresent()) {
                return Optional.of(c.get().alpha2());
            }
        }
        return Optional.ofNullable(byName.get(normal(t)));
    }

    /** The continent of an alpha-2 code ("Other" when unknown). */
    public String continent(String alpha2) {
        return country(alpha2).map(Country::continent).orElse("Other");
    }

    public List<Country> countries() {
        return new ArrayList<>(countries.values());
    }

    public int subdivisionCount() {
        return subdivisions.size();
    }

    /** Lower case, without accents, single spaces: "Österreich" and "osterreich" are the same name. */
    static String normal(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[\\s.]+", " ").trim();
    }
}
