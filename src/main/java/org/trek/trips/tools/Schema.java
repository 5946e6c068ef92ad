package org.trek.trips.tools;

import org.trek.platform.JsonFactory;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * A compact builder for JSON Schema 2020-12 object schemas, so each tool declares its input in a few lines.
 * Every schema is closed ({@code additionalProperties: false}); build it once per tool, not per call.
 */
public final class Schema {
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    public static final String DATE_PATTERN = "^\\d{4}-\\d{2}-\\d{2}$";

    private final JsonObjectBuilder properties = JsonFactory.createObjectBuilder();
    private final List<String> required = new ArrayList<>();
    private final boolean withDialect;

    private Schema(boolean withDialect) {
        this.withDialect = withDialect;
    }

    /** An input schema (carries the $schema dialect). */
    public static Schema input() {
        return new Schema(true);
    }

    /** A nested object schema (items of an array, output parts). */
    public static Schema nested() {
        return new Schema(false);
    }

    private Schema prop(String name, JsonObjectBuilder schema, boolean req) {
        properties.add(name, schema);
        if (req) {
            required.add(name);
        }
        return this;
    }

    /** The usual trip id argument. */
    public Schema tripId() {
        return id("tripId", "Trip id (from list_trips)", true);
    }

    public Schema id(String name, String description, boolean req) {
        return prop(name, JsonFactory.createObjectBuilder().add("type", "integer").add("minimum", 1)
                .add("description", description), req);
    }

    public Schema nullableId(String name, String description) {
        return prop(name, JsonFactory.createObjectBuilder().add("type", JsonFactory.createArrayBuilder().add("integer").add("null"))
                .add("minimum", 1).add("description", description), false);
    }

    public Schema integer(String name, String description, Integer min, Integer max, boolean req) {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("type", "integer").add("description", description);
        if (min != null) {
            b.add("minimum", min);
        }
        if (max != null) {
            b.add("maximum", max);
        }
        return prop(name, b, req);
    }

    public Schema nullableInteger(String name, String description, Integer min, Integer max) {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("type", JsonFactory.createArrayBuilder().add("integer").add("null"))
                .add("description", description);
        if (min != null) {
            b.add("minimum", min);
        }
        if (max != null) {
            b.add("maximum", max);
        }
        return prop(name, b, false);
    }

    public Schema number(String name, String description, Double min, boolean req) {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("type", "number").add("description", description);
        if (min != null) {
            b.add("minimum", min);
        }
        return prop(name, b, req);
    }

    /** An optional number that null clears (update tools: "omitted stays, null clears"). */
    public Schema nullableNumber(String name, String description, Double min) {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("type", JsonFactory.createArrayBuilder().add("number").add("null"))
                .add("description", description);
        if (min != null) {
            b.add("minimum", min);
        }
        return prop(name, b, false);
    }

    public Schema bool(String name, String description, boolean req) {
        return prop(name, JsonFactory.createObjectBuilder().add("type", "boolean").add("description", description), req);
    }

    public Schema string(String name, String description, int minLength, int maxLength, boolean req) {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("type", "string").add("description", description);
        if (minLength > 0) {
            b.add("minLength", minLength);
        }
        if (maxLength > 0) {
            b.add("maxLength", maxLength);
        }
        return prop(name, b, req);
    }

    /** A string that may also be null (null clears the value). */
    public Schema nullableString(String name, String description, int maxLength, boolean req) {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("type", JsonFactory.createArrayBuilder().add("string").add("null"))
                .add("description", description);
        if (maxLength > 0) {
            b.add("maxLength", maxLength);
        }
        return prop(name, b, req);
    }

    public Schema date(String name, String description, boolean nullable, boolean req) {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder()
                .add("type", nullable ? JsonFactory.createArrayBuilder().add("string").add("null").build() : JsonFactory.createValue("string"))
                .add("pattern", DATE_PATTERN).add("description", description + " (YYYY-MM-DD)");
        return prop(name, b, req);
    }

    public Schema enumeration(String name, String description, boolean req, String... values) {
        JsonArrayBuilder e = JsonFactory.createArrayBuilder();
        for (String v : values) {
            e.add(v);
        }
        return prop(name, JsonFactory.createObjectBuilder().add("type", "string").add("enum", e).add("description", description), req);
    }

    public Schema ids(String name, String description, int minItems, int maxItems, boolean req) {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("type", "array")
                .add("items", JsonFactory.createObjectBuilder().add("type", "integer").add("minimum", 1))
                .add("uniqueItems", true).add("description", description);
        if (minItems > 0) {
            b.add("minItems", minItems);
        }
        if (maxItems > 0) {
            b.add("maxItems", maxItems);
        }
        return prop(name, b, req);
    }

    public Schema array(String name, String description, JsonObject items, int minItems, int maxItems, boolean req) {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("type", "array").add("items", items).add("description", description);
        if (minItems > 0) {
            b.add("minItems", minItems);
        }
        if (maxItems > 0) {
            b.add("maxItems", maxItems);
        }
        return prop(name, b, req);
    }

    /** Paging arguments for growing lists. */
    public Schema paging() {
        integer("limit", "Page size (default 50, at most 200)", 1, 200, false);
        return string("cursor", "Opaque cursor from next_cursor of the previous page", 1, 50, false);
    }

    /** Output property: any object. */
    public Schema object(String name, boolean req) {
        return prop(name, JsonFactory.createObjectBuilder().add("type", "object"), req);
    }

    public Schema nullableObject(String name, boolean req) {
        return prop(name, JsonFactory.createObjectBuilder().add("type", JsonFactory.createArrayBuilder().add("object").add("null")), req);
    }

    /** Output property: an array of objects. */
    public Schema objects(String name, boolean req) {
        return prop(name, JsonFactory.createObjectBuilder().add("type", "array").add("items", JsonFactory.createObjectBuilder().add("type", "object")), req);
    }

    public Schema raw(String name, JsonObject schema, boolean req) {
        return prop(name, JsonFactory.createObjectBuilder(schema), req);
    }

    public JsonObject build() {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder();
        if (withDialect) {
            b.add("$schema", DIALECT);
        }
        b.add("type", "object").add("properties", properties);
        if (!required.isEmpty()) {
            JsonArrayBuilder r = JsonFactory.createArrayBuilder();
            required.forEach(r::add);
            b.add("required", r);
        }
        return b.add("additionalProperties", false).build();
    }

    /** An output schema: open (results may gain fields), with the listed properties required. */
    public JsonObject buildOutput() {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("type", "object").add("properties", properties);
        if (!required.isEmpty()) {
            JsonArrayBuilder r = JsonFactory.createArrayBuilder();
            required.forEach(r::add);
            b.add("required", r);
        }
        return b.build();
    }

    public static JsonObject success() {
        return nested().bool("success", "Always true", true).buildOutput();
    }
}
