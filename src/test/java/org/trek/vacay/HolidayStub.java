package org.trek.vacay;

import com.sun.net.httpserver.HttpHandler;
import java.util.concurrent.atomic.AtomicInteger;
import org.trek.it.StubServer;

/**
 * A Nager.Date-compatible public holiday service for the tests, on 127.0.0.1: Germany and Austria, holidays of
 * Germany in 2027 (one of them only in Baden-Württemberg, Bavaria and Saxony-Anhalt), ZZ unknown (404), XX failing
 * (500). Counts the requests, so tests can see the cache at work.
 */
public final class HolidayStub {
    /** Where the shared test server's VACAY_HOLIDAYS_URL points (under the StubServer's base URL). */
    public static final String PREFIX = "/nager";
    public static final AtomicInteger REQUESTS = new AtomicInteger();

    public static final String COUNTRIES = "[{\"countryCode\":\"AT\",\"name\":\"Austria\"},{\"countryCode\":\"DE\",\"name\":\"Germany\"}]";

    static String holiday(String date, String local, String name, boolean global, String counties) {
        return "{\"date\":\"" + date + "\",\"localName\":\"" + local + "\",\"name\":\"" + name + "\",\"countryCode\":\"DE\","
                + "\"fixed\":false,\"global\":" + global + ",\"counties\":" + counties + ",\"launchYear\":null,\"types\":[\"Public\"],"
                + "\"unexpected\":{\"nested\":true}}";
    }

    /** Germany 2027: New Year (Friday), Epiphany (Wednesday, three states only), Good Friday, Easter Monday, Labour Day (Saturday). */
    public static final String DE_2027 = "[" + String.join(",",
            holiday("2027-01-01", "Neujahr", "New Year's Day", true, "null"),
            holiday("2027-01-06", "Heilige Drei Könige", "Epiphany", false, "[\"DE-BW\",\"DE-BY\",\"DE-ST\"]"),
            holiday("2027-03-26", "Karfreitag", "Good Friday", true, "null"),
            holiday("2027-03-29", "Ostermontag", "Easter Monday", true, "null"),
            holiday("2027-05-01", "Tag der Arbeit", "Labour Day", true, "null")) + "]";

    public static final HttpHandler HANDLER = ex -> {
        REQUESTS.incrementAndGet();
        String path = ex.getRequestURI().getPath();
        int at = path.indexOf("/api/v3/");
        String api = at < 0 ? path : path.substring(at);
        if (api.equals("/api/v3/AvailableCountries")) {
            StubServer.respond(ex, 200, "application/json", COUNTRIES);
        } else if (api.startsWith("/api/v3/PublicHolidays/") && api.endsWith("/DE")) {
            String year = api.substring("/api/v3/PublicHolidays/".length(), api.length() - 3);
            StubServer.respond(ex, 200, "application/json", year.equals("2027") ? DE_2027 : "[]");
        } else if (api.startsWith("/api/v3/PublicHolidays/") && api.endsWith("/AT")) {
            StubServer.respond(ex, 200, "application/json", "[]");
        } else if (api.endsWith("/XX")) {
            StubServer.respond(ex, 500, "text/plain", "down");
        } else {
            StubServer.respond(ex, 404, "application/json", "{\"type\":\"not found\"}");
        }
    };

    private HolidayStub() {
    }

    /** Puts the service on the shared StubServer (idempotent). */
    public static void install() {
        StubServer.shared().handle(PREFIX + "/", HANDLER);
    }
}
