package org.trek.mcp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.trek.mcp.protocol.Inbound;
import org.trek.mcp.protocol.JsonRpc;

class McpAdmissionTest {

    private static Inbound.Legacy legacy(String json) {
        return new Inbound.Legacy(JsonRpc.message(Json.createReader(new java.io.StringReader(json)).readValue()), "s", true);
    }

    @Test
    void housekeepingIsCountedApartFromWork() {
        assertTrue(McpAdmission.housekeeping(legacy("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")));
        assertTrue(McpAdmission.housekeeping(legacy("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":1}}")));
        assertTrue(McpAdmission.housekeeping(legacy("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}")), "an answer to the server");
        assertTrue(McpAdmission.housekeeping(legacy("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}")));
        assertTrue(McpAdmission.housekeeping(new Inbound.OpenStream("s")));
        assertTrue(McpAdmission.housekeeping(new Inbound.EndSession("s")));
        assertTrue(McpAdmission.housekeeping(new Inbound.ModernAccepted(null)));
        assertFalse(McpAdmission.housekeeping(legacy("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"x\"}}")));
        assertFalse(McpAdmission.housekeeping(legacy("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}")));
        assertFalse(McpAdmission.housekeeping(legacy("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}")));
        assertFalse(McpAdmission.housekeeping(new Inbound.Rejected(null, org.trek.mcp.protocol.McpError.invalidRequest("x"))),
                "a refused message is not housekeeping");
    }
}
