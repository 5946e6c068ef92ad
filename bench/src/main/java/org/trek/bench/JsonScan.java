package org.trek.bench;

import java.util.Arrays;

/**
 * Judges a JSON-RPC answer without building a tree: one pass over the bytes that tracks nesting, strings and the
 * keys of the top-level object and of its "result" object. Enough to tell a result from a JSON-RPC "error" and a
 * tool result with "isError": true, at a few hundred MB/s, so the load generator stays cheap on large answers.
 */
final class JsonScan {
    static final int OK = 0;
    static final int RPC_ERROR = 1;
    static final int TOOL_ERROR = 2;
    static final int NO_RESULT = 3;
    static final int MALFORMED = 4;

    private static final byte[] RESULT = bytes("result");
    private static final byte[] ERROR = bytes("error");
    private static final byte[] IS_ERROR = bytes("isError");
    private static final byte[] TRUE = bytes("true");

    private JsonScan() {
    }

    /** One JSON-RPC message in b[from, to). */
    static int judge(byte[] b, int from, int to) {
        int depth = 0;
        long objectMask = 0; // bit d set: the container at depth d is an object
        boolean expectKey = false;
        int keyStart = -1;
        int keyEnd = -1;
        int keyDepth = -1;
        boolean topIsResult = false;
        boolean inResult = false;
        boolean sawResult = false;
        boolean sawError = false;
        boolean isError = false;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            switch (c) {
                case '"' -> {
                    int start = ++i;
                    while (i < to && b[i] != '"') {
                        if (b[i] == '\\') {
                            i++;
                        }
                        i++;
                    }
                    if (i >= to) {
                        return MALFORMED;
                    }
                    if (expectKey) {
                        keyStart = start;
                        keyEnd = i;
                        keyDepth = depth;
                        expectKey = false;
                    }
                }
                case '{' -> {
                    depth++;
                    if (depth < 64) {
                        objectMask |= 1L << depth;
                    }
                    expectKey = true;
                    if (depth == 2 && topIsResult) {
                        inResult = true;
                    }
                }
                case '[' -> {
                    depth++;
                    if (depth < 64) {
                        objectMask &= ~(1L << depth);
                    }
                    expectKey = false;
                }
                case '}', ']' -> {
                    if (depth == 2) {
                        inResult = false;
                    }
                    depth--;
                    expectKey = false;
                    if (depth < 0) {
                        return MALFORMED;
                    }
                }
                case ',' -> expectKey = depth > 0 && depth < 64 && (objectMask & (1L << depth)) != 0;
                case ':' -> {
                    if (keyDepth == depth && keyStart >= 0) {
                        if (depth == 1) {
                            topIsResult = same(b, keyStart, keyEnd, RESULT);
                            sawResult |= topIsResult;
                            sawError |= same(b, keyStart, keyEnd, ERROR);
                        } else if (depth == 2 && inResult && same(b, keyStart, keyEnd, IS_ERROR)) {
                            int v = i + 1;
                            while (v < to && (b[v] == ' ' || b[v] == '\t' || b[v] == '\n' || b[v] == '\r')) {
                                v++;
                            }
                            isError |= v + 4 <= to && same(b, v, v + 4, TRUE);
                        }
                    }
                    keyStart = -1;
                }
                default -> {
                    // numbers, literals, white space: nothing to track
                }
            }
        }
        if (depth != 0) {
            return MALFORMED;
        }
        if (sawError) {
            return RPC_ERROR;
        }
        if (isError) {
            return TOOL_ERROR;
        }
        return sawResult ? OK : NO_RESULT;
    }

    /**
     * An MCP answer, JSON or SSE: null when it carries a result that is no error, otherwise why not. In an SSE
     * stream, messages without result or error (notifications, server requests) are skipped; one of them must answer.
     */
    static String judgeMcp(Response r) {
        if (!r.isEventStream()) {
            return describe(judge(r.body, 0, r.bodyLength));
        }
        byte[] b = r.body;
        int end = r.bodyLength;
        byte[] event = null;
        int eventLength = 0;
        boolean answered = false;
        int lineStart = 0;
        for (int i = 0; i <= end; i++) {
            if (i < end && b[i] != '\n') {
                continue;
            }
            int lineEnd = i > lineStart && b[i - 1] == '\r' ? i - 1 : i;
            if (lineEnd == lineStart || i == end) { // blank line (or the end): the event is complete
                if (i == end && lineEnd > lineStart) {
                    if (event == null) {
                        event = new byte[Math.max(256, end)];
                    }
                    eventLength = appendData(b, lineStart, lineEnd, event, eventLength);
                }
                if (eventLength > 0) {
                    int verdict = judge(event, 0, eventLength);
                    if (verdict != NO_RESULT) {
                        if (verdict != OK) {
                            return describe(verdict);
                        }
                        answered = true;
                    }
                    eventLength = 0;
                }
            } else {
                if (event == null) {
                    event = new byte[Math.max(256, end)];
                }
                eventLength = appendData(b, lineStart, lineEnd, event, eventLength);
            }
            lineStart = i + 1;
        }
        return answered ? null : "SSE stream without a result";
    }

    private static int appendData(byte[] b, int start, int end, byte[] event, int eventLength) {
        if (end - start < 5 || !same(b, start, start + 5, DATA)) {
            return eventLength; // "event:", "id:", comments...
        }
        int from = start + 5;
        if (from < end && b[from] == ' ') {
            from++;
        }
        if (eventLength > 0) {
            event[eventLength++] = '\n';
        }
        System.arraycopy(b, from, event, eventLength, end - from);
        return eventLength + end - from;
    }

    private static final byte[] DATA = bytes("data:");

    static String describe(int verdict) {
        return switch (verdict) {
            case OK -> null;
            case RPC_ERROR -> "JSON-RPC error";
            case TOOL_ERROR -> "tool result isError:true";
            case NO_RESULT -> "no result in the answer";
            default -> "malformed JSON";
        };
    }

    private static boolean same(byte[] b, int from, int to, byte[] word) {
        return to - from == word.length && Arrays.equals(b, from, to, word, 0, word.length);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
