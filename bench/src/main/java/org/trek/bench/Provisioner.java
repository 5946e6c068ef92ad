package org.trek.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Sets up everything the workloads need through the application's own interfaces, as people and MCP clients do:
 * the admin creates a normal user on /admin/users; that user creates a static token on /settings/tokens and
 * approves a self-registered OAuth client (RFC 7591 registration, authorization code with PKCE S256, consent form,
 * token exchange) once for the access token and once per refresh chain; then the trips are made with /mcp tool
 * calls (2026-07-28 stateless requests with the OAuth token).
 */
final class Provisioner {
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");
    private static final Pattern NEW_TOKEN = Pattern.compile("id=\"new-token-value\">([^<]+)<");
    private static final String REDIRECT = "http://127.0.0.1/callback";
    private static final int READ_TIMEOUT_MS = 120_000;

    /** What the trips should hold. */
    record Sizes(int largePlaces, int largeDays, int largeItems) {
    }

    /** Everything the workloads use. */
    record Fixture(String username, String accessToken, String clientId, List<String> refreshChains, String staticToken,
                   long smallTrip, long largeTrip, long writeTrip, String largeTripCounts) {
    }

    private final InetSocketAddress address;
    private final Consumer<String> log;
    private final SecureRandom random = new SecureRandom();

    Provisioner(InetSocketAddress address, Consumer<String> log) {
        this.address = address;
        this.log = log;
    }

    private BlockingClient client() {
        return new BlockingClient(address, READ_TIMEOUT_MS);
    }

    Fixture provision(String adminEmail, String adminPassword, int refreshChains, Sizes sizes, int threads) throws Exception {
        String username = "bench" + (10_000 + random.nextInt(90_000));
        String email = username + "@bench.test";
        String password = "bench-" + token(12);

        try (Browser admin = new Browser(client())) {
            admin.signIn(adminEmail, adminPassword);
            admin.get("/admin/users");
            Response created = admin.post("/admin/users", Browser.fields("action", "create", "username", username,
                    "email", email, "password", password, "role", "user"));
            if (created.status != 302 && created.status != 303) {
                throw new IllegalStateException("creating the user on /admin/users: HTTP " + created.status + " " + created.snippet(300));
            }
            Response list = admin.get("/admin/users");
            if (!list.text().contains(email)) {
                throw new IllegalStateException("the new user is not listed on /admin/users");
            }
            log.accept("admin " + adminEmail + " created the normal user " + username + " on /admin/users");
        }

        try (Browser user = new Browser(client()); BlockingClient api = client()) {
            user.signIn(email, password);
            // An admin-set password must be changed at the first sign-in before any other page opens.
            String own = "bench-own-" + token(12);
            user.get("/settings/password");
            Response changed = user.post("/settings/password", Browser.fields("current", password, "password", own,
                    "confirm", own));
            if (changed.status != 302 && changed.status != 303) {
                throw new IllegalStateException("changing the admin-set password: HTTP " + changed.status);
            }
            log.accept(username + " chose their own password on /settings/password");
            Response home = user.get("/admin/users");
            if (home.status != 403) {
                throw new IllegalStateException(username + " should be a normal user, but /admin/users answered " + home.status);
            }
            String staticToken = staticToken(user);
            log.accept(username + " created a static token (" + staticToken.substring(0, 9) + "…) on /settings/tokens");

            Map<String, Object> metadata = Json.object(ok(api.send(HttpRequest.get("/.well-known/oauth-authorization-server")), 200).text());
            List<String> scopes = Json.list(metadata, "scopes_supported").stream().map(String::valueOf).toList();
            String clientId = register(api, String.join(" ", scopes));
            log.accept("registered public OAuth client " + clientId + " at /oauth/register with all " + scopes.size() + " scopes");

            Map<String, Object> main = authorize(user, api, clientId, scopes, user.origin() + Mcp.PATH);
            String granted = String.valueOf(main.get("scope"));
            if (!List.of(granted.split(" ")).containsAll(scopes)) {
                throw new IllegalStateException("the token does not carry every scope: " + granted);
            }
            List<String> chains = new ArrayList<>();
            for (int i = 0; i < refreshChains; i++) {
                chains.add(String.valueOf(authorize(user, api, clientId, scopes, user.origin() + Mcp.PATH).get("refresh_token")));
            }
            String accessToken = String.valueOf(main.get("access_token"));
            log.accept(username + " approved the consent form " + (1 + refreshChains) + " times: one access token for /mcp, "
                    + refreshChains + " refresh chains");

            return trips(username, accessToken, clientId, chains, staticToken, sizes, threads);
        }
    }

