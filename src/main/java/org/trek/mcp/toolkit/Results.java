package org.trek.mcp.toolkit;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.trek.platform.JsonFactory;

/** The shapes most tool results have: {@code {success: true}} and one named object. */
public final class Results {
    private static final JsonObject SUCCESS = JsonFactory.createObjectBuilder().add("success", true).build();

    private Results() {
    }

    /** {@code {"success": true}} (output schema {@link Schema#success()}). */
    public static JsonObject success() {
        return SUCCESS;
    }

    /** {@code {key: value}}. */
    public static JsonObject of(String key, JsonValue value) {
        return JsonFactory.createObjectBuilder().add(key, value).build();
    }

    /** {@code {key: value}}. */
    public static JsonObject of(String key, JsonObjectBuilder value) {
        return JsonFactory.createObjectBuilder().add(key, value).build();
    }
}
