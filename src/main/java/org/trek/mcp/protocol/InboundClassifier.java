package org.trek.mcp.protocol;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.trek.platform.JsonFactory;

/**
 * Decides what one HTTP request to /mcp is, from its bytes and headers alone: a legacy message or batch, a 2026-07-28
 * request, a stream to open or a session to end, or a refusal with the JSON-RPC error that answers it. Pure (no
 * server, no database), so every rule is unit-tested on its own; the body is decoded and parsed exactly once here.
 *
 * <p>A request belongs to the 2026-07-28 wire when its MCP-Protocol-Version header or its {@code params._meta}
 * protocol version names a non-legacy revision (dual-era endpoint); otherwise it is legacy.
 */
public final class InboundClassifier {
    /** Deepest nesting of arrays and objects accepted in a body: far above any tool's arguments, far below a stack. */
    public static final int MAX_DEPTH = 64;
    static final String ALLOWED_METHODS = "GET, POST, DELETE";

    private InboundClassifier() {
    }

    public static Inbound classify(InboundRequest r) {
        return switch (r.httpMethod()) {
            case "POST" -> post(r);
            case "GET" -> get(r);
            case "DELETE" -> delete(r);
            default -> new Inbound.Rejected(null, new McpError(JsonRpc.INVALID_REQUEST,
                    "Method " + r.httpMethod() + " is not allowed on /mcp; use POST (GET and DELETE for sessions)",
                    null, 405), ALLOWED_METHODS);
        };
    }

    // ---------------------------------------------------------------- POST

    private static Inbound post(InboundRequest r) {
        if (r.bodyTooLarge()) {
            return new Inbound.Rejected(null, new McpError(JsonRpc.INVALID_REQUEST,
                    "Request body too large (limit " + r.bodyLimit() + " bytes)", null, 413));
        }
        JsonValue body = null;
        McpError unparsable = null;
        try {
            body = parse(r.body());
        } catch (McpError e) {
            unparsable = e;
        }
        // Even a refusal of the media types answers the request's id when there is one (the schemas require it).
        JsonValue candidate = body instanceof JsonObject o ? o.get("id") : null;
        JsonValue id = candidate != null && (candidate.getValueType() == JsonValue.ValueType.STRING
                || candidate.getValueType() == JsonValue.ValueType.NUMBER) ? candidate : null;
        if (!isJson(r.contentType())) {
            return new Inbound.Rejected(id, new McpError(JsonRpc.INVALID_REQUEST,
                    "Content-Type must be application/json", null, 415));
        }
        if (!acceptsJson(r.accept()) && !acceptsEvents(r.accept())) {
            return new Inbound.Rejected(id, new McpError(JsonRpc.INVALID_REQUEST,
                    "Accept must include application/json and text/event-stream", null, 406));
        }
        if (unparsable != null) {
            return new Inbound.Rejected(null, unparsable);
        }
        if (body instanceof JsonArray batch) {
            return batch(r, batch);
        }
        JsonRpc.Message msg;
        try {
            msg = JsonRpc.message(body);
        } catch (JsonRpc.IdentifiedError e) {
            return new Inbound.Rejected(e.id(), e.error());
        }
        String header = trimmed(r.protocolVersion());
        JsonObject meta = msg.meta();
        boolean metaVersion = meta != null && meta.containsKey(Wire.META_VERSION);
        if (ProtocolVersions.isLegacyHeader(header) && !metaVersion) {
            return legacy(r, msg, header);
        }
        return modern(r, msg, header);
    }

    private static Inbound legacy(InboundRequest r, JsonRpc.Message msg, String header) {
        String session = trimmed(r.sessionId());
        if ("initialize".equals(msg.method())) {
            if (session != null || !msg.isRequest()) {
                return new Inbound.Rejected(msg.id(), McpError.invalidRequest(
                        "initialize must be a request and must not carry a session id"));
            }
            if (!(msg.params().get("protocolVersion") instanceof JsonString)) {
                return new Inbound.Rejected(msg.id(), McpError.invalidParams("Invalid params: protocolVersion is required"));
            }
            return new Inbound.Legacy(msg, null, acceptsEvents(r.accept()));
        }
        if (header != null && !ProtocolVersions.LEGACY.contains(header)) {
            // 2025-06-18 transports "Protocol Version Header": an unsupported version gets 400.
            return new Inbound.Rejected(msg.id(), unsupportedVersion(header));
        }
        if (session == null) {
            return new Inbound.Rejected(msg.id(), missingSession());
        }
        return new Inbound.Legacy(msg, session, acceptsEvents(r.accept()));
    }

