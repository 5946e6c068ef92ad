package org.trek.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader (objects become LinkedHashMaps, arrays Lists, numbers Long or Double) and string quoting, for
 * the provisioning steps and the few answers the load generator has to read (a new refresh token, a created place's
 * id). The hot path judges answers with {@link JsonScan} instead, without building a tree.
 */
final class Json {
    private final String s;
    private int i;

    private Json(String s) {
        this.s = s;
    }

    static Object parse(String text) {
        Json p = new Json(text);
        p.skipSpace();
        Object v = p.value(0);
        p.skipSpace();
        if (p.i != p.s.length()) {
            throw p.fail("trailing characters");
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String text) {
        Object v = parse(text);
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException("not a JSON object: " + abbreviate(text));
        }
        return (Map<String, Object>) v;
    }

    /** The value at a path of object keys and array indexes, or null when any step is missing. */
    @SuppressWarnings("unchecked")
    static Object at(Object root, Object... path) {
        Object cur = root;
        for (Object step : path) {
            if (step instanceof String key && cur instanceof Map<?, ?> m) {
                cur = ((Map<String, Object>) m).get(key);
            } else if (step instanceof Integer index && cur instanceof List<?> l) {
                cur = index < l.size() ? l.get(index) : null;
            } else {
                return null;
            }
        }
        return cur;
    }

    static long id(Object root, Object... path) {
        Object v = at(root, path);
        if (v instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalStateException("no number at " + java.util.Arrays.toString(path));
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object root, Object... path) {
        Object v = at(root, path);
        return v instanceof List<?> l ? (List<Object>) l : List.of();
    }

    static String quote(String v) {
        StringBuilder b = new StringBuilder(v.length() + 2).append('"');
        for (int k = 0; k < v.length(); k++) {
            char c = v.charAt(k);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private Object value(int depth) {
        if (depth > 200) {
            throw fail("nested too deeply");
        }
        if (i >= s.length()) {
            throw fail("unexpected end");
        }
        char c = s.charAt(i);
        switch (c) {
            case '{' -> {
                i++;
                Map<String, Object> m = new LinkedHashMap<>();
                skipSpace();
                if (peek() == '}') {
                    i++;
                    return m;
                }
                while (true) {
                    skipSpace();
                    String key = string();
                    skipSpace();
                    expect(':');
                    skipSpace();
                    m.put(key, value(depth + 1));
                    skipSpace();
                    char n = next();
                    if (n == '}') {
                        return m;
                    }
                    if (n != ',') {
                        throw fail("expected , or }");
                    }
                }
            }
            case '[' -> {
                i++;
                List<Object> l = new ArrayList<>();
                skipSpace();
                if (peek() == ']') {
                    i++;
                    return l;
                }
                while (true) {
                    skipSpace();
                    l.add(value(depth + 1));
                    skipSpace();
                    char n = next();
                    if (n == ']') {
                        return l;
                    }
                    if (n != ',') {
                        throw fail("expected , or ]");
                    }
                }
            }
            case '"' -> {
                return string();
            }
            case 't' -> {
                literal("true");
                return Boolean.TRUE;
            }
            case 'f' -> {
                literal("false");
                return Boolean.FALSE;
            }
            case 'n' -> {
                literal("null");
                return null;
            }
            default -> {
                return number();
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) {
                        throw fail("bad \\u escape");
                    }
                    b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> throw fail("bad escape");
            }
        }
    }

    private Object number() {
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        String n = s.substring(start, i);
        if (n.isEmpty()) {
            throw fail("unexpected character");
        }
        if (n.indexOf('.') < 0 && n.indexOf('e') < 0 && n.indexOf('E') < 0) {
            try {
                return Long.parseLong(n);
            } catch (NumberFormatException ignored) {
                // too large for a long: fall through to double
            }
        }
        return Double.parseDouble(n);
    }

    private void literal(String word) {
        if (!s.startsWith(word, i)) {
            throw fail("expected " + word);
        }
        i += word.length();
    }

    private void skipSpace() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private char peek() {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private char next() {
        if (i >= s.length()) {
            throw fail("unexpected end");
        }
        return s.charAt(i++);
    }

    private void expect(char c) {
        if (next() != c) {
            i--;
            throw fail("expected " + c);
        }
    }

    private IllegalArgumentException fail(String why) {
        return new IllegalArgumentException("JSON: " + why + " at " + i + " in " + abbreviate(s));
    }
}
