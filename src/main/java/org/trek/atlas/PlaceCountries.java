package org.trek.atlas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which country a place is in, as the original decides it but from bundled data only: the last part of its address
 * when that names a country ("…, Paris, France"), otherwise its position inside the bundled borders. A place with
 * neither is in no country. Also the city an address names, for the stats' city count.
 */
public final class PlaceCountries {
    private final Iso3166 iso;
    private final CountryBorders borders;

    public PlaceCountries(Iso3166 iso, CountryBorders borders) {
        this.iso = iso;
        this.borders = borders;
    }

    public static PlaceCountries bundled() {
        return new PlaceCountries(Iso3166.bundled(), CountryBorders.bundled());
    }

    public Optional<String> countryOf(String address, Double lat, Double lng) {
        List<String> parts = parts(address);
        if (!parts.isEmpty()) {
            Optional<String> named = iso.countryNamed(parts.get(parts.size() - 1));
            if (named.isPresent()) {
                return named;
            }
        }
        return borders.countryAt(lat, lng);
    }

    /**
     * The city of an address, lower case: walking back from the part before the country (the last part, when there are
     * at least two), the first part that still has letters once digits and dashes (postal codes) are removed.
     */
    public static Optional<String> cityOf(String address) {
        List<String> parts = parts(address);
        List<String> candidates = parts.size() >= 2 ? parts.subList(0, parts.size() - 1) : parts;
        for (int i = candidates.size() - 1; i >= 0; i--) {
            String cleaned = candidates.get(i).replaceAll("[\\d\\-\u2212\u3012]+", "").trim();
            if (!cleaned.isEmpty()) {
                return Optional.of(cleaned.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    private static List<String> parts(String address) {
        List<String> out = new ArrayList<>();
        if (address != null) {
            for (String p : address.split(",")) {
                if (!p.isBlank()) {
                    out.add(p.trim());
                }
            }
        }
        return out;
    }
}
