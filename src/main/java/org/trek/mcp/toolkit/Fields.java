package org.trek.mcp.toolkit;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The arguments of one tool (or of the items of an array argument), in schema order: they give the JSON Schema
 * and are all a handler can read.
 */
public final class Fields {
    private final List<Param<?>> params;

    private Fields(List<Param<?>> params) {
        this.params = List.copyOf(params);
        for (int i = 0; i < params.size(); i++) {
            for (int j = i + 1; j < params.size(); j++) {
                if (params.get(i).name().equals(params.get(j).name())) {
                    throw new IllegalArgumentException("Argument declared twice: " + params.get(i).name());
                }
            }
        }
    }

    public static Fields of(Param<?>... params) {
        return new Fields(Arrays.asList(params));
    }

    /** These fields and some more after them. */
    public Fields and(Param<?>... more) {
        List<Param<?>> all = new ArrayList<>(params);
        all.addAll(Arrays.asList(more));
        return new Fields(all);
    }

    public List<Param<?>> params() {
        return params;
    }

    /** A tool's inputSchema: 2020-12, closed, the required params listed. */
    public JsonObject inputSchema() {
        return fill(Schema.input()).build();
    }

    /** The same closed object schema without the dialect, for the items of an array argument. */
    public JsonObject objectSchema() {
        return fill(Schema.nested()).build();
    }

    private Schema fill(Schema s) {
        params.forEach(s::add);
        return s;
    }

    /** The declaration of {@code param} in these fields (with its required flag and default). */
    @SuppressWarnings("unchecked")
    <T> Param<T> declared(Param<T> param) {
        for (Param<?> p : params) {
            if (p.sameAs(param)) {
                return (Param<T>) p;
            }
        }
        throw new IllegalArgumentException("Not a declared argument here: " + param.name());
    }
}
