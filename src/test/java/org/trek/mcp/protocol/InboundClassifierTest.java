package org.trek.mcp.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Every way a request to /mcp is classified, without a server. */
class InboundClassifierTest {
    static final String ACCEPT = "application/json, text/event-stream";
    static final String MODERN_META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

    /** A request with the usual headers; the arguments override one field each. */
    static final class Req {
        String method = "POST";
        String contentType = "application/json";
        String accept = ACCEPT;
        String version;
        String session;
        String mcpMethod;
        String mcpName;
        byte[] body = new byte[0];
        boolean tooLarge;

        Req body(String json) {
            body = json.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        Inbound classify() {
            return InboundClassifier.classify(new InboundRequest(method, contentType, accept, version, session, mcpMethod,
                    mcpName, "127.0.0.1:8080", null, "Bearer x", body, tooLarge, 1000, "127.0.0.1"));
        }
    }

    static Req post(String json) {
        return new Req().body(json);
    }

    static Req modern(String method, String params) {
        Req r = post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":{" + params
                + (params.isEmpty() ? "" : ",") + MODERN_META + "}}");
        r.version = "2026-07-28";
        r.mcpMethod = method;
        return r;
    }

    static Inbound.Rejected rejected(Inbound in, int status, int code) {
        Inbound.Rejected r = assertInstanceOf(Inbound.Rejected.class, in);
        assertEquals(status, r.error().httpStatus(), r.error().getMessage());
        assertEquals(code, r.error().code(), r.error().getMessage());
        return r;
    }

    // ---------------------------------------------------------------- wires

