package org.trek.mcp;

import jakarta.json.JsonObject;

/**
 * 2026-07-28 multi round-trip input for prompts/get: the renderer contract has no room for it, so the dispatcher
 * exposes the current request's inputResponses here while a prompt renders. A renderer that needs input throws
 * {@link InputRequiredException}.
 */
public final class PromptInput {
    private static final ThreadLocal<JsonObject> CURRENT = new ThreadLocal<>();

    private PromptInput() {
    }

    /** The client's answers for the prompt being rendered, or null on a first round (or the legacy wire). */
    public static JsonObject inputResponses() {
        return CURRENT.get();
    }

    static void set(JsonObject responses) {
        if (responses == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(responses);
        }
    }
}
