package org.trek.mcp.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OriginalShapeTest {

    static JsonValue json(String s) {
        return Json.createReader(new StringReader(s)).readValue();
    }

    static List<String> diff(String original, String ours, String... deviations) {
        return OriginalShape.differences(json(original), json(ours), Set.of(deviations));
    }

    @Test
    void extraKeysAreFineMissingOrRenamedAreNot() {
        assertEquals(List.of(), diff("{\"member\":{\"id\":2,\"role\":\"member\"}}", "{\"member\":{\"id\":2,\"role\":\"x\",\"more\":1}}"));
        assertEquals(List.of("member.id: missing (the original gives 2)"),
                diff("{\"member\":{\"id\":2}}", "{\"member\":{\"user_id\":2}}"));
        assertEquals(List.of("members: missing (the original gives {\"owner\":1})"),
                diff("{\"members\":{\"owner\":1}}", "{\"people\":{\"owner\":1}}"));
    }

    @Test
    void typesMustMatchAndTheOriginalsFlagsAreNumbers() {
        assertEquals(1, diff("{\"checked\":0}", "{\"checked\":false}").size());
        assertTrue(diff("{\"checked\":0}", "{\"checked\":1}").isEmpty());
        assertTrue(diff("{\"price\":12}", "{\"price\":12.5}").isEmpty(), "integer and decimal are both numbers");
        assertEquals(1, diff("{\"token\":\"a\"}", "{\"token\":{\"a\":1}}").size());
    }

    @Test
    void nullsSayOnlyThatTheKeyIsThere() {
        assertTrue(diff("{\"link\":null}", "{\"link\":{\"token\":\"t\"}}").isEmpty());
        assertTrue(diff("{\"a\":\"x\"}", "{\"a\":null}").isEmpty(), "our null for a value the fixture did not set");
        assertEquals(1, diff("{\"link\":null}", "{}").size());
    }

    @Test
    void arrayItemsAreComparedWithTheUnionOfTheOriginalsItems() {
        String original = "{\"places\":[{\"id\":1,\"lat\":null},{\"id\":2,\"lat\":48.1,\"tags\":[]}]}";
        assertTrue(diff(original, "{\"places\":[{\"id\":3,\"lat\":1.5,\"tags\":[]}]}").isEmpty());
        List<String> d = diff(original, "{\"places\":[{\"id\":3,\"lat\":\"1.5\"}]}");
        assertEquals(2, d.size(), d.toString());
        assertTrue(d.get(0).startsWith("places[].lat: the original gives a number"), d.toString());
        assertTrue(d.get(1).startsWith("places[].tags: missing"), d.toString());
        assertEquals(1, diff(original, "{\"places\":[]}").size(), "the item shape cannot be seen");
        assertTrue(diff("{\"places\":[]}", "{\"places\":[{\"anything\":1}]}").isEmpty());
    }

    @Test
    void aNestedListEmptyInSomeItemsIsUnseenOnlyWhenEmptyInAll() {
        String original = "{\"r\":[{\"endpoints\":[{\"id\":1}]}]}";
        assertTrue(diff(original, "{\"r\":[{\"endpoints\":[]},{\"endpoints\":[{\"id\":2}]}]}").isEmpty());
        assertEquals(1, diff(original, "{\"r\":[{\"endpoints\":[]},{\"endpoints\":[]}]}").size());
        assertEquals(1, diff(original, "{\"r\":[{\"endpoints\":[]},{\"endpoints\":[{\"x\":2}]}]}").size(), "a full one still counts");
    }

    @Test
    void deviationsAreSkippedWithEverythingBelowThem() {
        assertTrue(diff("{\"r\":{\"accommodation_id\":\"4.0\"}}", "{\"r\":{\"accommodation_id\":4}}", "r.accommodation_id").isEmpty());
        assertTrue(diff("{\"x\":[{\"a\":1}]}", "{\"x\":[]}", "x[]").isEmpty());
    }

    @Test
    void mapsKeyedByDataCompareTheirValues() {
        String original = "{\"assignees\":{\"Clothes\":[{\"user_id\":1,\"username\":\"a\"}]}}";
        assertTrue(diff(original, "{\"assignees\":{\"Docs\":[{\"user_id\":2,\"username\":\"b\"}]}}", "assignees{}").isEmpty());
        assertEquals(1, diff(original, "{\"assignees\":{\"Docs\":[3]}}", "assignees{}").size());
        assertEquals(1, diff(original, "{\"assignees\":{\"Docs\":[]}}").size(), "without the marker the key is required");
    }

    @Test
    void anOutputSchemaMustDeclareTheOriginalsKeysWhereItDeclaresAny() {
        JsonValue original = json("{\"trip\":{\"id\":1,\"cover_image\":null},\"more\":[{\"a\":1}]}");
        jakarta.json.JsonObject described = json("{\"properties\":{\"trip\":{\"properties\":{\"id\":{},\"cover_image\":{}}},"
                + "\"more\":{\"type\":\"array\"}}}").asJsonObject();
        assertTrue(OriginalShape.undeclared(original, described).isEmpty());
        jakarta.json.JsonObject partial = json("{\"properties\":{\"trip\":{\"properties\":{\"id\":{}}},"
                + "\"more\":{\"items\":{\"properties\":{\"b\":{}}}}}}").asJsonObject();
        assertEquals(List.of("trip.cover_image: not declared in the output schema", "more[].a: not declared in the output schema"),
                OriginalShape.undeclared(original, partial));
    }

    @Test
    void theRecordedAnswersAreOnTheClassPath() {
        assertFalse(OriginalShape.answers("add_trip_member").isEmpty());
        assertEquals(List.of("User not found"), OriginalShape.refusals("add_trip_member"));
        assertTrue(OriginalShape.answers("no_such_tool_ever").isEmpty());
    }
}
