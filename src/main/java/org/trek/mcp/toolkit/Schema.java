package org.trek.mcp.toolkit;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import org.trek.platform.JsonFactory;

/**
 * A compact builder for JSON Schema 2020-12 object schemas. Input schemas come from a tool's {@link Fields}
 * (closed: {@code additionalProperties: false}); output schemas are written here in a line or two (open, the listed
 * properties required). Build once per tool, not per call.
 */
public final class Schema {
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private final JsonObjectBuilder properties = JsonFactory.createObjectBuilder();
    private final List<String> required = new ArrayList<>();
    private final boolean withDialect;

    private Schema(boolean withDialect) {
        this.withDialect = withDialect;
    }

    /** An input schema (carries the $schema dialect). */
    static Schema input() {
        return new Schema(true);
    }

    /** A nested or output object schema. */
    public static Schema nested() {
        return new Schema(false);
    }

    /** Adds a declared argument (required when it is declared required). */
    Schema add(Param<?> param) {
        return prop(param.name(), param.schema(), param.isRequired());
    }

    private Schema prop(String name, JsonObject schema, boolean req) {
        properties.add(name, schema);
        if (req) {
            required.add(name);
        }
        return this;
    }

    private Schema prop(Param<?> param, boolean req) {
        return prop(param.name(), param.schema(), req);
    }

    public Schema integer(String name, String description, Integer min, Integer max, boolean req) {
        return prop(Param.integer(name, description, min, max), req);
    }

    public Schema nullableInteger(String name, String description, Integer min, Integer max) {
        return prop(Param.nullableInteger(name, description, min, max), false);
    }

    public Schema bool(String name, String description, boolean req) {
        return prop(Param.bool(name, description), req);
    }

    public Schema string(String name, String description, int minLength, int maxLength, boolean req) {
        return prop(Param.string(name, description, minLength, maxLength), req);
    }

    public Schema nullableString(String name, String description, int maxLength, boolean req) {
        return prop(Param.nullableString(name, description, maxLength), req);
    }

    /** Output property: any object. */
    public Schema object(String name, boolean req) {
        return prop(name, JsonFactory.createObjectBuilder().add("type", "object").build(), req);
    }

    public Schema nullableObject(String name, boolean req) {
        return prop(name, JsonFactory.createObjectBuilder()
                .add("type", JsonFactory.createArrayBuilder().add("object").add("null")).build(), req);
    }

    /** Output property: an array of objects. */
    public Schema objects(String name, boolean req) {
        return prop(name, JsonFactory.createObjectBuilder().add("type", "array")
                .add("items", JsonFactory.createObjectBuilder().add("type", "object")).build(), req);
    }

    /** Output property: an object of the given shape. */
    public Schema object(String name, Shape shape, boolean req) {
        return prop(name, shape.schema(), req);
    }

    /** Output property: an object of the given shape, or null. */
    public Schema nullableObject(String name, Shape shape, boolean req) {
        return prop(name, shape.nullable(), req);
    }

    /** Output property: an array of objects of the given shape. */
    public Schema objects(String name, Shape shape, boolean req) {
        return prop(name, Shape.list(shape), req);
    }

    /** Output property: an object keyed by data (e.g. category name), each value a list of objects of the given shape. */
    public Schema map(String name, Shape valueItem, boolean req) {
        return prop(name, JsonFactory.createObjectBuilder().add("type", "object")
                .add("additionalProperties", Shape.list(valueItem)).build(), req);
    }

    /** Output property: an array of ids (integers). */
    public Schema ids(String name, boolean req) {
        return prop(name, JsonFactory.createObjectBuilder().add("type", "array")
                .add("items", JsonFactory.createObjectBuilder().add("type", "integer")).build(), req);
    }

    /** Output property: an array of anything. */
    public Schema array(String name, boolean req) {
        return prop(name, JsonFactory.createObjectBuilder().add("type", "array").build(), req);
    }

    /** A closed object schema (input side). */
    JsonObject build() {
        return required(withDialect ? JsonFactory.createObjectBuilder().add("$schema", DIALECT) : JsonFactory.createObjectBuilder())
                .add("additionalProperties", false).build();
    }

    /** An output schema: open (results may gain fields), with the listed properties required. */
    public JsonObject buildOutput() {
        return required(JsonFactory.createObjectBuilder()).build();
    }

    private JsonObjectBuilder required(JsonObjectBuilder b) {
        b.add("type", "object").add("properties", properties);
        if (!required.isEmpty()) {
            JsonArrayBuilder r = JsonFactory.createArrayBuilder();
            required.forEach(r::add);
            b.add("required", r);
        }
        return b;
    }

    /** {success: true}, the result of tools that only change something. */
    public static JsonObject success() {
        return nested().bool("success", "Always true", true).buildOutput();
    }
}
