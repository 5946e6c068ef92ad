package org.trek.platform.json;

import org.trek.platform.JsonFactory;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.AbstractMap;
import java.util.Set;

/**
 * A JSON object together with its JSON text (see {@link JsonText#rendered}); behaves as the object in every read. A
 * text-only one ({@link JsonText#renderedText}) lets the object's tree go as soon as its text is written and parses
 * the text back only if something reads it: a tool's large result is then held as one string while its answer is
 * written, not as a tree of thousands of objects (which, eight answers at a time, outgrew the young generation).
 */
final class RenderedObject extends AbstractMap<String, JsonValue> implements JsonObject {
    private volatile JsonObject object;
    final String text;

    RenderedObject(JsonObject object, String text) {
        this.object = object;
        this.text = text;
    }

    private JsonObject object() {
        JsonObject o = object;
        if (o == null) {
            try (JsonReader reader = JsonFactory.createReader(new StringReader(text))) {
                o = reader.readObject();
            }
            object = o;
        }
        return o;
    }

    @Override
    public Set<Entry<String, JsonValue>> entrySet() {
        return object().entrySet();
    }

    @Override
    public JsonValue get(Object key) {
        return object().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return object().containsKey(key);
    }

    @Override
    public int size() {
        return object().size();
    }

    @Override
    public JsonArray getJsonArray(String name) {
        return object().getJsonArray(name);
    }

    @Override
    public JsonObject getJsonObject(String name) {
        return object().getJsonObject(name);
    }

    @Override
    public JsonNumber getJsonNumber(String name) {
        return object().getJsonNumber(name);
    }

    @Override
    public JsonString getJsonString(String name) {
        return object().getJsonString(name);
    }

    @Override
    public String getString(String name) {
        return object().getString(name);
    }

    @Override
    public String getString(String name, String defaultValue) {
        return object().getString(name, defaultValue);
    }

    @Override
    public int getInt(String name) {
        return object().getInt(name);
    }

    @Override
    public int getInt(String name, int defaultValue) {
        return object().getInt(name, defaultValue);
    }

    @Override
    public boolean getBoolean(String name) {
        return object().getBoolean(name);
    }

    @Override
    public boolean getBoolean(String name, boolean defaultValue) {
        return object().getBoolean(name, defaultValue);
    }

    @Override
    public boolean isNull(String name) {
        return object().isNull(name);
    }

    @Override
    public ValueType getValueType() {
        return ValueType.OBJECT;
    }

    @Override
    public String toString() {
        return text;
    }
}
