package org.trek.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The screens as a person uses them: keeps the session cookie, takes the CSRF token from the last page it loaded
 * and posts forms with it and with the same-origin Origin header. Redirects are not followed.
 */
final class Browser implements AutoCloseable {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final BlockingClient http;
    private final String origin;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf;

    Browser(BlockingClient http) {
        this.http = http;
        this.origin = "http://" + http.host();
    }

    String origin() {
        return origin;
    }

    Response get(String path) throws IOException {
        Response r = send(HttpRequest.get(path));
        Matcher m = CSRF.matcher(r.text());
        if (m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    /** Posts the fields (and the CSRF token of the last page, unless the fields carry one). */
    Response post(String path, List<String[]> fields) throws IOException {
        List<String[]> all = new ArrayList<>();
        boolean hasCsrf = fields.stream().anyMatch(f -> f[0].equals("_csrf"));
        if (!hasCsrf && csrf != null) {
            all.add(new String[] {"_csrf", csrf});
        }
        all.addAll(fields);
        return send(HttpRequest.post(path, "application/x-www-form-urlencoded", form(all)).header("Origin", origin));
    }

    static String form(List<String[]> fields) {
        return fields.stream().map(f -> URLEncoder.encode(f[0], StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(f[1], StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static List<String[]> fields(String... namesAndValues) {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            out.add(new String[] {namesAndValues[i], namesAndValues[i + 1]});
        }
        return out;
    }

    /** Signs in through the login form; fails unless the server answers with a redirect away from the login. */
    void signIn(String login, String password) throws IOException {
        get("/login");
        Response r = post("/login", fields("login", login, "password", password));
        String location = r.header("location");
        if (r.status != 302 && r.status != 303 || location == null || location.contains("/login")) {
            throw new IllegalStateException("sign-in as " + login + " failed: HTTP " + r.status + " " + r.snippet(300));
        }
    }

    private Response send(HttpRequest request) throws IOException {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        Response r = http.send(request);
        for (String set : r.headers("set-cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (value.isEmpty() || set.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return r;
    }

    @Override
    public void close() {
        http.close();
    }
}
