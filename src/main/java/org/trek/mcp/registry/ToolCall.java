package org.trek.mcp.registry;

import jakarta.json.JsonObject;
import org.trek.platform.auth.AccessGrant;

/** What a tool handler gets: the arguments and who is calling with what grant. */
public interface ToolCall {
    JsonObject arguments();

    AccessGrant grant();

    default long userId() {
        return grant().userId();
    }

    /** Reports progress when the client asked for it (no-op otherwise). */
    default void progress(double progress, Double total, String message) {
    }

    /** Sends a log message to the client when it asked for that level or lower (no-op otherwise). */
    default void log(String level, String message) {
    }
}
