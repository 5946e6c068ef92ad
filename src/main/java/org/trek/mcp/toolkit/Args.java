package org.trek.mcp.toolkit;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.trek.platform.Patch;

/**
 * Typed reads of a tool's arguments (or of one item of an array argument) through their declarations: only what the
 * {@link Fields} declare can be read, by its {@link Param}, never by a name spelled again.
 */
public class Args {
    private final JsonObject json;
    private final Fields fields;

    Args(JsonObject json, Fields fields) {
        this.json = json == null ? JsonValue.EMPTY_JSON_OBJECT : json;
        this.fields = fields;
    }

    /** The value, typed; null when omitted or null (or the param's {@link Param#orElse default}). */
    public <T> T get(Param<T> param) {
        Param<T> declared = fields.declared(param);
        return declared.read(json.get(declared.name()));
    }

    /** Whether the argument was given at all (null included). */
    public boolean has(Param<?> param) {
        return json.containsKey(fields.declared(param).name());
    }

    /** Given and explicitly null: "clear this value". */
    public boolean isNull(Param<?> param) {
        JsonValue v = json.get(fields.declared(param).name());
        return v != null && v.getValueType() == JsonValue.ValueType.NULL;
    }

    /** The argument as an update gives it: omitted keeps the value, null clears it, anything else sets it. */
    public <T> Patch<T> patch(Param<T> param) {
        return has(param) ? Patch.to(get(param)) : Patch.keep();
    }

    /** The limit/cursor of a paged list (the tool declares {@link Paging#LIMIT} and {@link Paging#CURSOR}). */
    public Paging paging() {
        return Paging.from(this);
    }
}
