package org.trek.platform.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.trek.platform.JsonFactory;

class Utf8OutTest {

    private static byte[] encoded(String s, int buffer, int pieces) throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Utf8Out out = new Utf8Out(sink, buffer);
        int step = Math.max(1, s.length() / pieces);
        for (int i = 0; i < s.length(); i += step) { // split anywhere, surrogate pairs included
            out.append(s, i, Math.min(s.length(), i + step));
        }
        out.finish();
        return sink.toByteArray();
    }

    @Test
    void encodesAsStringGetBytesDoes() throws Exception {
        Random random = new Random(42);
        char[] alphabet = {'a', 'Z', '"', '\\', '\n', 'é', 'ß', '—', '€', '中', '\uD83D', '\uDE00', '\uDFFF', '\u0000', '\u007F',
            '\u0080', '\u07FF', '\u0800', '\uFFFF'};
        for (int round = 0; round < 500; round++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(200); i > 0; i--) {
                s.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = s.toString();
            for (int buffer : new int[] {16, 17, 64, 4096}) {
                assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), encoded(text, buffer, 1 + random.nextInt(7)), text);
            }
        }
    }

    @Test
    void aSmallTextStaysBufferedWithItsLengthKnownALargeOneSpills() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Utf8Out small = new Utf8Out(sink, 64);
        small.append("{\"a\":\"é\"}");
        assertFalse(small.spilled());
        assertEquals(0, sink.size(), "nothing written before finish");
        assertEquals("{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8).length, small.buffered());
        Utf8Out large = new Utf8Out(new ByteArrayOutputStream(), 64);
        large.append("x".repeat(100));
        assertTrue(large.spilled());
    }

    @Test
    void jsonWrittenIntoTheStreamIsTheSameAsTheText() throws Exception {
        JsonObject value = JsonFactory.createObjectBuilder().add("name", "Café \"Zürich\" \uD83D\uDE00\n\u0001")
                .add("list", JsonFactory.createArrayBuilder().add(1.50).add(true).addNull()).build();
        String jsonP = value.toString();
        assertEquals(jsonP, JsonText.write(value), "JsonText writes what JSON-P writes");
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Utf8Out out = new Utf8Out(sink, 16);
        JsonText.write(JsonFactory.createObjectBuilder().add("r", JsonText.rendered(value)).build(), out);
        out.finish();
        assertEquals("{\"r\":" + jsonP + "}", sink.toString(StandardCharsets.UTF_8));
    }
}
