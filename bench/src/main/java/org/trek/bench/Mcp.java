package org.trek.bench;

/**
 * The MCP requests the benchmark sends, on both wires: legacy (2025-11-25: initialize, then Mcp-Session-Id and
 * MCP-Protocol-Version on every request) and stateless 2026-07-28 (no session; MCP-Protocol-Version, Mcp-Method and,
 * for tools/call, Mcp-Name headers; the revision and client capabilities in params._meta).
 */
final class Mcp {
    static final String LEGACY = "2025-11-25";
    static final String MODERN = "2026-07-28";
    static final String PATH = "/mcp";
    private static final String ACCEPT = "application/json, text/event-stream";
    private static final String META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"" + MODERN + "\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{},"
            + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"trek-bench\",\"version\":\"1\"}}";

    private Mcp() {
    }

    /** params members for tools/call, e.g. {@code "name":"list_trips","arguments":{}}. */
    static String toolParams(String tool, String argumentsJson) {
        return "\"name\":" + Json.quote(tool) + ",\"arguments\":" + argumentsJson;
    }

    static String request(long id, String method, String paramMembers) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":{" + paramMembers + "}}";
    }

    private static HttpRequest post(String token, String body) {
        return HttpRequest.post(PATH, "application/json", body).header("Accept", ACCEPT)
                .header("Authorization", "Bearer " + token);
    }

    static HttpRequest initialize(String token, long id) {
        return post(token, request(id, "initialize", "\"protocolVersion\":\"" + LEGACY + "\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"trek-bench\",\"version\":\"1\"}"));
    }

    static HttpRequest initialized(String token, String session) {
        return post(token, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                .header("Mcp-Session-Id", session).header("MCP-Protocol-Version", LEGACY);
    }

    /** A request on a legacy session. */
    static HttpRequest legacy(String token, String session, long id, String method, String paramMembers) {
        return post(token, request(id, method, paramMembers)).header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", LEGACY);
    }

    static HttpRequest endSession(String token, String session) {
        return new HttpRequest("DELETE", PATH).header("Authorization", "Bearer " + token)
                .header("Mcp-Session-Id", session).header("MCP-Protocol-Version", LEGACY);
    }

    /** A stateless 2026-07-28 request; {@code name} (the tool) goes into Mcp-Name, null for other methods. */
    static HttpRequest stateless(String token, long id, String method, String name, String paramMembers) {
        String members = paramMembers.isEmpty() ? META : paramMembers + "," + META;
        return post(token, request(id, method, members)).header("MCP-Protocol-Version", MODERN)
                .header("Mcp-Method", method).header("Mcp-Name", name);
    }

    /**
     * The JSON-RPC message that answers the request: the body of a JSON answer, or the data of the SSE event that
     * carries a result or an error.
     */
    static String answer(Response r) {
        if (!r.isEventStream()) {
            return r.text();
        }
        String last = null;
        StringBuilder data = new StringBuilder();
        for (String line : (r.text() + "\n\n").split("\r?\n", -1)) {
            if (line.startsWith("data:")) {
                if (data.length() > 0) {
                    data.append('\n');
                }
                data.append(line.startsWith("data: ") ? line.substring(6) : line.substring(5));
            } else if (line.isEmpty() && data.length() > 0) {
                String message = data.toString();
                data.setLength(0);
                if (message.contains("\"result\"") || message.contains("\"error\"")) {
                    last = message;
                }
            }
        }
        if (last == null) {
            throw new IllegalStateException("SSE answer without a result: " + r.snippet(300));
        }
        return last;
    }
}
