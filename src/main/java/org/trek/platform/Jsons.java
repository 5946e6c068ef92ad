package org.trek.platform;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.function.Function;

/** Small JSON-P helpers: null-safe puts and list mapping, so wire forms stay one line per field. */
public final class Jsons {

    private Jsons() {
    }

    public static JsonObjectBuilder put(JsonObjectBuilder b, String key, Object value) {
        if (value == null) {
            b.addNull(key);
        } else if (value instanceof String s) {
            b.add(key, s);
        } else if (value instanceof Long l) {
            b.add(key, l);
        } else if (value instanceof Integer i) {
            b.add(key, i);
        } else if (value instanceof Double d) {
            b.add(key, d);
        } else if (value instanceof BigDecimal d) {
            b.add(key, d);
        } else if (value instanceof Boolean bool) {
            b.add(key, bool);
        } else {
            b.add(key, value.toString());
        }
        return b;
    }

    public static <T> JsonArrayBuilder array(Collection<T> items, Function<T, ?> mapper) {
        JsonArrayBuilder a = JsonFactory.createArrayBuilder();
        for (T item : items) {
            Object v = mapper.apply(item);
            if (v instanceof JsonObjectBuilder ob) {
                a.add(ob);
            } else if (v instanceof jakarta.json.JsonValue jv) {
                a.add(jv);
            } else if (v instanceof Long l) {
                a.add(l);
            } else if (v == null) {
                a.addNull();
            } else {
                a.add(v.toString());
            }
        }
        return a;
    }
}
