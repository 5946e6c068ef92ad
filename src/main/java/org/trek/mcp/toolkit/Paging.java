package org.trek.mcp.toolkit;

import org.trek.mcp.registry.InvalidParamsException;

/** limit/cursor arguments of growing lists: the cursor is an opaque offset handed out as next_cursor. */
public record Paging(int limit, int offset) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static final Param<Integer> LIMIT = Param.integer("limit", "Page size (default 50, at most 200)", 1, MAX_LIMIT)
            .orElse(DEFAULT_LIMIT);
    public static final Param<String> CURSOR = Param.string("cursor", "Opaque cursor from next_cursor of the previous page", 1, 50);

    static Paging from(Args args) {
        int l = args.get(LIMIT); // 1 to MAX_LIMIT, as declared
        String cursor = args.get(CURSOR);
        int offset = 0;
        if (cursor != null) {
            if (!cursor.matches("\\d{1,9}")) {
                throw new InvalidParamsException("Invalid params: " + CURSOR.name() + " is not a cursor this server handed out.");
            }
            offset = Integer.parseInt(cursor);
        }
        return new Paging(l, offset);
    }
}
