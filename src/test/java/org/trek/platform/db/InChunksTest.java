package org.trek.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InChunksTest {

    @Test
    void distinctIdsInBoundedSlicesInOrder() {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 1201; i++) {
            ids.add(i);
        }
        ids.add(7); // a repeat
        List<List<Integer>> chunks = InChunks.of(ids);
        assertEquals(List.of(500, 500, 201), chunks.stream().map(List::size).toList());
        assertEquals(0, chunks.get(0).get(0));
        assertEquals(1200, chunks.get(2).get(200));
    }

    @Test
    void nothingGivesNoQueries() {
        assertTrue(InChunks.of(List.of()).isEmpty());
    }
}
