package org.trek.audit;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.trek.platform.JsonFactory;
import org.trek.platform.auth.AccessGrant;

/**
 * One audit record as the page and the CSV show it: the time in one format (UTC, to the second), the user by name
 * (the recorded name, else the current name of the recorded id), the client of MCP records by its name ("static
 * token" for {@code trek_} tokens), and the details as "key: value" lines. A class with getters: JSP EL reads it.
 */
public final class AuditRow {
    /** The one time format of the audit log, on the page and in the CSV (UTC). */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    /** Details keys that name an OAuth client (MCP records use clientId, OAuth records client_id). */
    private static final List<String> CLIENT_KEYS = List.of("clientId", "client_id");
    /** How records written before the rename called a static token's client. */
    private static final String OLD_STATIC_LABEL = "native";

    private final AuditRecord record;
    private final String username;
    private final String client;
    private final List<String> details;

    private AuditRow(AuditRecord record, String username, String client, List<String> details) {
        this.record = record;
        this.username = username;
        this.client = client;
        this.details = details;
    }

    /** The rows of these records, with names looked up once for all of them. */
    public static List<AuditRow> of(List<AuditRecord> records, AuditNames names) {
        Set<Long> unnamedUsers = new HashSet<>();
        Set<String> clientIds = new HashSet<>();
        List<JsonObject> parsed = new ArrayList<>(records.size());
        for (AuditRecord r : records) {
            if (r.getUsername() == null && r.getUserId() != null) {
                unnamedUsers.add(r.getUserId());
            }
            JsonObject details = parse(r.getDetails());
            parsed.add(details);
            String clientId = clientIdOf(details);
            if (clientId != null && !isStaticToken(clientId)) {
                clientIds.add(clientId);
            }
        }
        Map<Long, String> users = unnamedUsers.isEmpty() ? Map.of() : names.usernames(unnamedUsers);
        Map<String, String> clients = clientIds.isEmpty() ? Map.of() : names.clientNames(clientIds);
        List<AuditRow> rows = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            AuditRecord r = records.get(i);
            JsonObject details = parsed.get(i);
            String username = r.getUsername() != null ? r.getUsername()
                    : r.getUserId() == null ? null : users.get(r.getUserId());
            String clientId = clientIdOf(details);
            String client = clientId == null ? null
                    : isStaticToken(clientId) ? AccessGrant.STATIC_TOKEN_CLIENT
                    : clients.getOrDefault(clientId, clientId);
            rows.add(new AuditRow(r, username, client, lines(details, r.getDetails())));
        }
        return rows;
    }

    private static boolean isStaticToken(String clientId) {
        return AccessGrant.STATIC_TOKEN_CLIENT.equals(clientId) || OLD_STATIC_LABEL.equals(clientId);
    }

    private static String clientIdOf(JsonObject details) {
        if (details == null) {
            return null;
        }
        for (String key : CLIENT_KEYS) {
            if (details.get(key) instanceof JsonString s) {
                return s.getString();
            }
        }
        return null;
    }

    static JsonObject parse(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try (var reader = JsonFactory.createReader(new StringReader(json))) {
            return reader.read() instanceof JsonObject o ? o : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** "key: value" per entry (lists joined with ", "); text that is not a JSON object is shown as it is. */
    static List<String> lines(JsonObject details, String raw) {
        if (details == null) {
            return raw == null || raw.isBlank() ? List.of() : List.of(raw);
        }
        List<String> out = new ArrayList<>(details.size());
        details.forEach((k, v) -> out.add(k + ": " + text(v)));
        return out;
    }

    private static String text(JsonValue v) {
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonArray a) {
            return a.stream().map(AuditRow::text).collect(Collectors.joining(", "));
        }
        if (v == JsonValue.NULL) {
            return "—";
        }
        if (v == JsonValue.TRUE) {
            return "yes";
        }
        if (v == JsonValue.FALSE) {
            return "no";
        }
        return v.toString();
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    public Long getId() {
        return record.getId();
    }

    /** UTC, "2026-12-03 14:05:09": the same text as the CSV's time_utc. */
    public String getTime() {
        return time(record.getCreatedAt());
    }

    public Long getUserId() {
        return record.getUserId();
    }

    /** The user's name, or null when the record has no user (an unauthenticated request, a failed sign-in). */
    public String getUsername() {
        return username;
    }

    /** The client's name for records that name one (MCP, OAuth), "static token" for trek_ tokens; else null. */
    public String getClient() {
        return client;
    }

    public String getAction() {
        return record.getAction();
    }

    public String getTarget() {
        return record.getTarget();
    }

    public String getIp() {
        return record.getIp();
    }

    public List<String> getDetails() {
        return details;
    }

    /** The details on one line, for the CSV ("key: value; key: value"). */
    public String getDetailsText() {
        return String.join("; ", details);
    }
}
