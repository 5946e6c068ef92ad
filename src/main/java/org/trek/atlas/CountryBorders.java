package org.trek.atlas;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The country a position lies in, from the bundled simplified borders ({@code borders.tsv}, README "Atlas"): a
 * bounding-box test, then even-odd ray casting over the polygon's rings (holes included). The borders reach out over
 * the coastal waters, so a harbour or a beach hotel still finds its country. Loaded once, immutable.
 */
public final class CountryBorders {

    private record Polygon(String code, double minLng, double minLat, double maxLng, double maxLat, double[][] lngs,
                           double[][] lats) {
        boolean contains(double lng, double lat) {
            if (lng < minLng || lng > maxLng || lat < minLat || lat > maxLat) {
                return false;
            }
            boolean inside = false;
            for (int r = 0; r < lngs.length; r++) {
                double[] xs = lngs[r];
                double[] ys = lats[r];
                for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
                    if ((ys[i] > lat) != (ys[j] > lat) && lng < (xs[j] - xs[i]) * (lat - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                        inside = !inside;
                    }
                }
            }
            return inside;
        }

        double boxArea() {
            return (maxLng - minLng) * (maxLat - minLat);
        }
    }

    private static final class Holder {
        static final CountryBorders BUNDLED = new CountryBorders();
    }

    private final List<Polygon> polygons = new ArrayList<>();

    private CountryBorders() {
        try (InputStream in = CountryBorders.class.getResourceAsStream("borders.tsv")) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource borders.tsv");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    polygons.add(parse(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CountryBorders bundled() {
        return Holder.BUNDLED;
    }

    private static Polygon parse(String line) {
        int tab = line.indexOf('\t');
        String[] rings = line.substring(tab + 1).split(";");
        double[][] lngs = new double[rings.length][];
        double[][] lats = new double[rings.length][];
        double minLng = Double.MAX_VALUE;
        double minLat = Double.MAX_VALUE;
        double maxLng = -Double.MAX_VALUE;
        double maxLat = -Double.MAX_VALUE;
        for (int r = 0; r < rings.length; r++) {
            String[] points = rings[r].trim().split(" ");
            lngs[r] = new double[points.length];
            lats[r] = new double[points.length];
            for (int i = 0; i < points.length; i++) {
                int comma = points[i].indexOf(',');
                double lng = Double.parseDouble(points[i].substring(0, comma));
                double lat = Double.parseDouble(points[i].substring(comma + 1));
                lngs[r][i] = lng;
                lats[r][i] = lat;
                if (r == 0) {
                    minLng = Math.min(minLng, lng);
                    maxLng = Math.max(maxLng, lng);
                    minLat = Math.min(minLat, lat);
                    maxLat = Math.max(maxLat, lat);
                }
            }
        }
        return new Polygon(line.substring(0, tab), minLng, minLat, maxLng, maxLat, lngs, lats);
    }

    /**
     * The alpha-2 code of the country at this position, or empty (open sea, or not a position). Where borders
     * overlap, the smaller polygon wins (an enclave over its surroundings).
     */
    public Optional<String> countryAt(Double lat, Double lng) {
        if (lat == null || lng == null || lat.isNaN() || lng.isNaN() || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
            return Optional.empty();
        }
        Polygon best = null;
        for (Polygon p : polygons) {
            if (p.contains(lng, lat) && (best == null || p.boxArea() < best.boxArea())) {
                best = p;
            }
        }
        return best == null ? Optional.empty() : Optional.of(best.code());
    }

    int polygonCount() {
        return polygons.size();
    }
}
