package org.trek.mcp.toolkit;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trek.platform.JsonFactory;

/**
 * The shape of an object a tool answers (a trip, a place, a booking…), declared once and used in every output schema
 * that carries it: its keys in order, each with its JSON type, required (the original's keys are the contract: a
 * client may rely on each being there) unless declared with {@link #andOptional}. Values may be null except {@code id}: a column that is empty for one row is
 * null, and a schema stricter than the data would make clients that validate results reject good answers.
 *
 * <pre>{@code
 * static final Shape TAG = Shape.of("id:integer user_id:integer name:string color:string created_at:string");
 * static final Shape PLACE = Shape.of("id:integer name:string ...").withList("tags", TAG);
 * Schema.nested().object("place", PLACE, true).buildOutput()
 * }</pre>
 *
 * Types: {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code object}, {@code array}, or several
 * joined by {@code |} ({@code metadata:string|object}). Objects of
 * their own shape are added with {@link #with} and lists of them with {@link #withList}. Immutable; build at start.
 */
public final class Shape {
    private static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean", "object", "array");

    private final Map<String, JsonObject> properties;
    private final Set<String> optional;

    private Shape(Map<String, JsonObject> properties, Set<String> optional) {
        this.properties = properties;
        this.optional = optional;
    }

    /** A shape from "key:type" words separated by white space. */
    public static Shape of(String spec) {
        return new Shape(new LinkedHashMap<>(), Set.of()).and(spec);
    }

    /** This shape with more "key:type" words (a key given again replaces its type). */
    public Shape and(String spec) {
        return new Shape(words(spec), optional);
    }

    /**
     * This shape with keys that are declared but not always there (an answer's part that depends on the caller's
     * access or on the data, e.g. a summary section).
     */
    public Shape andOptional(String spec) {
        Map<String, JsonObject> all = words(spec);
        Set<String> opt = new java.util.HashSet<>(optional);
        all.keySet().stream().filter(k -> !properties.containsKey(k)).forEach(opt::add);
        return new Shape(all, Set.copyOf(opt));
    }

    private Map<String, JsonObject> words(String spec) {
        Map<String, JsonObject> out = new LinkedHashMap<>(properties);
        for (String word : spec.isBlank() ? new String[0] : spec.trim().split("\\s+")) {
            int colon = word.indexOf(':');
            String key = colon < 0 ? "" : word.substring(0, colon);
            String type = colon < 0 ? "" : word.substring(colon + 1);
            List<String> types = List.of(type.split("\\|"));
            if (key.isEmpty() || !TYPES.containsAll(types)) {
                throw new IllegalArgumentException("not a key:type word: " + word);
            }
            out.put(key, typed(types, "id".equals(key)).build());
        }
        return out;
    }

    /** This shape with a nested object of its own shape (null allowed). */
    public Shape with(String key, Shape nested) {
        Map<String, JsonObject> out = new LinkedHashMap<>(properties);
        out.put(key, nested.nullable());
        return new Shape(out, optional);
    }

    /** This shape with a list of objects of the given shape. */
    public Shape withList(String key, Shape item) {
        Map<String, JsonObject> out = new LinkedHashMap<>(properties);
        out.put(key, list(item));
        return new Shape(out, optional);
    }

    /** This shape with a list of objects of the given shape that is not always there (see {@link #andOptional}). */
    public Shape withOptionalList(String key, Shape item) {
        Shape out = withList(key, item);
        Set<String> opt = new java.util.HashSet<>(optional);
        opt.add(key);
        return new Shape(out.properties, Set.copyOf(opt));
    }

    /** The JSON Schema of an object of this shape: open (answers may gain keys), every declared key required. */
    public JsonObject schema() {
        JsonObjectBuilder props = JsonFactory.createObjectBuilder();
        JsonArrayBuilder required = JsonFactory.createArrayBuilder();
        properties.forEach((k, v) -> {
            props.add(k, v);
            if (!optional.contains(k)) {
                required.add(k);
            }
        });
        return JsonFactory.createObjectBuilder().add("type", "object").add("properties", props).add("required", required).build();
    }

    /** The schema, or null. */
    JsonObject nullable() {
        JsonObject s = schema();
        return JsonFactory.createObjectBuilder(s).add("type", JsonFactory.createArrayBuilder().add("object").add("null")).build();
    }

    /** A list of objects of this shape. */
    static JsonObject list(Shape item) {
        return JsonFactory.createObjectBuilder().add("type", "array").add("items", item.schema()).build();
    }

    private static JsonObjectBuilder typed(List<String> types, boolean neverNull) {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder();
        if (neverNull && types.size() == 1) {
            return b.add("type", types.get(0));
        }
        JsonArrayBuilder all = JsonFactory.createArrayBuilder();
        types.forEach(all::add);
        return b.add("type", neverNull ? all : all.add("null"));
    }

    /** The declared keys, in order. */
    public Set<String> keys() {
        return properties.keySet();
    }
}