    private static Inbound batch(InboundRequest r, JsonArray batch) {
        // JSON-RPC batches exist only in 2025-03-26 (later revisions removed them); the session says which it is.
        if (batch.isEmpty()) {
            return new Inbound.Rejected(null, McpError.invalidRequest("Invalid Request: empty batch"));
        }
        String session = trimmed(r.sessionId());
        if (session == null) {
            return new Inbound.Rejected(null, missingSession());
        }
        List<Object> items = new ArrayList<>(batch.size());
        for (JsonValue item : batch) {
            try {
                items.add(JsonRpc.message(item));
            } catch (JsonRpc.IdentifiedError e) {
                items.add(e);
            }
        }
        return new Inbound.LegacyBatch(List.copyOf(items), session);
    }

    private static Inbound modern(InboundRequest r, JsonRpc.Message msg, String header) {
        if (!msg.isRequest()) {
            if (!ProtocolVersions.MODERN.contains(header)) {
                // neither a legacy nor a 2026-07-28 header: not silently accepted (400, as every revision asks)
                return new Inbound.Rejected(msg.id(), unsupportedVersion(header));
            }
            return new Inbound.ModernAccepted(msg.id());
        }
        JsonValue id = msg.id();
        JsonObject meta = msg.meta();
        // 1. Required _meta keys (2026-07-28 basic: every request carries protocolVersion and clientCapabilities).
        if (meta == null || !(meta.get(Wire.META_VERSION) instanceof JsonString metaVersion)
                || !(meta.get(Wire.META_CAPABILITIES) instanceof JsonObject caps)) {
            return new Inbound.Rejected(id, McpError.invalidParams(
                    "Invalid params: _meta must carry " + Wire.META_VERSION + " and " + Wire.META_CAPABILITIES));
        }
        // 2. The MCP-Protocol-Version header must equal _meta (HeaderMismatchError, HTTP 400).
        if (header == null || !header.equals(metaVersion.getString())) {
            return new Inbound.Rejected(id, new McpError(JsonRpc.HEADER_MISMATCH,
                    "MCP-Protocol-Version header does not match _meta protocolVersion", null, 400));
        }
        // 3. A revision we speak (UnsupportedProtocolVersionError lists the supported ones).
        if (!ProtocolVersions.MODERN.contains(header)) {
            var supported = JsonFactory.createArrayBuilder();
            ProtocolVersions.MODERN.forEach(supported::add);
            JsonObject data = JsonFactory.createObjectBuilder().add("supported", supported).add("requested", header).build();
            return new Inbound.Rejected(id, new McpError(JsonRpc.UNSUPPORTED_PROTOCOL_VERSION,
                    "Unsupported protocol version: " + header, data, 400));
        }
        // 4. Standard headers mirror the body (SEP-2243): Mcp-Method always, Mcp-Name for named requests.
        if (!msg.method().equals(trimmed(r.mcpMethod()))) {
            return new Inbound.Rejected(id, new McpError(JsonRpc.HEADER_MISMATCH,
                    "Mcp-Method header is missing or does not match the body method", null, 400));
        }
        String nameField = switch (msg.method()) {
            case "tools/call", "prompts/get" -> "name";
            case "resources/read" -> "uri";
            default -> null;
        };
        if (nameField != null && msg.params().get(nameField) instanceof JsonString name
                && !name.getString().equals(headerValue(trimmed(r.mcpName())))) {
            return new Inbound.Rejected(id, new McpError(JsonRpc.HEADER_MISMATCH,
                    "Mcp-Name header is missing or does not match the body", null, 400));
        }
        String logLevel = meta.get(Wire.META_LOG_LEVEL) instanceof JsonString l && Wire.LOG_LEVELS.contains(l.getString())
                ? l.getString() : null;
        return new Inbound.Modern(msg, header, caps, logLevel, acceptsEvents(r.accept()));
    }

    // ---------------------------------------------------------------- GET and DELETE

    private static Inbound get(InboundRequest r) {
        if (!acceptsEvents(r.accept())) {
            return new Inbound.Rejected(null, new McpError(JsonRpc.INVALID_REQUEST,
                    "Accept must include text/event-stream", null, 406));
        }
        Inbound.Rejected notLegacy = notLegacy(r);
        if (notLegacy != null) {
            return notLegacy; // 2026-07-28 has no standalone stream; subscriptions/listen replaces it
        }
        String session = trimmed(r.sessionId());
        return session == null ? new Inbound.Rejected(null, missingSession()) : new Inbound.OpenStream(session);
    }

    private static Inbound delete(InboundRequest r) {
        Inbound.Rejected notLegacy = notLegacy(r);
        if (notLegacy != null) {
            return notLegacy; // 2026-07-28 has no sessions to end
        }
        String session = trimmed(r.sessionId());
        return session == null ? new Inbound.Rejected(null, missingSession()) : new Inbound.EndSession(session);
    }

