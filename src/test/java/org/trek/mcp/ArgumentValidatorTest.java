package org.trek.mcp;

import org.trek.mcp.protocol.McpError;
import org.trek.mcp.protocol.JsonRpc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ArgumentValidatorTest {
    private static final JsonObject SCHEMA = json("""
            {"type":"object","properties":{"tripId":{"type":"integer","minimum":1},"title":{"type":"string","maxLength":5}},
             "required":["tripId"],"additionalProperties":false}""");

    private static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    @Test
    void validArgumentsPass() {
        assertNull(ArgumentValidator.check(SCHEMA, json("{\"tripId\":3,\"title\":\"Rome\"}")));
    }

    @Test
    void missingRequiredFieldIsNamed() {
        McpError e = assertThrows(McpError.class, () -> ArgumentValidator.validate(SCHEMA, json("{}")));
        assertEquals(JsonRpc.INVALID_PARAMS, e.code());
        assertTrue(e.getMessage().contains("tripId"), e.getMessage());
    }

    @Test
    void wrongTypeIsNamed() {
        String problem = ArgumentValidator.check(SCHEMA, json("{\"tripId\":\"x\"}"));
        assertTrue(problem != null && problem.contains("tripId"), problem);
    }

    @Test
    void tooLongStringAndUnknownFieldAreRejected() {
        assertTrue(ArgumentValidator.check(SCHEMA, json("{\"tripId\":1,\"title\":\"Barcelona\"}")).contains("title"));
        assertTrue(ArgumentValidator.check(SCHEMA, json("{\"tripId\":1,\"other\":1}")).contains("other"));
    }
}
