package org.trek.mcp.toolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trek.mcp.registry.InvalidParamsException;

class SchemaTest {
    static final Param<Long> TRIP_ID = Param.id("tripId", "Trip").required();
    static final Param<String> TITLE = Param.string("title", "t", 1, 200);
    static final Param<String> DAY = Param.nullableDate("d", "d");
    static final Param<Boolean> FLAG = Param.bool("flag", "f").orElse(true);
    static final Param<String> CLEARABLE = Param.nullableString("note", "n", 10).required();
    static final Param<Integer> POSITION = Param.integer("position", "p", 0, 9).required();
    static final Param<java.math.BigDecimal> AMOUNT = Param.decimal("n", "n", null);
    static final Param<List<Args>> ITEMS = Param.objects("items", "i", Fields.of(POSITION), 1, 3);

    static Args args(Fields f, JsonObject json) {
        return new Args(json, f);
    }

    @Test
    void inputSchemasAreClosedDraft202012Objects() {
        JsonObject s = Fields.of(TRIP_ID, TITLE.required(), DAY).inputSchema();
        assertEquals(Schema.DIALECT, s.getString("$schema"));
        assertEquals("object", s.getString("type"));
        assertFalse(s.getBoolean("additionalProperties"));
        assertEquals(Json.createArrayBuilder().add("tripId").add("title").build(), s.getJsonArray("required"));
        assertEquals(1, s.getJsonObject("properties").getJsonObject("tripId").getInt("minimum"));
        assertEquals(Json.createArrayBuilder().add("string").add("null").build(),
                s.getJsonObject("properties").getJsonObject("d").getJsonArray("type"));
        assertEquals("{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"position\":{\"type\":\"integer\","
                + "\"description\":\"p\",\"minimum\":0,\"maximum\":9}},\"required\":[\"position\"],\"additionalProperties\":false},"
                + "\"description\":\"i\",\"minItems\":1,\"maxItems\":3}", ITEMS.schema().toString());
    }

    @Test
    void aDeclaredArgumentIsReadTypedWithItsRequiredFlagAndDefault() {
        Fields f = Fields.of(TRIP_ID, TITLE, FLAG, CLEARABLE);
        Args a = args(f, Json.createObjectBuilder().add("tripId", 7).addNull("note").build());
        assertEquals(7L, a.get(TRIP_ID));
        assertNull(a.get(TITLE));
        assertTrue(a.get(FLAG), "the declared default");
        assertNull(a.get(CLEARABLE), "required but nullable: null is a value");
        assertTrue(a.isNull(CLEARABLE));
        assertTrue(a.patch(CLEARABLE).given(), "null clears");
        assertNull(a.patch(CLEARABLE).value());
        assertFalse(a.patch(TITLE).given(), "omitted keeps");
        InvalidParamsException missing = assertThrows(InvalidParamsException.class,
                () -> args(f, Json.createObjectBuilder().add("note", "x").build()).get(TRIP_ID));
        assertEquals("Invalid params: tripId is required.", missing.getMessage());
        assertThrows(InvalidParamsException.class, () -> args(f, Json.createObjectBuilder().build()).get(CLEARABLE));
    }

    @Test
    void onlyDeclaredArgumentsCanBeRead() {
        Args a = args(Fields.of(TRIP_ID), Json.createObjectBuilder().add("tripId", 7).add("title", "x").build());
        assertThrows(IllegalArgumentException.class, () -> a.get(TITLE));
        assertThrows(IllegalArgumentException.class, () -> Fields.of(TITLE, Param.string("title", "other", 0, 0)));
    }

    @Test
    void pagingRejectsForeignCursorsAndOversizedPages() {
        Fields f = Fields.of(Paging.LIMIT, Paging.CURSOR);
        assertEquals(new Paging(50, 0), args(f, Json.createObjectBuilder().build()).paging());
        assertEquals(new Paging(10, 20), args(f, Json.createObjectBuilder().add("limit", 10).add("cursor", "20").build()).paging());
        assertThrows(InvalidParamsException.class, () -> args(f, Json.createObjectBuilder().add("cursor", "-1").build()).paging());
        assertThrows(InvalidParamsException.class, () -> args(f, Json.createObjectBuilder().add("limit", 201).build()).paging());
    }

    @Test
    void argsNameTheFieldOnTypeBoundAndSizeErrors() {
        Fields f = Fields.of(TRIP_ID, ITEMS, AMOUNT);
        Args a = args(f, Json.createObjectBuilder().add("tripId", "7").add("n", new java.math.BigDecimal("1e500000000"))
                .add("items", Json.createArrayBuilder().add(Json.createObjectBuilder().add("position", 10))).build());
        InvalidParamsException e = assertThrows(InvalidParamsException.class, () -> a.get(TRIP_ID));
        assertEquals("Invalid params: tripId must be an integer.", e.getMessage());
        assertEquals("Invalid params: n is out of range.",
                assertThrows(InvalidParamsException.class, () -> a.get(AMOUNT)).getMessage());
        assertEquals("Invalid params: position must be at most 9.",
                assertThrows(InvalidParamsException.class, () -> a.get(ITEMS).get(0).get(POSITION)).getMessage());
        Args empty = args(f, Json.createObjectBuilder().add("items", Json.createArrayBuilder()).build());
        assertEquals("Invalid params: items must have 1 to 3 items.",
                assertThrows(InvalidParamsException.class, () -> empty.get(ITEMS)).getMessage());
    }
}
