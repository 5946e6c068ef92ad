package org.trek.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trek.mcp.protocol.EventStream;
import org.trek.mcp.protocol.Outbound;

/** How a tool call's answer leaves: JSON, or a stream once something is said first; and what cancellation does. */
class ToolInvocationTest {

    /** Records what the call answered. */
    static final class Captured implements Outbound, EventStream {
        final List<String> log = new ArrayList<>();
        boolean open = true;
        boolean clientGone;

        @Override
        public void json(int status, JsonValue body, Map<String, String> headers) {
            log.add("json " + status);
        }

        @Override
        public void status(int status, Map<String, String> headers) {
            log.add("status " + status);
        }

        @Override
        public EventStream events() {
            log.add("events");
            return this;
        }

        @Override
        public EventStream detachedEvents() {
            throw new AssertionError("a tool call never detaches");
        }

        @Override
        public boolean send(JsonObject message) {
            if (!open || clientGone) {
                open = false;
                return false;
            }
            log.add("send " + (message.containsKey("method") ? message.getString("method") : "result"));
            return true;
        }

        @Override
        public boolean keepAlive() {
            return open;
        }

        @Override
        public void close() {
            if (open) {
                log.add("close");
            }
            open = false;
        }

        @Override
        public boolean isOpen() {
            return open;
        }
    }

    private static ToolInvocation call(boolean modern, Captured out) {
        Exchange ex = new Exchange(null, modern, modern ? "2026-07-28" : "2025-11-25", modern ? null : "session",
                JsonValue.EMPTY_JSON_OBJECT, null, true, "127.0.0.1");
        return new ToolInvocation(ex, JsonValue.EMPTY_JSON_OBJECT, new LiveChannels(), out);
    }

    private static final JsonObject PROGRESS = Json.createObjectBuilder().add("jsonrpc", "2.0")
            .add("method", "notifications/progress").build();
    private static final JsonObject RESULT = Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", 1)
            .add("result", JsonValue.EMPTY_JSON_OBJECT).build();

    @Test
    void aResultAloneIsPlainJson() {
        Captured out = new Captured();
        call(false, out).complete(200, RESULT);
        assertEquals(List.of("json 200"), out.log);
    }

    @Test
    void somethingSaidFirstTurnsTheAnswerIntoAStreamThatEndsWithTheResult() {
        Captured out = new Captured();
        ToolInvocation call = call(false, out);
        call.emit(PROGRESS);
        call.emit(PROGRESS);
        call.complete(200, RESULT);
        assertEquals(List.of("events", "send notifications/progress", "send notifications/progress", "send result", "close"),
                out.log);
    }

    @Test
    void on2026AClosedStreamCancelsTheCall() throws Exception {
        Captured out = new Captured();
        ToolInvocation call = call(true, out);
        Thread worker = new Thread(() -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                // what cancellation does to a running handler
            }
        });
        worker.start();
        call.runningOn(worker);
        call.emit(PROGRESS);
        out.clientGone = true; // the client went away
        call.emit(PROGRESS);
        assertTrue(call.cancelled(), "the call goes on for nobody");
        worker.join(5_000);
        assertFalse(worker.isAlive(), "the worker was not interrupted");
    }

    @Test
    void onLegacyRevisionsADisconnectIsNotACancellation() {
        Captured out = new Captured();
        ToolInvocation call = call(false, out);
        call.emit(PROGRESS);
        out.clientGone = true;
        call.emit(PROGRESS);
        assertFalse(call.cancelled());
    }

    @Test
    void aCancelledCallAnswersNothingButAccepted() {
        Captured out = new Captured();
        ToolInvocation call = call(false, out);
        call.runningOn(Thread.currentThread());
        call.cancel();
        call.finished();
        assertFalse(Thread.currentThread().isInterrupted(), "the interrupt is cleared when the call ends");
        call.complete(200, RESULT);
        assertEquals(List.of("status 202"), out.log);
    }
}
