package org.trek.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Checks of the parts the figures depend on — the HTTP response parser (Content-Length, chunked, SSE, interim and
 * body-less responses, bodies that run to the end of the connection, any split of the bytes), the answer judge and
 * the percentiles — without a server. {@code java -jar trek-bench.jar self-test}; bench/run runs it before each run.
 */
final class SelfTest {
    private int checks;

    private SelfTest() {
    }

    static void run() throws IOException {
        SelfTest t = new SelfTest();
        t.parser();
        t.judge();
        t.percentiles();
        t.check(Provisioner.unescape("a&amp;b&#034;c&#39;d&lt;&#x41;&bogus;&").equals("a&b\"c'd<A&bogus;&"), "HTML entities");
        System.err.println("self-test: " + t.checks + " checks passed");
    }

    private void check(boolean ok, String what) {
        checks++;
        if (!ok) {
            throw new AssertionError("self-test failed: " + what);
        }
    }

    /** Feeds the bytes in random pieces (and once byte by byte); returns the parsed response. */
    private Response parse(String wire, boolean closeAtEnd, long seed) throws IOException {
        byte[] bytes = wire.getBytes(StandardCharsets.UTF_8);
        Random random = new Random(seed);
        ResponseParser p = new ResponseParser();
        int i = 0;
        boolean done = false;
        while (i < bytes.length && !done) {
            int n = seed == 0 ? 1 : 1 + random.nextInt(Math.min(64, bytes.length - i));
            ByteBuffer b = ByteBuffer.wrap(bytes, i, n);
            done = p.feed(b);
            i += n - b.remaining();
        }
        if (!done && closeAtEnd) {
            done = p.endOfStream();
        }
        check(done, "complete response for " + wire.substring(0, Math.min(40, wire.length())));
        Response r = p.response();
        return new Response(r.status, r.headers, java.util.Arrays.copyOf(r.body, r.bodyLength), r.bodyLength);
    }

    private void parser() throws IOException {
        for (long seed = 0; seed < 40; seed++) {
            Response fixed = parse("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"ok\":true}", false, seed);
            check(fixed.status == 200 && fixed.text().equals("{\"ok\":true}"), "Content-Length body");
            check("application/json".equals(fixed.header("content-type")), "header lookup is case-insensitive");

            Response chunked = parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n"
                    + "7\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n", false, seed);
            check(chunked.text().equals("hello, world"), "chunked body with an extension and a trailer");

            String sse = "event: message\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{}}\n\n"
                    + "event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{\"content\":[],\"isError\":false}}\n\n";
            Response stream = parse("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(sse.length()) + "\r\n" + sse + "\r\n0\r\n\r\n", false, seed);
            check(stream.isEventStream() && JsonScan.judgeMcp(stream) == null, "SSE answer with a notification, then the result");

            Response interim = parse("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n", false, seed);
            check(interim.status == 202 && interim.bodyLength == 0, "1xx skipped, empty 202");

            Response none = parse("HTTP/1.1 204 No Content\r\nX-A: b\r\n\r\n", false, seed);
            check(none.status == 204 && none.bodyLength == 0, "204 has no body");

            Response untilClose = parse("HTTP/1.0 200 OK\r\n\r\nall of it", true, seed);
            check(untilClose.text().equals("all of it"), "body up to the end of the connection");
        }
        ResponseParser p = new ResponseParser();
        p.feed(ByteBuffer.wrap("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII)));
        check(p.done() && p.closeAfter(), "Connection: close is noticed");
        p.reset();
        p.feed(ByteBuffer.wrap("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort".getBytes(StandardCharsets.US_ASCII)));
        check(!p.done() && !p.endOfStream(), "a body cut short is not complete");
    }

    private int judge(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        return JsonScan.judge(b, 0, b.length);
    }

    private void judge() {
        check(judge("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[],\"isError\":false}}") == JsonScan.OK, "a result");
        check(judge("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}") == JsonScan.OK, "an empty result (ping)");
        check(judge("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"x\"}}") == JsonScan.RPC_ERROR, "an error");
        check(judge("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"no\"}],\"isError\" : true}}")
                == JsonScan.TOOL_ERROR, "isError true");
        check(judge("{\"id\":1,\"result\":{\"structuredContent\":{\"error\":1,\"isError\":true},\"x\":[{\"isError\":true}]}}")
                == JsonScan.OK, "error/isError deeper inside a result are data");
        check(judge("{\"id\":1,\"result\":{\"content\":[{\"text\":\"{\\\"error\\\":true,\\\"isError\\\":true} }]\"}]}}")
                == JsonScan.OK, "keys inside strings (escaped quotes, brackets) are text");
        check(judge("{\"id\":1,\"result\":{\"a\":\"\\\\\"},\"error\":{}}") == JsonScan.RPC_ERROR, "a string ending in a backslash");
        check(judge("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\"}") == JsonScan.NO_RESULT, "a notification");
        check(judge("{\"id\":1,\"result\":{\"content\":[") == JsonScan.MALFORMED, "cut-off JSON");
        check(JsonScan.judgeMcp(sse("data: {\"id\":1,\"error\":{\"code\":1}}\n\n")) != null, "an SSE error");
        check(JsonScan.judgeMcp(sse("event: ping\n\n")) != null, "an SSE stream without a result");
        check(Mcp.answer(sse("data: {\"method\":\"n\"}\n\ndata: {\"id\":2,\ndata: \"result\":{}}\n\n"))
                .equals("{\"id\":2,\n\"result\":{}}"), "multi-line SSE data is joined");
        check(JsonScan.judgeMcp(sse("data: {\"id\":2,\ndata: \"result\":{}}")) == null, "an SSE event at the very end");
    }

    private static Response sse(String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return new Response(200, java.util.List.<String[]>of(new String[] {"content-type", "text/event-stream"}), b, b.length);
    }

    private void percentiles() {
        Recorder r = new Recorder();
        for (int i = 1000; i >= 1; i--) {
            r.record(i * 1_000_000L);
        }
        check(r.percentileMs(50) == 500.0 && r.percentileMs(99) == 990.0 && r.percentileMs(100) == 1000.0, "nearest-rank percentiles");
        Recorder one = new Recorder();
        one.record(2_500_000L);
        check(one.percentileMs(99) == 2.5, "a single value");
    }
}
