package org.trek.mcp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** What a closed response stream means for a running tool call, per wire. */
class ToolInvocationTest {

    private static ToolInvocation call(boolean modern) {
        Exchange ex = new Exchange(null, modern, modern ? "2026-07-28" : "2025-11-25", modern ? null : "session",
                JsonValue.EMPTY_JSON_OBJECT, null, true, "127.0.0.1");
        return new ToolInvocation(ex, JsonValue.EMPTY_JSON_OBJECT, new LiveChannels());
    }

    private static final JsonObject PROGRESS = Json.createObjectBuilder().add("jsonrpc", "2.0")
            .add("method", "notifications/progress").build();

    @Test
    void on2026AClosedStreamCancelsTheCall() throws Exception {
        ToolInvocation call = call(true);
        Thread worker = new Thread(() -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                // what cancellation does to a running handler
            }
        });
        worker.start();
        call.runningOn(worker);
        SseSink sink = call.stream(PROGRESS);
        sink.close(); // the client went away
        call.emit(PROGRESS);
        assertTrue(call.cancelled(), "the call goes on for nobody");
        worker.join(5_000);
        assertFalse(worker.isAlive(), "the worker was not interrupted");
    }

    @Test
    void onLegacyRevisionsADisconnectIsNotACancellation() {
        ToolInvocation call = call(false);
        SseSink sink = call.stream(PROGRESS);
        sink.close();
        call.emit(PROGRESS);
        assertFalse(call.cancelled());
    }
}
