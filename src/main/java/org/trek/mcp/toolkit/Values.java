package org.trek.mcp.toolkit;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.trek.mcp.registry.InvalidParamsException;

/** The typed reads behind {@link Param}: each gets a present, non-null value and names the field when it is wrong. */
final class Values {

    private Values() {
    }

    static InvalidParamsException invalid(String what) {
        return new InvalidParamsException("Invalid params: " + what);
    }

    static Long integral(String name, JsonValue v) {
        if (v instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.longValueExact();
            } catch (ArithmeticException e) {
                throw invalid(name + " is out of range.");
            }
        }
        throw invalid(name + " must be an integer.");
    }

    static Long id(String name, JsonValue v) {
        long id = integral(name, v);
        if (id <= 0) {
            throw invalid(name + " must be a positive integer.");
        }
        return id;
    }

    static Integer integer(String name, JsonValue v) {
        long l = integral(name, v);
        if (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE) {
            throw invalid(name + " is out of range.");
        }
        return (int) l;
    }

    static Integer within(String name, Integer value, Integer min, Integer max) {
        if (min != null && value < min) {
            throw invalid(name + " must be at least " + min + ".");
        }
        if (max != null && value > max) {
            throw invalid(name + " must be at most " + max + ".");
        }
        return value;
    }

    /** An array within its declared item counts (0: no bound). */
    static <T> List<T> sized(String name, List<T> items, int minItems, int maxItems) {
        if (minItems > 0 && items.size() < minItems || maxItems > 0 && items.size() > maxItems) {
            throw invalid(name + " must have " + (maxItems > 0 ? minItems + " to " + maxItems : "at least " + minItems)
                    + " items.");
        }
        return items;
    }

    static BigDecimal decimal(String name, JsonValue v) {
        if (v instanceof JsonNumber n) {
            BigDecimal d = n.bigDecimalValue();
            // 1e500000000 parses in no time but rescaling it (setScale, a DECIMAL column) computes a power of ten
            // of that size: minutes of CPU. No amount or coordinate here needs more than 15 digits before the point.
            if (d.signum() != 0 && (d.precision() - d.scale() > 15 || d.scale() > 40)) {
                throw invalid(name + " is out of range.");
            }
            return d;
        }
        throw invalid(name + " must be a number.");
    }

    static String string(String name, JsonValue v) {
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw invalid(name + " must be a string.");
    }

    static Boolean bool(String name, JsonValue v) {
        if (v.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (v.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        throw invalid(name + " must be a boolean.");
    }

    static List<Long> ids(String name, JsonValue v) {
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw invalid(name + " must be an array of integers.");
        }
        List<Long> out = new ArrayList<>();
        for (JsonValue item : v.asJsonArray()) {
            if (!(item instanceof JsonNumber n) || !n.isIntegral() || n.longValue() <= 0) {
                throw invalid(name + " must contain positive integers.");
            }
            out.add(n.longValue());
        }
        return out;
    }

    static List<Args> objects(String name, JsonValue v, Fields fields) {
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw invalid(name + " must be an array.");
        }
        List<Args> out = new ArrayList<>();
        for (JsonValue item : v.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                throw invalid(name + " items must be objects.");
            }
            out.add(new Args(item.asJsonObject(), fields));
        }
        return out;
    }

    static JsonObject object(String name, JsonValue v) {
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid(name + " must be an object.");
        }
        return v.asJsonObject();
    }
}
