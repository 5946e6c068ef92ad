package org.trek.trips;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.trek.it.StubServer;

/**
 * The outside services of the geo and weather tools, played on the shared StubServer (TrekServer.shared() points
 * NOMINATIM_URL, OPEN_METEO_URL, OPEN_METEO_ARCHIVE_URL at it and pins the map hosts maps.app.goo.gl, goo.gl and
 * www.google.com to it). Latitude 13.13 makes Nominatim and Open-Meteo answer 503, 14.14 makes Open-Meteo slow
 * (3 s, over the server's 2 s weather deadline).
 */
final class GeoStubs {
    static final double DOWN = 13.13;
    static final double SLOW = 14.14;
    /** Every map-host path the stub was asked for. */
    static final List<String> mapRequests = new CopyOnWriteArrayList<>();

    private GeoStubs() {
    }

    static synchronized void register() {
        StubServer s = StubServer.shared();
        s.handle("/lookup", ex -> {
            String q = query(ex);
            if (q.contains("osm_ids=N404")) {
                json(ex, 200, "[]");
            } else {
                json(ex, 200, "[{\"osm_type\":\"node\",\"osm_id\":240109189,\"lat\":\"52.5162746\",\"lon\":\"13.3777041\","
                        + "\"name\":\"Brandenburger Tor\",\"display_name\":\"Brandenburger Tor, Pariser Platz, Berlin, Deutschland\","
                        + "\"extratags\":{\"website\":\"https://www.berlin.de/tor\",\"phone\":\"+49 30 1234\","
                        + "\"opening_hours\":\"Mo-Su 00:00-24:00\",\"description\":\"Gate\"}}]");
            }
        });
        s.handle("/reverse", ex -> {
            String q = query(ex);
            if (q.contains("lat=" + DOWN)) {
                json(ex, 503, "{}");
            } else if (q.contains("lat=0.5&")) {
                json(ex, 200, "{\"error\":\"Unable to geocode\"}");
            } else {
                json(ex, 200, "{\"name\":\"Tour Eiffel\",\"display_name\":\"Tour Eiffel, 5, Avenue Anatole France, Paris, France\","
                        + "\"address\":{\"tourism\":\"Tour Eiffel\",\"road\":\"Avenue Anatole France\"}}");
            }
        });
        s.handle("/v1/forecast", ex -> {
            String q = query(ex);
            if (slowOrDown(ex, q)) {
                return;
            }
            if (q.contains("hourly=")) {
                String day = param(q, "start_date");
                json(ex, 200, detailed(day, false));
            } else {
                StringBuilder time = new StringBuilder();
                StringBuilder max = new StringBuilder();
                StringBuilder min = new StringBuilder();
                StringBuilder code = new StringBuilder();
                LocalDate today = LocalDate.now(ZoneOffset.UTC);
                for (int i = -1; i < 16; i++) {
                    String sep = i == -1 ? "" : ",";
                    time.append(sep).append('"').append(today.plusDays(i)).append('"');
                    max.append(sep).append(20.4 + i);
                    min.append(sep).append(11.5);
                    code.append(sep).append(i % 2 == 0 ? 61 : 2);
                }
                json(ex, 200, "{\"daily\":{\"time\":[" + time + "],\"temperature_2m_max\":[" + max + "],\"temperature_2m_min\":["
                        + min + "],\"weathercode\":[" + code + "]}}");
            }
        });
        s.handle("/archive-api/v1/archive", ex -> {
            String q = query(ex);
            if (slowOrDown(ex, q)) {
                return;
            }
            if (q.contains("hourly=")) {
                json(ex, 200, detailed(param(q, "start_date"), true));
            } else {
                json(ex, 200, "{\"daily\":{\"time\":[\"d1\",\"d2\",\"d3\",\"d4\",\"d5\"],\"temperature_2m_max\":[10,12,14,null,16],"
                        + "\"temperature_2m_min\":[2,4,6,8,8],\"precipitation_sum\":[0,3,3,9,2]}}");
            }
        });
        // Map hosts (pinned to the stub): short link → goo.gl/maps → a Google place page; others for refusals.
        s.handle("/geo-short/", ex -> {
            mapRequests.add(ex.getRequestURI().toString());
            String path = ex.getRequestURI().getRawPath();
            String to = switch (path) {
                case "/geo-short/eiffel" -> "https://goo.gl/maps/geo-hop";
                case "/geo-short/private" -> "https://maps.google.de/maps?cid=1";
                case "/geo-short/unknown" -> "http://" + s.baseUrl().substring(7) + "/geo-secret";
                case "/geo-short/metadata" -> "http://169.254.169.254/latest/meta-data/";
                case "/geo-short/cid" -> "https://www.google.com/maps?cid=42";
                case "/geo-short/loop" -> "/geo-short/loop";
                default -> null;
            };
            if (to == null) {
                json(ex, 404, "{}");
                return;
            }
            ex.getResponseHeaders().set("Location", to);
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        s.handle("/maps/geo-hop", ex -> {
            mapRequests.add(ex.getRequestURI().toString());
            ex.getResponseHeaders().set("Location", "https://www.google.com/maps/place/Eiffel+Tower/@48.8583701,2.2944813,17z"
                    + "/data=!4m6!3m5!1s0x47e66e2964e34e2d:0x8ddca9ee380ef7e0!8m2!3d48.8583701!4d2.2944813");
            ex.sendResponseHeaders(301, -1);
            ex.close();
        });
        s.handle("/maps", ex -> {
            mapRequests.add(ex.getRequestURI().toString());
            StubServer.respond(ex, 200, "text/html", "<html><script>var s=\"/maps/preview/place/Colosseo/@41.8902102,12.4922309,17z\";</script></html>");
        });
        s.handle("/geo-secret", ex -> {
            mapRequests.add(ex.getRequestURI().toString());
            json(ex, 200, "{\"secret\":true}");
        });
    }

    private static boolean slowOrDown(HttpExchange ex, String q) throws IOException {
        if (q.contains("latitude=" + DOWN)) {
            json(ex, 503, "{\"error\":true,\"reason\":\"down\"}");
            return true;
        }
        if (q.contains("latitude=" + SLOW)) {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            json(ex, 200, "{}");
            return true;
        }
        if (q.contains("start_date=1999-01-01")) {
            json(ex, 400, "{\"error\":true,\"reason\":\"Parameter 'start_date' is out of allowed range\"}");
            return true;
        }
        return false;
    }

    private static String detailed(String day, boolean climate) {
        StringBuilder time = new StringBuilder();
        StringBuilder temp = new StringBuilder();
        StringBuilder numbers = new StringBuilder();
        for (int h = 0; h < 24; h++) {
            String sep = h == 0 ? "" : ",";
            time.append(sep).append('"').append(day).append(String.format("T%02d:00", h)).append('"');
            temp.append(sep).append(10 + h / 2.0);
            numbers.append(sep).append(h % 5);
        }
        return "{\"daily\":{\"time\":[\"" + day + "\"],\"temperature_2m_max\":[21.6],\"temperature_2m_min\":[10.2],\"weathercode\":[3],"
                + "\"sunrise\":[\"" + day + "T06:42\"],\"sunset\":[\"" + day + "T20:05\"],\"precipitation_probability_max\":[40],"
                + "\"precipitation_sum\":[1.26],\"windspeed_10m_max\":[17.5]},"
                + "\"hourly\":{\"time\":[" + time + "],\"temperature_2m\":[" + temp + "],"
                + (climate ? "" : "\"precipitation_probability\":[" + numbers + "],")
                + "\"precipitation\":[" + numbers + "],\"weathercode\":[" + numbers + "],\"windspeed_10m\":[" + numbers + "],"
                + "\"relativehumidity_2m\":[" + numbers + "]}}";
    }

    static String query(HttpExchange ex) {
        String q = ex.getRequestURI().getRawQuery();
        return q == null ? "" : URLDecoder.decode(q, StandardCharsets.UTF_8);
    }

    static String param(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return "";
    }

    static void json(HttpExchange ex, int status, String body) throws IOException {
        StubServer.respond(ex, status, "application/json", body);
    }
}
