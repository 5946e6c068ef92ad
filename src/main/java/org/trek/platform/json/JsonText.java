package org.trek.platform.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Compact JSON text of a JSON-P value, written once: a value wrapped with {@link #rendered} carries its text with it,
 * and writing a tree that contains it copies that text instead of walking the value again. So a tool's structured
 * result, already written for its text content, and a cached tools/list array are not serialized a second time for
 * the response. The output is what JSON-P's own writer produces (same escapes, numbers as {@link JsonNumber#toString}).
 */
public final class JsonText {

    private JsonText() {
    }

    public static String write(JsonValue value) {
        StringBuilder out = new StringBuilder(256);
        try {
            write(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return out.toString();
    }

    /** The object with its text attached (written now); reads go to the object itself. */
    public static JsonObject rendered(JsonObject object) {
        return object instanceof RenderedObject r ? r : new RenderedObject(object, write(object));
    }

    /**
     * An object known only by its JSON text (just written from a tree the caller drops): written by copying the text,
     * parsed back only if something reads it.
     */
    public static JsonObject renderedText(String text) {
        return new RenderedObject(null, text);
    }

    public static JsonArray rendered(JsonArray array) {
        return array instanceof RenderedArray r ? r : new RenderedArray(array, write(array));
    }

    /** Into any text sink, e.g. {@link Utf8Out} for an answer written as it is made. */
    public static void write(JsonValue value, Appendable out) throws IOException {
        if (value instanceof RenderedObject r) {
            out.append(r.text);
            return;
        }
        if (value instanceof RenderedArray r) {
            out.append(r.text);
            return;
        }
        switch (value.getValueType()) {
            case OBJECT -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonValue> e : value.asJsonObject().entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(e.getKey(), out);
                    out.append(':');
                    write(e.getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                boolean first = true;
                for (JsonValue v : value.asJsonArray()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    write(v, out);
                }
                out.append(']');
            }
            case STRING -> string(((JsonString) value).getString(), out);
            case NUMBER -> out.append(value.toString());
            case TRUE -> out.append("true");
            case FALSE -> out.append("false");
            default -> out.append("null");
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** A JSON string literal, escaped as JSON-P escapes it. */
    static void string(String s, Appendable out) throws IOException {
        out.append('"');
        int start = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, start, i);
            start = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        out.append(s, start, n);
        out.append('"');
    }
}
