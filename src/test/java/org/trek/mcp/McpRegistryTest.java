package org.trek.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.trek.mcp.registry.ToolAnnotations;
import org.trek.mcp.registry.ToolDefinition;
import org.trek.mcp.registry.ToolResult;

class McpRegistryTest {

    @Test
    void uriTemplatesMatchOneSegmentPerVariable() {
        List<String> vars = new ArrayList<>();
        Pattern p = McpRegistry.compileTemplate("trek://trips/{tripId}/places", vars);
        assertEquals(List.of("tripId"), vars);
        Matcher m = p.matcher("trek://trips/42/places");
        assertTrue(m.matches());
        assertEquals("42", m.group(1));
        assertFalse(p.matcher("trek://trips/4/2/places").matches());
        assertFalse(p.matcher("trek://trips/42/placesX").matches());
    }

    @Test
    void toolDescriptorCarriesTitleSchemaAndTruthfulAnnotations() {
        JsonObject schema = Json.createObjectBuilder().add("type", "object").build();
        JsonObject d = McpRegistry.describe(new ToolDefinition("delete_trip", "Delete trip", "Deletes a trip.", schema,
                null, ToolAnnotations.DELETE, "trips:delete", null, c -> ToolResult.error("x")));
        assertEquals("delete_trip", d.getString("name"));
        assertEquals("Delete trip", d.getString("title"));
        assertEquals(schema, d.getJsonObject("inputSchema"));
        JsonObject a = d.getJsonObject("annotations");
        assertTrue(a.getBoolean("destructiveHint"));
        assertFalse(a.getBoolean("readOnlyHint"));
        assertFalse(d.containsKey("outputSchema"));
    }
}
