package org.trek.mcp.toolkit;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import org.trek.platform.JsonFactory;

/**
 * One tool argument, declared once: its name, its JSON Schema (2020-12) property, whether the tool requires it, its
 * default, and how its value is read. A tool lists its params in {@link Fields}, which gives the inputSchema; the
 * handler reads {@code call.get(PARAM)} and never spells the name again.
 *
 * <pre>{@code
 * static final Param<Long> DAY_ID = Param.id("dayId", "Day id").required();
 * kit.tool("delete_day", ..., Fields.of(TRIP_ID, DAY_ID), ..., c -> days.delete(c.userId(), c.get(TRIP_ID), c.get(DAY_ID)) ...)
 * }</pre>
 *
 * Reads are defensive: the MCP layer has already validated the arguments against the schema, but a wrong type, a
 * missing required value, an integer out of its declared bounds or an array of the wrong size is still the caller's
 * error (-32602 naming the field), never a 500. String lengths, patterns, enums and number minimums are left to the
 * services, which answer with their own messages.
 *
 * @param <T> the type the handler gets
 */
public final class Param<T> {

    /** Turns a present, non-null JSON value into the handler's type (or throws InvalidParamsException). */
    @FunctionalInterface
    interface Reader<T> {
        T read(String name, JsonValue value);
    }

    private final String name;
    private final JsonObject schema;
    private final boolean nullable;
    private final boolean required;
    private final T fallback;
    private final Reader<T> reader;
    private final Param<T> origin;

    private Param(String name, JsonObject schema, boolean nullable, boolean required, T fallback, Reader<T> reader,
                  Param<T> origin) {
        this.name = name;
        this.schema = schema;
        this.nullable = nullable;
        this.required = required;
        this.fallback = fallback;
        this.reader = reader;
        this.origin = origin == null ? this : origin;
    }

    private static <T> Param<T> of(String name, JsonObjectBuilder schema, boolean nullable, Reader<T> reader) {
        return new Param<>(name, schema.build(), nullable, false, null, reader, null);
    }

    /** The same argument, required by the tool that lists it (in the schema's required list; a read without it fails). */
    public Param<T> required() {
        return new Param<>(name, schema, nullable, true, fallback, reader, origin);
    }

    /** The same argument with the value a read gives when it is omitted or null (the description says so already). */
    public Param<T> orElse(T value) {
        return new Param<>(name, schema, nullable, required, value, reader, origin);
    }

    public String name() {
        return name;
    }

    /** The property's JSON Schema. */
    public JsonObject schema() {
        return schema;
    }

    public boolean isRequired() {
        return required;
    }

    /** Whether null is a valid value ("null clears"). */
    public boolean isNullable() {
        return nullable;
    }

    /** Whether {@code other} is this argument (or a required / defaulted variant of the same declaration). */
    boolean sameAs(Param<?> other) {
        return other != null && origin == other.origin;
    }

