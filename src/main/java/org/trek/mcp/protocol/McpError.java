package org.trek.mcp.protocol;

import jakarta.json.JsonValue;

/** A JSON-RPC error to answer with, and the HTTP status that goes with it on this wire. */
public class McpError extends RuntimeException {
    private final int code;
    private final JsonValue data;
    private final int httpStatus;
    private final String wwwAuthenticate;

    public McpError(int code, String message, JsonValue data, int httpStatus) {
        this(code, message, data, httpStatus, null);
    }

    public McpError(int code, String message, JsonValue data, int httpStatus, String wwwAuthenticate) {
        super(message, null, false, false);
        this.code = code;
        this.data = data;
        this.httpStatus = httpStatus;
        this.wwwAuthenticate = wwwAuthenticate;
    }

    public static McpError invalidParams(String message) {
        return new McpError(JsonRpc.INVALID_PARAMS, message, null, 400);
    }

    public static McpError invalidRequest(String message) {
        return new McpError(JsonRpc.INVALID_REQUEST, message, null, 400);
    }

    public static McpError methodNotFound(String method) {
        return new McpError(JsonRpc.METHOD_NOT_FOUND, "Method not found: " + method, null, 404);
    }

    public int code() {
        return code;
    }

    public JsonValue data() {
        return data;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String wwwAuthenticate() {
        return wwwAuthenticate;
    }
}
