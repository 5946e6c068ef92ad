package org.trek.platform.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.AbstractMap;
import java.util.Set;

/** A JSON object together with its JSON text (see {@link JsonText#rendered}); behaves as the object in every read. */
final class RenderedObject extends AbstractMap<String, JsonValue> implements JsonObject {
    private final JsonObject object;
    final String text;

    RenderedObject(JsonObject object, String text) {
        this.object = object;
        this.text = text;
    }

    @Override
    public Set<Entry<String, JsonValue>> entrySet() {
        return object.entrySet();
    }

    @Override
    public JsonValue get(Object key) {
        return object.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return object.containsKey(key);
    }

    @Override
    public int size() {
        return object.size();
    }

    @Override
    public JsonArray getJsonArray(String name) {
        return object.getJsonArray(name);
    }

    @Override
    public JsonObject getJsonObject(String name) {
        return object.getJsonObject(name);
    }

    @Override
    public JsonNumber getJsonNumber(String name) {
        return object.getJsonNumber(name);
    }

    @Override
    public JsonString getJsonString(String name) {
        return object.getJsonString(name);
    }

    @Override
    public String getString(String name) {
        return object.getString(name);
    }

    @Override
    public String getString(String name, String defaultValue) {
        return object.getString(name, defaultValue);
    }

    @Override
    public int getInt(String name) {
        return object.getInt(name);
    }

    @Override
    public int getInt(String name, int defaultValue) {
        return object.getInt(name, defaultValue);
    }

    @Override
    public boolean getBoolean(String name) {
        return object.getBoolean(name);
    }

    @Override
    public boolean getBoolean(String name, boolean defaultValue) {
        return object.getBoolean(name, defaultValue);
    }

    @Override
    public boolean isNull(String name) {
        return object.isNull(name);
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