    /** Reads this argument from {@code value} (null when absent) under this declaration's rules. */
    T read(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (required && (value == null || !nullable)) {
                throw Values.invalid(name + " is required.");
            }
            return fallback;
        }
        return reader.read(name, value);
    }

    // ---------------------------------------------------------------- declarations

    private static JsonObjectBuilder typed(String type, boolean nullable) {
        return JsonFactory.createObjectBuilder().add("type", nullable
                ? JsonFactory.createArrayBuilder().add(type).add("null").build() : JsonFactory.createValue(type));
    }

    private static JsonObjectBuilder bounds(JsonObjectBuilder b, String minKey, Number min, String maxKey, Number max) {
        if (min != null) {
            put(b, minKey, min);
        }
        if (max != null) {
            put(b, maxKey, max);
        }
        return b;
    }

    private static void put(JsonObjectBuilder b, String key, Number n) {
        if (n instanceof Integer i) {
            b.add(key, i);
        } else {
            b.add(key, n.doubleValue());
        }
    }

    /** A positive integer id. */
    public static Param<Long> id(String name, String description) {
        return of(name, typed("integer", false).add("minimum", 1).add("description", description), false, Values::id);
    }

    /** A positive integer id that null clears. */
    public static Param<Long> nullableId(String name, String description) {
        return of(name, typed("integer", true).add("minimum", 1).add("description", description), true, Values::id);
    }

    public static Param<Integer> integer(String name, String description, Integer min, Integer max) {
        return of(name, bounds(typed("integer", false).add("description", description), "minimum", min, "maximum", max),
                false, (n, v) -> Values.within(n, Values.integer(n, v), min, max));
    }

    public static Param<Integer> nullableInteger(String name, String description, Integer min, Integer max) {
        return of(name, bounds(typed("integer", true).add("description", description), "minimum", min, "maximum", max),
                true, (n, v) -> Values.within(n, Values.integer(n, v), min, max));
    }

    /** A number read as a double (coordinates). */
    public static Param<Double> number(String name, String description, Double min) {
        return of(name, bounds(typed("number", false).add("description", description), "minimum", min, null, null),
                false, (n, v) -> Values.decimal(n, v).doubleValue());
    }

    /** A double that null clears ("omitted stays, null clears"). */
    public static Param<Double> nullableNumber(String name, String description, Double min) {
        return of(name, bounds(typed("number", true).add("description", description), "minimum", min, null, null),
                true, (n, v) -> Values.decimal(n, v).doubleValue());
    }

    /** A number read exactly (amounts). */
    public static Param<BigDecimal> decimal(String name, String description, Double min) {
        return of(name, bounds(typed("number", false).add("description", description), "minimum", min, null, null),
                false, Values::decimal);
    }

    /** An exact number that null clears. */
    public static Param<BigDecimal> nullableDecimal(String name, String description, Double min) {
        return of(name, bounds(typed("number", true).add("description", description), "minimum", min, null, null),
                true, Values::decimal);
    }

    public static Param<Boolean> bool(String name, String description) {
        return of(name, typed("boolean", false).add("description", description), false, Values::bool);
    }

    /** A string; a length of 0 leaves that bound out. */
    public static Param<String> string(String name, String description, int minLength, int maxLength) {
        return of(name, bounds(typed("string", false).add("description", description), "minLength",
                minLength > 0 ? minLength : null, "maxLength", maxLength > 0 ? maxLength : null), false, Values::string);
    }

    /** A string that null clears. */
    public static Param<String> nullableString(String name, String description, int maxLength) {
        return of(name, bounds(typed("string", true).add("description", description), null, null, "maxLength",
                maxLength > 0 ? maxLength : null), true, Values::string);
    }

    public static final String DATE_PATTERN = "^\\d{4}-\\d{2}-\\d{2}$";

    /** A calendar date YYYY-MM-DD (the description gets " (YYYY-MM-DD)"). */
    public static Param<String> date(String name, String description) {
        return of(name, typed("string", false).add("pattern", DATE_PATTERN).add("description", description + " (YYYY-MM-DD)"),
                false, Values::string);
    }

    /** A date that null clears. */
    public static Param<String> nullableDate(String name, String description) {
        return of(name, typed("string", true).add("pattern", DATE_PATTERN).add("description", description + " (YYYY-MM-DD)"),
                true, Values::string);
    }

    /** One of the given strings. */
    public static Param<String> enumeration(String name, String description, String... values) {
        JsonArrayBuilder e = JsonFactory.createArrayBuilder();
        for (String v : values) {
            e.add(v);
        }
        return of(name, typed("string", false).add("enum", e).add("description", description), false, Values::string);
    }

    /** A set of positive ids (an array without repeats); a count of 0 leaves that bound out. */
    public static Param<List<Long>> ids(String name, String description, int minItems, int maxItems) {
        JsonObjectBuilder b = typed("array", false)
                .add("items", JsonFactory.createObjectBuilder().add("type", "integer").add("minimum", 1))
                .add("uniqueItems", true).add("description", description);
        return of(name, bounds(b, "minItems", minItems > 0 ? minItems : null, "maxItems", maxItems > 0 ? maxItems : null),
                false, (n, v) -> Values.sized(n, Values.ids(n, v), minItems, maxItems));
    }

    /** An array of objects, each with the given fields; every item is read as {@link Args} over those fields. */
    public static Param<List<Args>> objects(String name, String description, Fields items, int minItems, int maxItems) {
        JsonObjectBuilder b = typed("array", false).add("items", items.objectSchema()).add("description", description);
        return of(name, bounds(b, "minItems", minItems > 0 ? minItems : null, "maxItems", maxItems > 0 ? maxItems : null),
                false, (n, v) -> Values.sized(n, Values.objects(n, v, items), minItems, maxItems));
    }

    /** An object of the given schema, handed over as it came. */
    public static Param<JsonObject> object(String name, JsonObject schema) {
        return of(name, JsonFactory.createObjectBuilder(schema), false, Values::object);
    }

    /** A list of distinct strings, each one of the given values (e.g. transport modes); a count of 0 leaves that bound out. */
    public static Param<List<String>> enumerations(String name, String description, int maxItems, String... values) {
        JsonArrayBuilder e = JsonFactory.createArrayBuilder();
        for (String v : values) {
            e.add(v);
        }
        java.util.Set<String> allowed = java.util.Set.of(values);
        JsonObjectBuilder b = typed("array", false).add("items", typed("string", false).add("enum", e))
                .add("uniqueItems", true).add("description", description);
        return of(name, bounds(b, null, null, "maxItems", maxItems > 0 ? maxItems : null), false, (n, v) -> {
            if (!(v instanceof jakarta.json.JsonArray array)) {
                throw Values.invalid(n + " must be an array.");
            }
            List<String> out = new java.util.ArrayList<>();
            for (JsonValue item : array) {
                String s = Values.string(n, item);
                if (!allowed.contains(s) || out.contains(s)) {
                    throw Values.invalid(n + " must list distinct values of " + String.join(", ", values) + ".");
                }
                out.add(s);
            }
            return Values.sized(n, out, 0, maxItems);
        });
    }

    /**
     * A list of strings (e.g. a poll's options), each at most {@code maxLength} long; a count of 0 leaves that bound
     * out. Item contents (blank, repeated) are the service's to judge.
     */
    public static Param<List<String>> strings(String name, String description, int minItems, int maxItems, int maxLength) {
        JsonObjectBuilder item = typed("string", false);
        if (maxLength > 0) {
            item.add("maxLength", maxLength);
        }
        JsonObjectBuilder b = typed("array", false).add("items", item).add("description", description);
        return of(name, bounds(b, "minItems", minItems > 0 ? minItems : null, "maxItems", maxItems > 0 ? maxItems : null),
                false, (n, v) -> {
                    if (!(v instanceof jakarta.json.JsonArray array)) {
                        throw Values.invalid(n + " must be an array of strings.");
                    }
                    List<String> out = new java.util.ArrayList<>();
                    for (JsonValue value : array) {
                        String s = Values.string(n, value);
                        if (maxLength > 0 && s.codePointCount(0, s.length()) > maxLength) {
                            throw Values.invalid(n + " items must be at most " + maxLength + " characters.");
                        }
                        out.add(s);
                    }
                    return Values.sized(n, out, minItems, maxItems);
                });
    }

    /** An output-only property of the given schema (results are not read back). */
    static Param<JsonValue> property(String name, JsonObjectBuilder schema) {
        return of(name, schema, false, (n, v) -> v);
    }
}