    private static Response ok(Response r, int status) {
        if (r.status != status) {
            throw new IllegalStateException("expected HTTP " + status + ", got " + r.status + ": " + r.snippet(300));
        }
        return r;
    }

    private String staticToken(Browser user) throws IOException {
        user.get("/settings/tokens");
        Response page = user.post("/settings/tokens", Browser.fields("action", "create", "name", "bench"));
        Matcher m = NEW_TOKEN.matcher(page.text());
        if (page.status != 200 || !m.find()) {
            throw new IllegalStateException("creating a token on /settings/tokens: HTTP " + page.status + " " + page.snippet(300));
        }
        String token = unescape(m.group(1).trim());
        if (!token.startsWith("trek_")) {
            throw new IllegalStateException("unexpected static token format");
        }
        return token;
    }

    private static String register(BlockingClient api, String scope) throws IOException {
        String body = "{\"client_name\":\"trek-bench\",\"redirect_uris\":[" + Json.quote(REDIRECT) + "],"
                + "\"token_endpoint_auth_method\":\"none\",\"grant_types\":[\"authorization_code\",\"refresh_token\"],"
                + "\"response_types\":[\"code\"],\"scope\":" + Json.quote(scope) + "}";
        Response r = ok(api.send(HttpRequest.post("/oauth/register", "application/json", body)), 201);
        return String.valueOf(Json.object(r.text()).get("client_id"));
    }

    /** Authorization code + PKCE S256 through the consent form, then the token exchange; returns the token answer. */
    private Map<String, Object> authorize(Browser user, BlockingClient api, String clientId, List<String> scopes,
                                          String resource) throws IOException {
        String verifier = token(32);
        String state = token(8);
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", clientId);
        q.put("redirect_uri", REDIRECT);
        q.put("code_challenge", challenge(verifier));
        q.put("code_challenge_method", "S256");
        q.put("state", state);
        q.put("scope", String.join(" ", scopes));
        q.put("resource", resource);
        String query = q.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        Response page = user.get("/oauth/authorize?" + query);
        Response decision = page;
        if (page.status == 200) {
            List<String[]> fields = new ArrayList<>();
            Matcher m = HIDDEN.matcher(page.text());
            while (m.find()) {
                fields.add(new String[] {unescape(m.group(1)), unescape(m.group(2))});
            }
            fields.add(new String[] {"decision", "approve"});
            for (String s : scopes) {
                fields.add(new String[] {"scope", s});
            }
            decision = user.post("/oauth/authorize", fields);
        }
        String location = decision.header("location");
        if (decision.status != 302 && decision.status != 303 || location == null) {
            throw new IllegalStateException("authorization: HTTP " + decision.status + " " + decision.snippet(300));
        }
        Map<String, String> answer = queryOf(location);
        if (!state.equals(answer.get("state")) || answer.get("code") == null) {
            throw new IllegalStateException("authorization did not return a code for our state: " + location);
        }
        String form = Browser.form(Browser.fields("grant_type", "authorization_code", "code", answer.get("code"),
                "code_verifier", verifier, "client_id", clientId, "redirect_uri", REDIRECT));
        Response token = ok(api.send(HttpRequest.post("/oauth/token", "application/x-www-form-urlencoded", form)), 200);
        return Json.object(token.text());
    }

    private static Map<String, String> queryOf(String location) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = URI.create(location).getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    // ---- trips through /mcp ------------------------------------------------------------------------------------

    /** tools/call on the stateless wire; returns structuredContent, or fails with the server's message. */
    static Object tool(BlockingClient http, String token, String name, String arguments) throws IOException {
        String problem = null;
        for (int attempt = 1; attempt <= 3; attempt++) { // a database deadlock victim rolls back: try again
            Response r = http.send(Mcp.stateless(token, attempt, "tools/call", name, Mcp.toolParams(name, arguments)));
            problem = Workloads.mcpOk(r);
            if (problem == null) {
                return Json.at(Json.parse(Mcp.answer(r)), "result", "structuredContent");
            }
            problem = name + ": HTTP " + r.status + ", " + problem + ": " + r.snippet(400);
            sleep(200L * attempt);
        }
        throw new IllegalStateException(problem);
    }