    @Test
    void initializeIsLegacyWithoutASession() {
        Inbound.Legacy in = assertInstanceOf(Inbound.Legacy.class,
                post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}")
                        .classify());
        assertEquals("initialize", in.message().method());
        assertNull(in.sessionId());
        assertTrue(in.canStream());
    }

    @Test
    void initializeRules() {
        Req withSession = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}");
        withSession.session = "abc";
        rejected(withSession.classify(), 400, JsonRpc.INVALID_REQUEST);
        rejected(post("{\"jsonrpc\":\"2.0\",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}").classify(),
                400, JsonRpc.INVALID_REQUEST);
        Inbound.Rejected noVersion = rejected(post("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"initialize\",\"params\":{}}")
                .classify(), 400, JsonRpc.INVALID_PARAMS);
        assertEquals("a", ((jakarta.json.JsonString) noVersion.id()).getString(), "the id is echoed");
    }

    @Test
    void legacyRequestsNeedASessionAndAKnownVersion() {
        Req r = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        rejected(r.classify(), 400, JsonRpc.INVALID_REQUEST);
        r.session = " s1 ";
        Inbound.Legacy in = assertInstanceOf(Inbound.Legacy.class, r.classify());
        assertEquals("s1", in.sessionId());
        r.version = "2025-06-18";
        assertInstanceOf(Inbound.Legacy.class, r.classify());
        r.version = "2024-11-05"; // an older revision a client may name: legacy, but not for a session request
        rejected(r.classify(), 400, JsonRpc.INVALID_REQUEST);
        r.version = "1999-01-01"; // no legacy revision: taken as the stateless wire, whose _meta is missing
        rejected(r.classify(), 400, JsonRpc.INVALID_PARAMS);
    }

    @Test
    void theModernWireIsChosenByHeaderOrMeta() {
        assertInstanceOf(Inbound.Modern.class, modern("tools/list", "").classify());
        Req metaOnly = modern("tools/list", "");
        metaOnly.version = null;
        rejected(metaOnly.classify(), 400, JsonRpc.HEADER_MISMATCH); // _meta names 2026 but the header is missing
        Req noMeta = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        noMeta.version = "2026-07-28";
        noMeta.mcpMethod = "tools/list";
        rejected(noMeta.classify(), 400, JsonRpc.INVALID_PARAMS);
    }

    @Test
    void modernHeadersMustMirrorTheBody() {
        Req r = modern("tools/call", "\"name\":\"list_trips\"");
        rejected(r.classify(), 400, JsonRpc.HEADER_MISMATCH); // no Mcp-Name
        r.mcpName = "list_trips";
        Inbound.Modern ok = assertInstanceOf(Inbound.Modern.class, r.classify());
        assertEquals("2026-07-28", ok.version());
        r.mcpName = "=?base64?" + Base64.getEncoder().encodeToString("list_trips".getBytes(StandardCharsets.UTF_8)) + "?=";
        assertInstanceOf(Inbound.Modern.class, r.classify(), "Base64 Mcp-Name is decoded before comparing");
        r.mcpName = "=?base64?!!!?=";
        rejected(r.classify(), 400, JsonRpc.HEADER_MISMATCH);
        r.mcpName = "list_trips";
        r.mcpMethod = "tools/list";
        rejected(r.classify(), 400, JsonRpc.HEADER_MISMATCH);
    }

    @Test
    void anUnsupportedModernRevisionListsTheSupportedOnes() {
        Req r = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"_meta\":{"
                + "\"io.modelcontextprotocol/protocolVersion\":\"2027-01-01\",\"io.modelcontextprotocol/clientCapabilities\":{}}}}");
        r.version = "2027-01-01";
        r.mcpMethod = "tools/list";
        Inbound.Rejected x = rejected(r.classify(), 400, JsonRpc.UNSUPPORTED_PROTOCOL_VERSION);
        assertEquals("2026-07-28", x.error().data().asJsonObject().getJsonArray("supported").getString(0));
    }

    @Test
    void modernLogLevelIsTakenOnlyWhenKnown() {
        Req r = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"_meta\":{"
                + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{},"
                + "\"io.modelcontextprotocol/logLevel\":\"warning\"}}}");
        r.version = "2026-07-28";
        r.mcpMethod = "tools/list";
        assertEquals("warning", assertInstanceOf(Inbound.Modern.class, r.classify()).logLevel());
    }

    @Test
    void modernNotificationsAreAccepted() {
        Req r = post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{" + MODERN_META + "}}");
        r.version = "2026-07-28";
        assertInstanceOf(Inbound.ModernAccepted.class, r.classify());
    }

    @Test
    void batchesAreLegacyAndCarryTheirItemsEnvelopeErrors() {
        Req r = post("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"},{\"id\":2,\"method\":\"x\"}]");
        rejected(r.classify(), 400, JsonRpc.INVALID_REQUEST); // no session
        r.session = "s";
        Inbound.LegacyBatch b = assertInstanceOf(Inbound.LegacyBatch.class, r.classify());
        assertInstanceOf(JsonRpc.Message.class, b.items().get(0));
        assertInstanceOf(JsonRpc.IdentifiedError.class, b.items().get(1));
        Req empty = post("[]");
        empty.session = "s";
        rejected(empty.classify(), 400, JsonRpc.INVALID_REQUEST);
    }

    // ---------------------------------------------------------------- GET, DELETE, other methods

    @Test
    void getAndDeleteAreForLegacySessions() {
        Req get = new Req();
        get.method = "GET";
        get.session = "s";
        assertInstanceOf(Inbound.OpenStream.class, get.classify());
        get.accept = "application/json";
        rejected(get.classify(), 406, JsonRpc.INVALID_REQUEST);
        get.accept = ACCEPT;
        get.version = "2026-07-28";
        assertEquals("POST", rejected(get.classify(), 405, JsonRpc.INVALID_REQUEST).allow());
        get.version = "bogus";
        rejected(get.classify(), 400, JsonRpc.INVALID_REQUEST);
        Req delete = new Req();
        delete.method = "DELETE";
        rejected(delete.classify(), 400, JsonRpc.INVALID_REQUEST); // no session
        delete.session = "s";
        assertInstanceOf(Inbound.EndSession.class, delete.classify());
    }

    @Test
    void putAndPatchAre405WithAJsonRpcError() {
        for (String m : new String[] {"PUT", "PATCH", "HEAD", "OPTIONS"}) {
            Req r = post("{}");
            r.method = m;
            Inbound.Rejected x = rejected(r.classify(), 405, JsonRpc.INVALID_REQUEST);
            assertEquals("GET, POST, DELETE", x.allow());
        }
    }

    // ---------------------------------------------------------------- the body and its media types

    @Test
    void mediaTypes() {
        Req r = post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}");
        r.session = "s";
        r.contentType = "application/json; charset=utf-8";
        assertInstanceOf(Inbound.Legacy.class, r.classify());
        r.contentType = "application/jsonx";
        Inbound.Rejected x = rejected(r.classify(), 415, JsonRpc.INVALID_REQUEST);
        assertEquals(3, ((jakarta.json.JsonNumber) x.id()).intValue(), "even a 415 echoes the id");
        r.contentType = "text/plain";
        rejected(r.classify(), 415, JsonRpc.INVALID_REQUEST);
        r.contentType = null;
        rejected(r.classify(), 415, JsonRpc.INVALID_REQUEST);
        r.contentType = "application/json";
        r.accept = "text/html";
        rejected(r.classify(), 406, JsonRpc.INVALID_REQUEST);
        r.tooLarge = true;
        rejected(r.classify(), 413, JsonRpc.INVALID_REQUEST);
    }

    @Test
    void malformedBodiesAreParseErrors() {
        String[] bad = {"{", "{\"a\":1}}", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}{\"b\":2}", "", "nope",
            "{\"a\":1} x"};
        for (String body : bad) {
            Inbound.Rejected x = rejected(post(body).classify(), 400, JsonRpc.PARSE_ERROR);
            assertNull(x.id());
        }
        Req trailingSpace = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}  \n");
        trailingSpace.session = "s";
        assertInstanceOf(Inbound.Legacy.class, trailingSpace.classify(), "white space after the value is fine");
        rejected(post("42").classify(), 400, JsonRpc.INVALID_REQUEST);
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNotReplaced() {
        byte[][] bad = {
            {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'},                // invalid byte
            {'{', '"', 'a', '"', ':', '"', (byte) 0xc0, (byte) 0xaf, '"', '}'},   // overlong "/"
            {'{', '"', 'a', '"', ':', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', '}'}, // encoded lone surrogate
        };
        for (byte[] body : bad) {
            Req r = new Req();
            r.body = body;
            rejected(r.classify(), 400, JsonRpc.PARSE_ERROR);
        }
    }

    @Test
    void escapedLoneSurrogatesAreRefusedAndPairsAreKept() {
        for (String bad : new String[] {"\\ud800", "\\uDC00", "x\\ud83dy", "\\ud83d\\u0041", "\\ud83d"}) {
            Req r = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"name\":\"" + bad + "\"}}");
            r.session = "s";
            rejected(r.classify(), 400, JsonRpc.PARSE_ERROR);
        }
        for (String good : new String[] {"\\ud83d\\ude00", "\\u00e9", "\\\\ud800", "plain"}) {
            Req r = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"name\":\"" + good + "\"}}");
            r.session = "s";
            assertInstanceOf(Inbound.Legacy.class, r.classify(), good);
        }
    }

    @Test
    void deepNestingIsRefusedBeforeParsing() {
        String deep = "[".repeat(1000) + "]".repeat(1000);
        rejected(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"arguments\":{\"x\":" + deep
                + "}}}").classify(), 400, JsonRpc.PARSE_ERROR);
        assertEquals(2, InboundClassifier.depth("{\"a\":[\"[[[{{{\\\"\"]}"), "brackets inside strings do not count");
        String fine = "[".repeat(InboundClassifier.MAX_DEPTH - 3) + "]".repeat(InboundClassifier.MAX_DEPTH - 3);
        Req r = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"a\":" + fine + "}}");
        r.session = "s";
        assertInstanceOf(Inbound.Legacy.class, r.classify());
    }

    @Test
    void aMessageCannotBeBothARequestAndAResponse() {
        Req r = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"result\":{}}");
        r.session = "s";
        rejected(r.classify(), 400, JsonRpc.INVALID_REQUEST);
        Req answer = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");
        answer.session = "s";
        assertTrue(assertInstanceOf(Inbound.Legacy.class, answer.classify()).message().isResponse());
    }

    @Test
    void aNullIdIsNotANotification() {
        Req r = post("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"tools/list\"}");
        r.session = "s";
        rejected(r.classify(), 400, JsonRpc.INVALID_REQUEST);
    }
}