    /**
     * GET and DELETE exist only on the legacy wire: 405 for 2026-07-28; 400 for a value that is no revision we know
     * (2025-06-18 transports, "Protocol Version Header": an invalid or unsupported version MUST get 400).
     */
    private static Inbound.Rejected notLegacy(InboundRequest r) {
        String header = trimmed(r.protocolVersion());
        if (ProtocolVersions.isLegacyHeader(header)) {
            return null;
        }
        if (ProtocolVersions.MODERN.contains(header)) {
            return new Inbound.Rejected(null, new McpError(JsonRpc.INVALID_REQUEST,
                    "Method not allowed on the 2026-07-28 wire", null, 405), "POST");
        }
        return new Inbound.Rejected(null, unsupportedVersion(header));
    }

    // ---------------------------------------------------------------- the body

    /**
     * The body as one JSON value: strict UTF-8 (malformed bytes, overlong forms and encoded surrogates are refused, not
     * replaced), at most {@value #MAX_DEPTH} levels deep, and nothing after the value. -32700 otherwise.
     */
    static JsonValue parse(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw parseError("Parse error: the body is not valid UTF-8");
        }
        if (depth(text) > MAX_DEPTH) {
            throw parseError("Parse error: the body is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (text.indexOf("\\u") >= 0 && hasLoneSurrogateEscape(text)) {
            // RFC 8259 §8.2: such a string is not Unicode; stored, it would turn into U+FFFD in a name.
            throw parseError("Parse error: the body escapes a lone UTF-16 surrogate");
        }
        try (JsonParser parser = JsonFactory.PROVIDER.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw parseError("Parse error: the body is empty");
            }
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw parseError("Parse error: the body goes on after the JSON value");
            }
            if (!(value instanceof JsonObject) && !(value instanceof JsonArray)) {
                // Valid JSON that is not a message (JSON-RPC 2.0 §5.1: Invalid Request).
                throw McpError.invalidRequest("Invalid Request: expected an object");
            }
            return value;
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw parseError("Parse error: the body is not valid JSON");
        }
    }

    /** The deepest nesting of arrays and objects, counted outside strings (a linear scan, no allocation). */
    static int depth(String text) {
        int depth = 0;
        int max = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > max) {
                    max = depth;
                    if (max > MAX_DEPTH) {
                        return max;
                    }
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return max;
    }

    /** Whether a {@code \\uD800}-{@code \\uDFFF} escape stands without its pair (high then low). */
    static boolean hasLoneSurrogateEscape(String text) {
        int n = text.length();
        for (int i = 0; i + 5 < n; i++) {
            if (text.charAt(i) != '\\') {
                continue;
            }
            if (text.charAt(i + 1) != 'u') {
                i++; // another escape: skip its letter (also an escaped backslash)
                continue;
            }
            int unit = hex4(text, i + 2);
            if (unit >= 0xD800 && unit <= 0xDBFF) {
                int low = i + 11 < n && text.charAt(i + 6) == '\\' && text.charAt(i + 7) == 'u' ? hex4(text, i + 8) : -1;
                if (low < 0xDC00 || low > 0xDFFF) {
                    return true;
                }
                i += 11;
            } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
                return true;
            } else {
                i += 5;
            }
        }
        return false;
    }

    private static int hex4(String text, int from) {
        if (from + 4 > text.length()) {
            return -1;
        }
        try {
            return Integer.parseInt(text, from, from + 4, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static McpError parseError(String message) {
        return new McpError(JsonRpc.PARSE_ERROR, message, null, 400);
    }

    // ---------------------------------------------------------------- headers

    /** {@code application/json}, with parameters or not; {@code application/jsonx} and friends are not JSON. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        return type.equalsIgnoreCase(Wire.JSON);
    }

    public static boolean acceptsJson(String accept) {
        return accept == null || accept.contains(Wire.JSON) || accept.contains("*/*") || accept.contains("application/*");
    }

    public static boolean acceptsEvents(String accept) {
        return accept == null || accept.contains(Wire.EVENT_STREAM) || accept.contains("*/*");
    }

    static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * A mirrored header's value as the client meant it (2026-07-28 streamable-http, "Value Encoding": servers MUST
     * decode {@code =?base64?…?=} before comparing). Null when absent, or when the encoding is broken (not Base64,
     * not UTF-8), which then fails the comparison as a mismatch.
     */
    public static String headerValue(String raw) {
        if (raw == null || !raw.startsWith("=?base64?") || !raw.endsWith("?=") || raw.length() < 11) {
            return raw;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(raw.substring(9, raw.length() - 2));
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return null;
        }
    }

    /** 2025-06-18 transports, "Protocol Version Header": an invalid or unsupported version MUST get 400. */
    public static McpError unsupportedVersion(String header) {
        return new McpError(JsonRpc.INVALID_REQUEST, "Unsupported MCP-Protocol-Version: " + header, null, 400);
    }

    private static McpError missingSession() {
        return new McpError(JsonRpc.INVALID_REQUEST, "Bad Request: Mcp-Session-Id header is required", null, 400);
    }
}
