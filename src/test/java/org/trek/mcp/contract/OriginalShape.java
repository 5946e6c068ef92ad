package org.trek.mcp.contract;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The result shapes of the original TREK as recorded in {@code org/trek/contract/original/<tool>.json} (copies of
 * {@code shared/reference/trek-transcripts/tools}), and the comparison of one of our answers with them.
 *
 * <p>The rule is "add, never rename or re-nest": every key of the original's answer must be in ours, at the same
 * place, with the same JSON type (a number stays a number — the original's 0/1 flags are numbers, not booleans — a
 * string a string, an object an object); our answer may carry more keys. A {@code null} in the original says nothing
 * about the type, only that the key is there. Array items are compared with the union of the original's items, so
 * one recorded item with a field is enough to require it. Where the original's answer has items and ours has none,
 * the comparison cannot see the items' shape: that is reported too, so the fixtures stay rich enough to check.
 *
 * <p>Deliberate deviations (fixes of the original's weaknesses, reference §9) are listed by path with their reason
 * and skipped: {@code deviations} maps a path such as {@code reservation.accommodation_id} to why it differs. A path
 * ending in {@code {}} marks an object keyed by data (a map): its values are compared, not its keys.
 */
public final class OriginalShape {

    static final String BASE = "org/trek/contract/original/";
    static final String DERIVED = "org/trek/contract/derived/";
    static final String UNSEEN = ": the original lists items, ours is empty (the fixture cannot show their shape)";

    private OriginalShape() {
    }

    /**
     * The successful answers the original gave for this tool; where the transcripts hold none, the answers derived
     * from the original's source ({@code org/trek/contract/derived/<tool>.json}, each naming the code it follows).
     * Empty when neither exists.
     */
    public static List<JsonValue> answers(String tool) {
        List<JsonValue> recorded = okAnswers(recorded(tool, BASE));
        return recorded.isEmpty() ? okAnswers(recorded(tool, DERIVED)) : recorded;
    }

    private static List<JsonValue> okAnswers(Optional<JsonObject> recorded) {
        List<JsonValue> out = new ArrayList<>();
        recorded.ifPresent(r -> r.getJsonArray("examples").forEach(e -> {
            JsonObject example = e.asJsonObject();
            if (example.getBoolean("ok", false)) {
                out.add(example.get("result"));
            }
        }));
        return out;
    }

    /**
     * The original's recorded {@code resources/read} answers (parsed JSON text), keyed by URI pattern: the recorded
     * ids become {@code {tripId}} and {@code {dayId}} (e.g. {@code trek://trips/{tripId}/days/{dayId}/notes}).
     */
    public static Map<String, JsonValue> resourceAnswers() {
        Map<String, JsonValue> out = new LinkedHashMap<>();
        String name = BASE + "_resources.json";
        try (InputStream in = OriginalShape.class.getClassLoader().getResourceAsStream(name)) {
            JsonArray all = Json.createReader(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8))).readArray();
            for (JsonValue v : all) {
                JsonObject r = v.asJsonObject();
                String pattern = r.getString("uri").replaceAll("^trek://trips/\\d+", "trek://trips/{tripId}")
                        .replaceAll("/days/\\d+/", "/days/{dayId}/");
                out.put(pattern, r.get("data"));
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException(name, e);
        }
        return out;
    }

    /** The refusals the original gave for this tool ({@code isError} texts), for reference in tests. */
    public static List<String> refusals(String tool) {
        List<String> out = new ArrayList<>();
        recorded(tool, BASE).ifPresent(r -> r.getJsonArray("examples").forEach(e -> {
            JsonObject example = e.asJsonObject();
            if (example.getBoolean("isError", false) && example.get("result") instanceof jakarta.json.JsonString s) {
                out.add(s.getString());
            }
        }));
        return out;
    }

    /**
     * The paths of this tool's answer where we deliberately differ ({@code org/trek/contract/deviations.properties}:
     * {@code <tool>.<path> = reason}); each must say why, and each must still exist in the original's answer.
     */
    public static Set<String> deviations(String tool) {
        java.util.Properties all = new java.util.Properties();
        try (InputStream in = OriginalShape.class.getClassLoader().getResourceAsStream("org/trek/contract/deviations.properties")) {
            if (in != null) {
                all.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Set<String> out = new java.util.TreeSet<>();
        for (String key : all.stringPropertyNames()) {
            if (key.startsWith(tool + ".")) {
                if (all.getProperty(key).isBlank()) {
                    throw new IllegalStateException("deviation without a reason: " + key);
                }
                out.add(key.substring(tool.length() + 1));
            }
        }
        return out;
    }

    static Optional<JsonObject> recorded(String tool, String base) {
        String name = base + tool + ".json";
        try (InputStream in = OriginalShape.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                return Optional.empty();
            }
            try (JsonReader reader = Json.createReader(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)))) {
                return Optional.of(reader.readObject());
            }
        } catch (IOException e) {
            throw new IllegalStateException(name, e);
        }
    }

    /**
     * The differences between the original's answer and ours, one line each ({@code path: what}); empty when ours
     * keeps the original's shape. Paths in {@code deviations} (and everything below them) are not compared.
     */
    public static List<String> differences(JsonValue original, JsonValue ours, Set<String> deviations) {
        List<String> out = new ArrayList<>();
        compare("", original, ours, deviations, out);
        return out;
    }

    private static void compare(String path, JsonValue original, JsonValue ours, Set<String> deviations, List<String> out) {
        if (deviations.contains(path) || original.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        String expected = type(original);
        String actual = type(ours);
        if (!expected.equals(actual)) {
            if (!"null".equals(actual)) {
                out.add(at(path) + ": the original gives " + expected + " (" + clip(original) + "), we give " + actual
                        + " (" + clip(ours) + ")");
            }
            return;
        }
        if (original instanceof JsonObject o && deviations.contains(path + "{}")) {
            // A map keyed by data (e.g. category name → assignees): every value of ours has the original values' shape.
            if (!o.isEmpty()) {
                JsonValue union = union(Json.createArrayBuilder(o.values()).build());
                List<String> valueDiffs = new ArrayList<>();
                ours.asJsonObject().values().forEach(v -> compare(path + ".*", union, v, deviations, valueDiffs));
                valueDiffs.stream().distinct().forEach(out::add);
            }
        } else if (original instanceof JsonObject o) {
            JsonObject mine = ours.asJsonObject();
            for (Map.Entry<String, JsonValue> e : o.entrySet()) {
                String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (deviations.contains(child)) {
                    continue;
                }
                if (!mine.containsKey(e.getKey())) {
                    out.add(at(child) + ": missing (the original gives " + clip(e.getValue()) + ")");
                } else {
                    compare(child, e.getValue(), mine.get(e.getKey()), deviations, out);
                }
            }
        } else if (original instanceof JsonArray a && !a.isEmpty()) {
            JsonArray mine = ours.asJsonArray();
            String items = path + "[]";
            if (mine.isEmpty()) {
                if (!deviations.contains(items)) {
                    out.add(at(items) + UNSEEN);
                }
                return;
            }
            JsonValue union = union(a);
            // A list nested in items may be empty in some of ours and full in others: its shape is unseen only when
            // it is empty in every item.
            List<List<String>> perItem = new ArrayList<>();
            for (JsonValue item : mine) {
                List<String> d = new ArrayList<>();
                compare(items, union, item, deviations, d);
                perItem.add(d);
            }
            perItem.stream().flatMap(List::stream).distinct()
                    .filter(d -> !d.endsWith(UNSEEN) || perItem.stream().allMatch(l -> l.contains(d)))
                    .forEach(out::add);
        }
    }

    /**
     * The keys of the original's answer that an output schema leaves undeclared, where the schema declares the
     * properties of that object at all (an object schema without {@code properties} says nothing, and is not checked).
     * Our schemas must describe the original's shapes: every key the original gives is a declared property.
     */
    public static List<String> undeclared(JsonValue original, JsonObject schema) {
        List<String> out = new ArrayList<>();
        undeclared("", original, schema, out);
        return out;
    }

    private static void undeclared(String path, JsonValue original, JsonObject schema, List<String> out) {
        if (schema == null) {
            return;
        }
        if (original instanceof JsonObject o && schema.containsKey("properties")) {
            JsonObject props = schema.getJsonObject("properties");
            for (Map.Entry<String, JsonValue> e : o.entrySet()) {
                String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (!props.containsKey(e.getKey())) {
                    out.add(at(child) + ": not declared in the output schema");
                } else {
                    undeclared(child, e.getValue(), props.getJsonObject(e.getKey()), out);
                }
            }
        } else if (original instanceof JsonArray a && schema.get("items") instanceof JsonObject items) {
            for (JsonValue item : a) {
                undeclared(path + "[]", item, items, out);
            }
        }
    }

    /** The items of an array merged into one: objects by key (first non-null value wins), others the first non-null. */
    static JsonValue union(JsonArray items) {
        JsonValue first = items.stream().filter(v -> v.getValueType() != JsonValue.ValueType.NULL).findFirst()
                .orElse(JsonValue.NULL);
        if (!(first instanceof JsonObject)) {
            return first;
        }
        Map<String, JsonValue> merged = new LinkedHashMap<>();
        for (JsonValue item : items) {
            if (item instanceof JsonObject o) {
                o.forEach((k, v) -> {
                    JsonValue had = merged.get(k);
                    if (had == null || had.getValueType() == JsonValue.ValueType.NULL) {
                        merged.put(k, v);
                    } else if (had instanceof JsonArray ha && ha.isEmpty() && v instanceof JsonArray) {
                        merged.put(k, v);
                    }
                });
            }
        }
        var b = Json.createObjectBuilder();
        merged.forEach(b::add);
        return b.build();
    }

    static String type(JsonValue v) {
        return switch (v.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }

    private static String at(String path) {
        return path.isEmpty() ? "(answer)" : path;
    }

    private static String clip(JsonValue v) {
        String s = v.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
