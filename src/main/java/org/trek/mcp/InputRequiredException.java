package org.trek.mcp;

import jakarta.json.JsonObject;

/**
 * 2026-07-28 multi round-trip requests (SEP-2322): a tool needs input from the client (elicitation, sampling, roots)
 * and answers with an InputRequiredResult instead of sending the client a request.
 */
public class InputRequiredException extends RuntimeException {
    private final transient JsonObject inputRequests;
    private final String requestState;

    public InputRequiredException(JsonObject inputRequests, String requestState) {
        super("input required", null, false, false);
        this.inputRequests = inputRequests;
        this.requestState = requestState;
    }

    public JsonObject inputRequests() {
        return inputRequests;
    }

    public String requestState() {
        return requestState;
    }
}
