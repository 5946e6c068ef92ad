package org.trek.mcp.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

class JsonRpcTest {

    private static JsonRpc.Message parse(String body) {
        return JsonRpc.message(JsonRpc.parse(body));
    }

    @Test
    void malformedJsonIsParseError() {
        McpError e = assertThrows(McpError.class, () -> JsonRpc.parse("{\"jsonrpc\":"));
        assertEquals(-32700, e.code());
        assertEquals(400, e.httpStatus());
    }

    @Test
    void requestNotificationAndResponseAreTold() {
        JsonRpc.Message req = parse("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\"}");
        assertTrue(req.isRequest());
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, req.params());
        JsonRpc.Message note = parse("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        assertTrue(note.isNotification());
        assertFalse(note.isRequest());
        JsonRpc.Message resp = parse("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"result\":{}}");
        assertTrue(resp.isResponse());
    }

    @Test
    void envelopeErrorsAreInvalidRequestWithTheId() {
        JsonRpc.IdentifiedError e = assertThrows(JsonRpc.IdentifiedError.class,
                () -> parse("{\"jsonrpc\":\"1.0\",\"id\":5,\"method\":\"ping\"}"));
        assertEquals(-32600, e.error().code());
        assertEquals(Json.createValue(5), e.id());
        assertEquals(-32600, assertThrows(JsonRpc.IdentifiedError.class,
                () -> parse("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\",\"params\":[1]}")).error().code());
        assertEquals(-32600, assertThrows(JsonRpc.IdentifiedError.class,
                () -> parse("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}")).error().code());
        assertEquals(-32600, assertThrows(JsonRpc.IdentifiedError.class, () -> parse("42")).error().code());
        // MCP: a request id MUST NOT be null (it is not a notification either)
        assertEquals(-32600, assertThrows(JsonRpc.IdentifiedError.class,
                () -> parse("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"tools/call\"}")).error().code());
    }

    @Test
    void errorsEchoTheIdOrNull() {
        JsonObject withId = JsonRpc.error(Json.createValue("x"), McpError.methodNotFound("nope"));
        assertEquals("x", withId.getString("id"));
        assertEquals(-32601, withId.getJsonObject("error").getInt("code"));
        JsonObject withoutId = JsonRpc.error(null, McpError.invalidRequest("bad"));
        assertFalse(withoutId.containsKey("id"));
        assertNull(withoutId.getJsonObject("error").get("data"));
    }

    @Test
    void versionNegotiation() {
        assertEquals("2025-06-18", ProtocolVersions.negotiate("2025-06-18"));
        assertEquals("2025-03-26", ProtocolVersions.negotiate("2025-03-26"));
        assertEquals("2025-11-25", ProtocolVersions.negotiate("2024-11-05"));
        assertEquals("2025-11-25", ProtocolVersions.negotiate("2099-01-01"));
        assertTrue(ProtocolVersions.isLegacyHeader(null));
        assertTrue(ProtocolVersions.isLegacyHeader("2025-03-26"));
        assertFalse(ProtocolVersions.isLegacyHeader("2026-07-28"));
    }
}
