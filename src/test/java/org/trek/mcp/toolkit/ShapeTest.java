package org.trek.mcp.toolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeTest {

    @Test
    void keysAreRequiredTypedAndNullableButId() {
        JsonObject s = Shape.of("id:integer name:string lat:number").schema();
        assertEquals("object", s.getString("type"));
        assertEquals(List.of("id", "name", "lat"), s.getJsonArray("required").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals("integer", s.getJsonObject("properties").getJsonObject("id").getString("type"));
        assertEquals("[\"string\",\"null\"]", s.getJsonObject("properties").getJsonObject("name").get("type").toString());
    }

    @Test
    void optionalKeysAreDeclaredNotRequiredAndUnionsAreAllowed() {
        Shape tag = Shape.of("id:integer name:string");
        JsonObject s = Shape.of("id:integer metadata:string|object").andOptional("place_name:string")
                .withOptionalList("tags", tag).with("category", tag).schema();
        assertEquals(List.of("id", "metadata", "category"), s.getJsonArray("required").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals("[\"string\",\"object\",\"null\"]", s.getJsonObject("properties").getJsonObject("metadata").get("type").toString());
        assertEquals("array", s.getJsonObject("properties").getJsonObject("tags").getString("type"));
        assertEquals("[\"object\",\"null\"]", s.getJsonObject("properties").getJsonObject("category").get("type").toString());
    }

    @Test
    void aWordThatIsNotKeyColonTypeIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> Shape.of("id:int"));
        assertThrows(IllegalArgumentException.class, () -> Shape.of("name"));
    }
}
