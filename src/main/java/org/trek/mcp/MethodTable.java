package org.trek.mcp;

import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.trek.mcp.protocol.McpError;

/**
 * Every JSON-RPC method /mcp answers, each with the wires that serve it: the one place that says which revision has
 * which method. A method asked on a wire that does not serve it does not exist there (-32601; on 2026-07-28 that is
 * HTTP 404, e.g. ping, logging/setLevel and resources/subscribe, which that revision removed).
 */
public final class MethodTable {

    /** The two eras of the endpoint. */
    public enum Wire {
        /** 2025-03-26, 2025-06-18, 2025-11-25: sessions. */
        LEGACY,
        /** 2026-07-28: stateless. */
        MODERN
    }

    /**
     * One method. {@code handler} answers a plain request with its result; it is null for the methods whose answer is
     * shaped by the transport (initialize opens a session, tools/call may stream, subscriptions/listen is a stream),
     * which the router runs itself.
     */
    public record Method(String name, Set<Wire> wires, BiFunction<Exchange, JsonObject, JsonObject> handler) {
    }

    private final Map<String, Method> methods = new LinkedHashMap<>();

    public MethodTable add(String name, Set<Wire> wires, BiFunction<Exchange, JsonObject, JsonObject> handler) {
        methods.put(name, new Method(name, Set.copyOf(wires), handler));
        return this;
    }

    /** The method as this exchange's wire serves it; -32601 when that wire has no such method. */
    public Method lookup(String name, boolean modern) {
        Method m = methods.get(name);
        if (m == null || !m.wires().contains(modern ? Wire.MODERN : Wire.LEGACY)) {
            throw McpError.methodNotFound(name);
        }
        return m;
    }

    public Map<String, Method> all() {
        return java.util.Collections.unmodifiableMap(methods);
    }
}
