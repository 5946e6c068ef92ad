package org.trek.trips.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.trek.mcp.registry.InvalidParamsException;

class SchemaTest {

    @Test
    void inputSchemasAreClosedDraft202012Objects() {
        JsonObject s = Schema.input().tripId().string("title", "t", 1, 200, true).date("d", "d", true, false).build();
        assertEquals(Schema.DIALECT, s.getString("$schema"));
        assertEquals("object", s.getString("type"));
        assertFalse(s.getBoolean("additionalProperties"));
        assertEquals(Json.createArrayBuilder().add("tripId").add("title").build(), s.getJsonArray("required"));
        assertEquals(1, s.getJsonObject("properties").getJsonObject("tripId").getInt("minimum"));
        assertEquals(Json.createArrayBuilder().add("string").add("null").build(),
                s.getJsonObject("properties").getJsonObject("d").getJsonArray("type"));
    }

    @Test
    void pagingRejectsForeignCursorsAndOversizedPages() {
        assertEquals(new Paging(50, 0), Paging.from(new Args(Json.createObjectBuilder().build())));
        assertEquals(new Paging(10, 20), Paging.from(new Args(Json.createObjectBuilder().add("limit", 10).add("cursor", "20").build())));
        assertThrows(InvalidParamsException.class, () -> Paging.from(new Args(Json.createObjectBuilder().add("cursor", "-1").build())));
        assertThrows(InvalidParamsException.class, () -> Paging.from(new Args(Json.createObjectBuilder().add("limit", 201).build())));
    }

    @Test
    void argsNameTheFieldOnTypeErrors() {
        Args a = new Args(Json.createObjectBuilder().add("tripId", "7").add("n", 1.5).build());
        InvalidParamsException e = assertThrows(InvalidParamsException.class, () -> a.id("tripId"));
        assertEquals("Invalid params: tripId must be an integer.", e.getMessage());
        assertThrows(InvalidParamsException.class, () -> a.optLong("n"));
    }
}
