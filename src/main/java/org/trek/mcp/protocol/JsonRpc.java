package org.trek.mcp.protocol;

import org.trek.platform.JsonFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;

/** JSON-RPC 2.0 message shapes and error codes (JSON-RPC 2.0 §5.1, plus the MCP codes). */
public final class JsonRpc {
    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** Implementation-defined server errors (transport rejections: auth, origin, limits). */
    public static final int SERVER_ERROR = -32000;
    /** The MCP SDKs' code for an unknown or expired session. */
    public static final int SESSION_NOT_FOUND = -32001;
    /** 2025-xx: resource not found (2026-07-28 uses -32602 instead). */
    public static final int RESOURCE_NOT_FOUND_LEGACY = -32002;
    /** 2026-07-28 HeaderMismatchError. */
    public static final int HEADER_MISMATCH = -32020;
    /** 2026-07-28 MissingRequiredClientCapabilityError. */
    public static final int MISSING_CLIENT_CAPABILITY = -32021;
    /** 2026-07-28 UnsupportedProtocolVersionError. */
    public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

    private JsonRpc() {
    }

    /** One parsed JSON-RPC message: a request (id + method), a notification (method) or a response (id + result/error). */
    public record Message(JsonObject raw, JsonValue id, String method, JsonObject params) {
        public boolean isRequest() {
            return method != null && id != null;
        }

        public boolean isNotification() {
            return method != null && id == null;
        }

        public boolean isResponse() {
            return method == null && id != null && (raw.containsKey("result") || raw.containsKey("error"));
        }

        public JsonObject meta() {
            JsonValue m = params.get("_meta");
            return m instanceof JsonObject o ? o : null;
        }
    }

    /** Parses a body; throws -32700 for malformed JSON. */
    public static JsonStructure parse(String body) {
        JsonValue value;
        try (JsonReader reader = JsonFactory.createReader(new StringReader(body))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            throw new McpError(PARSE_ERROR, "Parse error: the body is not valid JSON", null, 400);
        } catch (JsonException e) {
            throw new McpError(PARSE_ERROR, "Parse error: the body is not valid JSON", null, 400);
        }
        if (value instanceof JsonStructure structure) {
            return structure;
        }
        // Valid JSON that is not a message (JSON-RPC 2.0 §5.1: Invalid Request).
        throw new IdentifiedError(null, new McpError(INVALID_REQUEST, "Invalid Request: expected an object", null, 400));
    }

    /** Checks the JSON-RPC 2.0 envelope (§4): jsonrpc "2.0", method a string, id a string or number, params an object. */
    public static Message message(JsonValue value) {
        if (!(value instanceof JsonObject o)) {
            throw invalid(null, "Invalid Request: a JSON-RPC message must be an object");
        }
        JsonValue id = o.get("id");
        if (id != null && id.getValueType() == JsonValue.ValueType.NULL) {
            if (o.containsKey("method")) {
                // MCP basic (every revision): "Unlike base JSON-RPC, the ID MUST NOT be null." Such a request
                // would otherwise pass for a notification and never be answered.
                throw invalid(null, "Invalid Request: id must not be null");
            }
            id = null;
        }
        if (id != null && !(id instanceof JsonString) && !(id instanceof JsonNumber)) {
            throw invalid(null, "Invalid Request: id must be a string or a number");
        }
        if (!(o.get("jsonrpc") instanceof JsonString v) || !"2.0".equals(v.getString())) {
            throw invalid(id, "Invalid Request: jsonrpc must be \"2.0\"");
        }
        JsonValue method = o.get("method");
        if (method == null) {
            if (id != null && (o.containsKey("result") || o.containsKey("error"))) {
                return new Message(o, id, null, JsonValue.EMPTY_JSON_OBJECT);
            }
            throw invalid(id, "Invalid Request: method is missing");
        }
        if (!(method instanceof JsonString m) || m.getString().isEmpty()) {
            throw invalid(id, "Invalid Request: method must be a non-empty string");
        }
        if (o.containsKey("result") || o.containsKey("error")) {
            // A request or notification is never also a response (JSON-RPC 2.0 §4, §5).
            throw invalid(id, "Invalid Request: a message cannot have both method and result or error");
        }
        JsonValue params = o.get("params");
        if (params != null && params.getValueType() != JsonValue.ValueType.NULL && !(params instanceof JsonObject)) {
            throw invalid(id, "Invalid Request: params must be an object");
        }
        return new Message(o, id, m.getString(), params instanceof JsonObject p ? p : JsonValue.EMPTY_JSON_OBJECT);
    }

    private static IdentifiedError invalid(JsonValue id, String message) {
        return new IdentifiedError(id, new McpError(INVALID_REQUEST, message, null, 400));
    }

    /** An error that must echo the id of the message it answers. */
    public static final class IdentifiedError extends RuntimeException {
        private final transient JsonValue id;
        private final McpError error;

        public IdentifiedError(JsonValue id, McpError error) {
            super(error.getMessage(), null, false, false);
            this.id = id;
            this.error = error;
        }

        public JsonValue id() {
            return id;
        }

        public McpError error() {
            return error;
        }
    }

    public static JsonObject result(JsonValue id, JsonObject result) {
        return JsonFactory.createObjectBuilder().add("jsonrpc", "2.0").add("id", id).add("result", result).build();
    }

    public static JsonObject error(JsonValue id, McpError e) {
        JsonObjectBuilder err = JsonFactory.createObjectBuilder().add("code", e.code()).add("message", e.getMessage());
        if (e.data() != null) {
            err.add("data", e.data());
        }
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("jsonrpc", "2.0");
        // JSON-RPC 2.0 §5 would send "id": null when the id is unknown; the MCP schemas (2025-11-25, 2026-07-28)
        // make id optional but never null, so it is left out.
        if (id != null) {
            b.add("id", id);
        }
        return b.add("error", err).build();
    }

    public static JsonObject notification(String method, JsonObject params) {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("jsonrpc", "2.0").add("method", method);
        if (params != null) {
            b.add("params", params);
        }
        return b.build();
    }

    public static JsonObject request(JsonValue id, String method, JsonObject params) {
        return JsonFactory.createObjectBuilder().add("jsonrpc", "2.0").add("id", id).add("method", method).add("params", params)
                .build();
    }

    /** The id of a single request in {@code raw}, or null when there is none or the text is not a JSON object. */
    public static JsonValue peekId(String raw) {
        try (jakarta.json.JsonReader reader = JsonFactory.createReader(new java.io.StringReader(raw))) {
            JsonValue v = reader.readValue();
            if (v instanceof JsonObject o && o.containsKey("id")) {
                JsonValue id = o.get("id");
                return id.getValueType() == JsonValue.ValueType.STRING || id.getValueType() == JsonValue.ValueType.NUMBER
                        ? id : null;
            }
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
