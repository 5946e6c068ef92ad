package org.trek.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.trek.platform.JsonFactory;

class JsonTextTest {

    private static final JsonObject VALUE = JsonFactory.createObjectBuilder().add("id", 7).add("name", "Café \"Zürich\"\n")
            .add("places", JsonFactory.createArrayBuilder().add(JsonFactory.createObjectBuilder().add("lat", 47.37)
                    .addNull("address"))).add("more", false).build();

    @Test
    void writesWhatJsonPWrites() {
        assertEquals(VALUE.toString(), JsonText.write(VALUE));
    }

    @Test
    void aTextOnlyObjectIsWrittenAsItsTextAndReadsAsTheObject() {
        JsonObject textOnly = JsonText.renderedText(JsonText.write(VALUE));
        JsonObject wrapper = JsonFactory.createObjectBuilder().add("structuredContent", textOnly).build();
        assertEquals("{\"structuredContent\":" + VALUE + "}", JsonText.write(wrapper));
        assertEquals(VALUE, textOnly, "parsed back on the first read");
        assertEquals(47.37, textOnly.getJsonArray("places").getJsonObject(0).getJsonNumber("lat").doubleValue());
        assertEquals("Café \"Zürich\"\n", textOnly.getString("name"));
        assertEquals(VALUE.toString(), textOnly.toString());
    }
}
