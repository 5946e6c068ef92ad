package org.trek.mcp;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * Checks tool arguments against the tool's inputSchema before the handler runs, for the JSON Schema keywords tool
 * schemas use (type, required, properties, additionalProperties, enum, const, min/max, lengths, items, pattern).
 * The first problem is reported as -32602 naming the field.
 */
public final class ArgumentValidator {

    private ArgumentValidator() {
    }

    public static void validate(JsonObject schema, JsonValue value) {
        String problem = check(schema, value, "");
        if (problem != null) {
            throw McpError.invalidParams("Invalid arguments: " + problem);
        }
    }

    static String check(JsonObject schema, JsonValue value, String path) {
        if (schema == null) {
            return null;
        }
        String where = path.isEmpty() ? "arguments" : path;
        JsonValue type = schema.get("type");
        if (type != null && !typeMatches(type, value)) {
            return where + " must be " + (type instanceof JsonString s ? s.getString() : type.toString());
        }
        if (schema.get("enum") instanceof JsonArray allowed && !allowed.contains(value)) {
            return where + " must be one of " + allowed;
        }
        if (schema.containsKey("const") && !schema.get("const").equals(value)) {
            return where + " must be " + schema.get("const");
        }
        if (value instanceof JsonNumber n) {
            if (schema.get("minimum") instanceof JsonNumber min && n.doubleValue() < min.doubleValue()) {
                return where + " must be at least " + min;
            }
            if (schema.get("maximum") instanceof JsonNumber max && n.doubleValue() > max.doubleValue()) {
                return where + " must be at most " + max;
            }
        }
        if (value instanceof JsonString s) {
            int len = s.getString().codePointCount(0, s.getString().length());
            if (schema.get("minLength") instanceof JsonNumber min && len < min.intValue()) {
                return where + " must have at least " + min + " characters";
            }
            if (schema.get("maxLength") instanceof JsonNumber max && len > max.intValue()) {
                return where + " must have at most " + max + " characters";
            }
            if (schema.get("pattern") instanceof JsonString p) {
                try {
                    if (!java.util.regex.Pattern.compile(p.getString()).matcher(s.getString()).find()) {
                        return where + " has an invalid format";
                    }
                } catch (java.util.regex.PatternSyntaxException ignored) {
                    // a schema pattern Java cannot read is not the caller's fault
                }
            }
        }
        if (value instanceof JsonArray a) {
            if (schema.get("minItems") instanceof JsonNumber min && a.size() < min.intValue()) {
                return where + " must have at least " + min + " items";
            }
            if (schema.get("maxItems") instanceof JsonNumber max && a.size() > max.intValue()) {
                return where + " must have at most " + max + " items";
            }
            if (schema.get("items") instanceof JsonObject items) {
                for (int i = 0; i < a.size(); i++) {
                    String p = check(items, a.get(i), where + "[" + i + "]");
                    if (p != null) {
                        return p;
                    }
                }
            }
        }
        if (value instanceof JsonObject o) {
            String prefix = path.isEmpty() ? "" : path + ".";
            if (schema.get("required") instanceof JsonArray required) {
                for (JsonValue r : required) {
                    if (r instanceof JsonString name && !o.containsKey(name.getString())) {
                        return "missing required field " + prefix + name.getString();
                    }
                }
            }
            JsonObject properties = schema.get("properties") instanceof JsonObject p ? p : JsonValue.EMPTY_JSON_OBJECT;
            for (Map.Entry<String, JsonValue> e : o.entrySet()) {
                if (properties.get(e.getKey()) instanceof JsonObject propSchema) {
                    String p = check(propSchema, e.getValue(), prefix + e.getKey());
                    if (p != null) {
                        return p;
                    }
                } else if (JsonValue.FALSE.equals(schema.get("additionalProperties"))) {
                    return "unknown field " + prefix + e.getKey();
                }
            }
        }
        return null;
    }

    private static boolean typeMatches(JsonValue type, JsonValue value) {
        if (type instanceof JsonArray types) {
            return types.stream().anyMatch(t -> typeMatches(t, value));
        }
        if (!(type instanceof JsonString s)) {
            return true;
        }
        return switch (s.getString()) {
            case "object" -> value instanceof JsonObject;
            case "array" -> value instanceof JsonArray;
            case "string" -> value instanceof JsonString;
            case "integer" -> value instanceof JsonNumber n && n.isIntegral()
                    || value instanceof JsonNumber d && d.doubleValue() == Math.rint(d.doubleValue());
            case "number" -> value instanceof JsonNumber;
            case "boolean" -> value == JsonValue.TRUE || value == JsonValue.FALSE
                    || value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE;
            case "null" -> value.getValueType() == JsonValue.ValueType.NULL;
            default -> true;
        };
    }
}
