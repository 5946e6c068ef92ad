package org.trek.platform.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** Distinct ids in slices of at most {@value #SIZE}, so that an {@code IN (...)} list stays bounded on every database. */
public final class InChunks {
    public static final int SIZE = 500;

    private InChunks() {
    }

    public static <T> List<List<T>> of(Collection<T> ids) {
        List<T> distinct = List.copyOf(new LinkedHashSet<>(ids));
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += SIZE) {
            chunks.add(distinct.subList(from, Math.min(distinct.size(), from + SIZE)));
        }
        return chunks;
    }
}
