package org.trek.mcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small MCP client for the tests: sends JSON-RPC over /mcp, reads JSON or SSE answers, and validates every
 * message the server sends against the official schema of the revision in use.
 */
public final class McpTestClient {
    public static final String MODERN = "2026-07-28";
    /** HTTP/1.1 like MCP clients on cleartext HTTP (see McpEndpointIT.STREAM_CLIENT). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    final String url;
    final String token;
    public String revision = "2025-11-25";
    public String sessionId;
    private int nextId = 1;

    public McpTestClient(String baseUrl, String token) {
        this.url = baseUrl + "/mcp";
        this.token = token;
    }

    /** One answer: status, headers, and every JSON-RPC message in the body (one for JSON, several for SSE). */
    public record Answer(int status, HttpResponse<String> response, List<JsonObject> messages) {
        public JsonObject last() {
            return messages.get(messages.size() - 1);
        }

        public JsonObject result() {
            JsonObject m = last();
            assertTrue(m.containsKey("result"), () -> "expected a result: " + m);
            return m.getJsonObject("result");
        }

        public JsonObject error() {
            JsonObject m = last();
            assertTrue(m.containsKey("error"), () -> "expected an error: " + m);
            return m.getJsonObject("error");
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public boolean isStream() {
            return String.valueOf(header("Content-Type")).startsWith("text/event-stream");
        }
    }

    public static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    public HttpRequest.Builder request(Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::setHeader);
        return b;
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Legacy request on the current session (if any) with the negotiated protocol header. */
    public Answer legacy(String method, JsonObject params) {
        Map<String, String> h = new LinkedHashMap<>();
        if (sessionId != null) {
            h.put("Mcp-Session-Id", sessionId);
            h.put("MCP-Protocol-Version", revision);
        }
        return post(method, params, h, true);
    }

    public Answer initialize(String requestedVersion) {
        sessionId = null;
        Answer a = post("initialize", Json.createObjectBuilder().add("protocolVersion", requestedVersion)
                .add("capabilities", Json.createObjectBuilder().add("sampling", JsonValue.EMPTY_JSON_OBJECT))
                .add("clientInfo", Json.createObjectBuilder().add("name", "it").add("version", "1")).build(),
                Map.of(), false);
        if (a.status() == 200) {
            revision = a.result().getString("protocolVersion");
            sessionId = a.header("Mcp-Session-Id");
            validate(a, "initialize");
            HttpResponse<String> r = send(request(Map.of("Mcp-Session-Id", sessionId, "MCP-Protocol-Version", revision))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")).build());
            assertEquals(202, r.statusCode());
        }
        return a;
    }

    /** 2026-07-28 request: _meta and the standard headers. */
    public Answer modern(String method, JsonObject params) {
        return modern(method, params, Map.of());
    }

    public Answer modern(String method, JsonObject params, Map<String, String> extraHeaders) {
        JsonObjectBuilder p = Json.createObjectBuilder(params == null ? JsonValue.EMPTY_JSON_OBJECT : params);
        JsonObjectBuilder meta = Json.createObjectBuilder(params != null && params.get("_meta") instanceof JsonObject m
                ? m : JsonValue.EMPTY_JSON_OBJECT)
                .add("io.modelcontextprotocol/protocolVersion", MODERN)
                .add("io.modelcontextprotocol/clientCapabilities", JsonValue.EMPTY_JSON_OBJECT)
                .add("io.modelcontextprotocol/clientInfo", Json.createObjectBuilder().add("name", "it").add("version", "1"));
        p.add("_meta", meta);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("MCP-Protocol-Version", MODERN);
        h.put("Mcp-Method", method);
        if (params != null && params.containsKey("name")) {
            h.put("Mcp-Name", params.getString("name"));
        } else if (params != null && params.containsKey("uri")) {
            h.put("Mcp-Name", params.getString("uri"));
        }
        h.putAll(extraHeaders);
        String saved = revision;
        revision = MODERN;
        try {
            return post(method, p.build(), h, true);
        } finally {
            revision = saved;
        }
    }

    public Answer post(String method, JsonObject params, Map<String, String> headers, boolean validate) {
        int id = nextId++;
        JsonObjectBuilder body = Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", id).add("method", method);
        if (params != null) {
            body.add("params", params);
        }
        Answer a = raw(body.build().toString(), headers);
        if (validate) {
            validate(a, method);
        }
        return a;
    }

    public Answer raw(String body, Map<String, String> headers) {
        HttpResponse<String> r = send(request(headers).POST(HttpRequest.BodyPublishers.ofString(body)).build());
        return answer(r);
    }

    static Answer answer(HttpResponse<String> r) {
        List<JsonObject> messages = new ArrayList<>();
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (type.startsWith("text/event-stream")) {
            for (String line : r.body().split("\n")) {
                if (line.startsWith("data:")) {
                    messages.add(parse(line.substring(5).trim()));
                }
            }
        } else if (type.startsWith("application/json") && !r.body().isBlank()) {
            messages.add(parse(r.body()));
        }
        return new Answer(r.statusCode(), r, messages);
    }

    /** Every message of the answer against the schema of the revision in use. */
    void validate(Answer a, String method) {
        for (JsonObject m : a.messages()) {
            validateMessage(revision, m, method);
        }
    }

    public static void validateMessage(String revision, JsonObject m, String method) {
        String json = m.toString();
        if (m.containsKey("error")) {
            McpSchemas.assertValid(revision, McpSchemas.defines(revision, "JSONRPCErrorResponse")
                    ? "JSONRPCErrorResponse" : "JSONRPCError", json);
        } else if (m.containsKey("result")) {
            McpSchemas.assertValid(revision, McpSchemas.defines(revision, "JSONRPCResultResponse")
                    ? "JSONRPCResultResponse" : "JSONRPCResponse", json);
            JsonObject result = m.getJsonObject("result");
            String type = "input_required".equals(result.getString("resultType", ""))
                    ? "InputRequiredResult" : McpSchemas.resultType(method);
            McpSchemas.assertValid(revision, type, result.toString());
        } else if (m.containsKey("id")) {
            McpSchemas.assertValid(revision, "ServerRequest", json);
        } else {
            McpSchemas.assertValid(revision, "ServerNotification", json);
        }
    }
}
