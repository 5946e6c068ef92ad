package org.trek.trips.tools;

import org.trek.mcp.registry.InvalidParamsException;

/** limit/cursor arguments of growing lists: the cursor is an opaque offset handed out as next_cursor. */
public record Paging(int limit, int offset) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static Paging from(Args args) {
        Integer limit = args.optInt("limit");
        String cursor = args.optString("cursor");
        int l = limit == null ? DEFAULT_LIMIT : limit;
        if (l < 1 || l > MAX_LIMIT) {
            throw new InvalidParamsException("Invalid params: limit must be between 1 and " + MAX_LIMIT + ".");
        }
        int offset = 0;
        if (cursor != null) {
            if (!cursor.matches("\\d{1,9}")) {
                throw new InvalidParamsException("Invalid params: cursor is not a cursor this server handed out.");
            }
            offset = Integer.parseInt(cursor);
        }
        return new Paging(l, offset);
    }
}
