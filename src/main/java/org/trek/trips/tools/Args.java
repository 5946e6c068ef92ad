package org.trek.trips.tools;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.trek.mcp.registry.InvalidParamsException;

/**
 * Typed reads of already schema-validated arguments. Still defensive: a wrong type here is the caller's error
 * (-32602 naming the field), never a 500.
 */
public final class Args {
    private final JsonObject json;

    public Args(JsonObject json) {
        this.json = json == null ? JsonValue.EMPTY_JSON_OBJECT : json;
    }

    public boolean has(String name) {
        return json.containsKey(name);
    }

    /** Present and explicitly null: "clear this value". */
    public boolean isNull(String name) {
        return json.containsKey(name) && json.get(name).getValueType() == JsonValue.ValueType.NULL;
    }

    public long id(String name) {
        Long v = optLong(name);
        if (v == null || v <= 0) {
            throw new InvalidParamsException("Invalid params: " + name + " must be a positive integer.");
        }
        return v;
    }

    public Long optLong(String name) {
        JsonValue v = json.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.longValueExact();
            } catch (ArithmeticException e) {
                throw new InvalidParamsException("Invalid params: " + name + " is out of range.");
            }
        }
        throw new InvalidParamsException("Invalid params: " + name + " must be an integer.");
    }

    public Integer optInt(String name) {
        Long v = optLong(name);
        if (v == null) {
            return null;
        }
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw new InvalidParamsException("Invalid params: " + name + " is out of range.");
        }
        return v.intValue();
    }

    public BigDecimal optDecimal(String name) {
        JsonValue v = json.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonNumber n) {
            BigDecimal d = n.bigDecimalValue();
            // 1e500000000 parses in no time but rescaling it (setScale, a DECIMAL column) computes a power of ten
            // of that size: minutes of CPU. No amount or coordinate here needs more than 15 digits before the point.
            if (d.signum() != 0 && (d.precision() - d.scale() > 15 || d.scale() > 40)) {
                throw new InvalidParamsException("Invalid params: " + name + " is out of range.");
            }
            return d;
        }
        throw new InvalidParamsException("Invalid params: " + name + " must be a number.");
    }

    public Double optDouble(String name) {
        BigDecimal d = optDecimal(name);
        return d == null ? null : d.doubleValue();
    }

    public String optString(String name) {
        JsonValue v = json.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw new InvalidParamsException("Invalid params: " + name + " must be a string.");
    }

    public String string(String name) {
        String s = optString(name);
        if (s == null) {
            throw new InvalidParamsException("Invalid params: " + name + " is required.");
        }
        return s;
    }

    public Boolean optBool(String name) {
        JsonValue v = json.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (v.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        throw new InvalidParamsException("Invalid params: " + name + " must be a boolean.");
    }

    /** A boolean the tool cannot do without (the schema requires it too). */
    public boolean requiredBool(String name) {
        Boolean b = optBool(name);
        if (b == null) {
            throw new InvalidParamsException("Invalid params: " + name + " is required.");
        }
        return b;
    }

    public boolean bool(String name, boolean defaultValue) {
        Boolean b = optBool(name);
        return b == null ? defaultValue : b;
    }

    public List<Long> ids(String name) {
        JsonValue v = json.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidParamsException("Invalid params: " + name + " must be an array of integers.");
        }
        List<Long> out = new ArrayList<>();
        for (JsonValue item : v.asJsonArray()) {
            if (!(item instanceof JsonNumber n) || !n.isIntegral() || n.longValue() <= 0) {
                throw new InvalidParamsException("Invalid params: " + name + " must contain positive integers.");
            }
            out.add(n.longValue());
        }
        return out;
    }

    public JsonObject raw() {
        return json;
    }
}
