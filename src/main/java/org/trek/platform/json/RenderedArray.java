package org.trek.platform.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.AbstractList;
import java.util.List;

/** A JSON array together with its JSON text (see {@link JsonText#rendered}); behaves as the array in every read. */
final class RenderedArray extends AbstractList<JsonValue> implements JsonArray {
    private final JsonArray array;
    final String text;

    RenderedArray(JsonArray array, String text) {
        this.array = array;
        this.text = text;
    }

    @Override
    public JsonValue get(int index) {
        return array.get(index);
    }

    @Override
    public int size() {
        return array.size();
    }

    @Override
    public JsonObject getJsonObject(int index) {
        return array.getJsonObject(index);
    }

    @Override
    public JsonArray getJsonArray(int index) {
        return array.getJsonArray(index);
    }

    @Override
    public JsonNumber getJsonNumber(int index) {
        return array.getJsonNumber(index);
    }

    @Override
    public JsonString getJsonString(int index) {
        return array.getJsonString(index);
    }

    @Override
    public <T extends JsonValue> List<T> getValuesAs(Class<T> clazz) {
        return array.getValuesAs(clazz);
    }

    @Override
    public String getString(int index) {
        return array.getString(index);
    }

    @Override
    public String getString(int index, String defaultValue) {
        return array.getString(index, defaultValue);
    }

    @Override
    public int getInt(int index) {
        return array.getInt(index);
    }

    @Override
    public int getInt(int index, int defaultValue) {
        return array.getInt(index, defaultValue);
    }

    @Override
    public boolean getBoolean(int index) {
        return array.getBoolean(index);
    }

    @Override
    public boolean getBoolean(int index, boolean defaultValue) {
        return array.getBoolean(index, defaultValue);
    }

    @Override
    public boolean isNull(int index) {
        return array.isNull(index);
    }

    @Override
    public ValueType getValueType() {
        return ValueType.ARRAY;
    }

    @Override
    public String toString() {
        return text;
    }
}