    /** One task of a parallel step; tasks with the same key run in order on the same thread. */
    private interface Task {
        void run(BlockingClient http) throws Exception;
    }

    private void parallel(String what, int threads, List<Integer> keys, List<Task> tasks) throws Exception {
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int lane = t;
                futures.add(pool.submit(() -> {
                    try (BlockingClient http = client()) {
                        for (int i = 0; i < tasks.size(); i++) {
                            if (Math.floorMod(keys.get(i), threads) == lane) {
                                tasks.get(i).run(http);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get(30, TimeUnit.MINUTES);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception x ? x : e;
                } catch (TimeoutException e) {
                    throw new IllegalStateException(what + " took longer than 30 minutes");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        log.accept(String.format("  %d %s in %.1f s", tasks.size(), what, (System.nanoTime() - started) / 1e9));
    }

    private Fixture trips(String username, String token, String clientId, List<String> chains, String staticToken,
                          Sizes sizes, int threads) throws Exception {
        try (BlockingClient http = client()) {
            long small = Json.id(tool(http, token, "create_trip",
                    "{\"title\":\"Bench small trip\",\"start_date\":\"2027-05-01\",\"end_date\":\"2027-05-03\"}"), "trip", "id");
            for (int i = 1; i <= 3; i++) {
                tool(http, token, "create_place", "{\"tripId\":" + small + ",\"name\":\"Small place " + i
                        + "\",\"lat\":41.89" + i + ",\"lng\":12.49" + i + ",\"address\":\"Rome\"}");
            }
            log.accept("small trip " + small + ": 3 days, 3 places");
            long writes = Json.id(tool(http, token, "create_trip",
                    "{\"title\":\"Bench write trip\",\"start_date\":\"2027-07-01\",\"end_date\":\"2027-07-02\"}"), "trip", "id");

            String end = java.time.LocalDate.of(2027, 6, 1).plusDays(sizes.largeDays() - 1L).toString();
            long large = Json.id(tool(http, token, "create_trip", "{\"title\":\"Bench large trip\",\"description\":\"" + sizes.largePlaces()
                    + " places over " + sizes.largeDays() + " days\",\"start_date\":\"2027-06-01\",\"end_date\":\"" + end + "\"}"), "trip", "id");
            List<Object> dayList = Json.list(tool(http, token, "get_trip_summary", "{\"tripId\":" + large + "}"), "days");
            long[] days = dayList.stream().mapToLong(d -> Json.id(d, "id")).toArray();
            if (days.length != sizes.largeDays()) {
                throw new IllegalStateException("the large trip has " + days.length + " days, not " + sizes.largeDays());
            }
            log.accept("large trip " + large + ": " + days.length + " days; filling it (" + threads + " connections)…");

            int n = sizes.largePlaces();
            long[] places = new long[n];
            List<Integer> keys = new ArrayList<>();
            List<Task> tasks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                keys.add(k);
                tasks.add(c -> places[k] = Json.id(tool(c, token, "create_place", "{\"tripId\":" + large
                        + ",\"name\":\"Place " + (k + 1) + "\",\"lat\":" + (35 + (k % 100) * 0.1) + ",\"lng\":" + (135 + (k / 100) * 0.1)
                        + ",\"address\":\"Street " + (k + 1) + "\",\"notes\":\"Bench place number " + (k + 1) + "\"}"), "place", "id"));
            }
            parallel("create_place", threads, keys, tasks);

            keys.clear();
            tasks.clear();
            for (int i = 0; i < n; i++) { // a day's assignments on one connection, in order
                int k = i;
                int day = k % days.length;
                keys.add(day);
                tasks.add(c -> tool(c, token, "assign_place_to_day", "{\"tripId\":" + large + ",\"dayId\":" + days[day]
                        + ",\"placeId\":" + places[k] + ",\"notes\":\"visit " + (k + 1) + "\"}"));
            }
            parallel("assign_place_to_day", threads, keys, tasks);

            int items = sizes.largeItems();
            keys.clear();
            tasks.clear();
            for (int i = 0; i < items; i++) {
                int k = i;
                int day = k % days.length;
                keys.add(day);
                tasks.add(c -> tool(c, token, "create_day_note", "{\"tripId\":" + large + ",\"dayId\":" + days[day]
                        + ",\"text\":\"Note " + (k + 1) + ": meet at the hotel lobby\",\"time\":\"" + (8 + k % 10) + ":00\"}"));
            }
            parallel("create_day_note", threads, keys, tasks);

            String[] types = {"restaurant", "event", "tour", "activity", "other"};
            keys.clear();
            tasks.clear();
            for (int i = 0; i < items; i++) {
                int k = i;
                int day = k % days.length;
                keys.add(day);
                tasks.add(c -> tool(c, token, "create_reservation", "{\"tripId\":" + large + ",\"title\":\"Booking " + (k + 1)
                        + "\",\"type\":\"" + types[k % types.length] + "\",\"reservation_time\":\""
                        + java.time.LocalDate.of(2027, 6, 1).plusDays(day) + "T19:00\",\"location\":\"Place " + (k + 1)
                        + "\",\"confirmation_number\":\"BENCH" + (10000 + k) + "\",\"day_id\":" + days[day]
                        + ",\"place_id\":" + places[k % n] + "}"));
            }
            parallel("create_reservation", threads, keys, tasks);

            keys.clear();
            tasks.clear();
            String[] budget = {"Food", "Transport", "Tickets", "Accommodation", "Other"};
            String[] packing = {"Clothes", "Toiletries", "Electronics", "Documents", "Misc"};
            for (int i = 0; i < items; i++) { // budget items on one lane, packing items on another
                int k = i;
                keys.add(0);
                tasks.add(c -> tool(c, token, "create_budget_item", "{\"tripId\":" + large + ",\"name\":\"Expense " + (k + 1)
                        + "\",\"category\":\"" + budget[k % budget.length] + "\",\"total_price\":" + (10 + k % 90) + ".5}"));
                keys.add(1);
                tasks.add(c -> tool(c, token, "create_packing_item", "{\"tripId\":" + large + ",\"name\":\"Item " + (k + 1)
                        + "\",\"category\":\"" + packing[k % packing.length] + "\"}"));
            }
            parallel("budget and packing items", Math.min(2, threads), keys, tasks);

            Object summary = tool(http, token, "get_trip_summary", "{\"tripId\":" + large + "}");
            int assigned = 0;
            for (Object d : Json.list(summary, "days")) {
                assigned += Json.list(d, "assignments").size();
            }
            String counts = days.length + " days, " + n + " places, " + assigned + " assignments, " + items
                    + " day notes, " + items + " reservations, " + items + " budget items, " + items + " packing items";
            if (assigned != n) {
                throw new IllegalStateException("the large trip's summary shows " + assigned + " assignments, not " + n);
            }
            log.accept("large trip " + large + ": " + counts);
            return new Fixture(username, token, clientId, chains, staticToken, small, large, writes, counts);
        }
    }

    // ---- small helpers ---------------------------------------------------------------------------------------

    private String token(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Undoes the HTML escaping of an attribute value: the five named entities and numeric ones. */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int semi = s.charAt(i) == '&' ? s.indexOf(';', i) : -1;
            String entity = semi > i && semi - i <= 8 ? s.substring(i + 1, semi) : null;
            String decoded = entity == null ? null : switch (entity) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> numericEntity(entity);
            };
            if (decoded == null) {
                out.append(s.charAt(i++));
            } else {
                out.append(decoded);
                i = semi + 1;
            }
        }
        return out.toString();
    }

    private static String numericEntity(String entity) {
        try {
            if (entity.startsWith("#x") || entity.startsWith("#X")) {
                return Character.toString(Integer.parseInt(entity.substring(2), 16));
            }
            if (entity.startsWith("#")) {
                return Character.toString(Integer.parseInt(entity.substring(1)));
            }
        } catch (IllegalArgumentException e) {
            // not an entity after all: keep the text
        }
        return null;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
