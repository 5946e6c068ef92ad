package org.trek.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Handing a legacy response or cancellation to the node that waits for it (the database is faked). */
class McpHandoverTest {

    static final class FakeStore extends McpHandoverStore {
        final List<McpHandoverRow> rows = new ArrayList<>();
        final List<Collection<String>> queried = new ArrayList<>();
        long nextId = 1;

        @Override
        public boolean put(String sessionHash, String kind, String requestKey, String payload) {
            if (rows.stream().filter(r -> r.getSessionHash().equals(sessionHash)).count() >= MAX_PER_SESSION) {
                return false;
            }
            McpHandoverRow row = new McpHandoverRow(sessionHash, kind, requestKey, payload, 0);
            try {
                var id = McpHandoverRow.class.getDeclaredField("id");
                id.setAccessible(true);
                id.set(row, nextId++);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            rows.add(row);
            return true;
        }

        @Override
        public List<McpHandoverRow> forSessions(Collection<String> sessionHashes, int limit) {
            queried.add(List.copyOf(sessionHashes));
            return rows.stream().filter(r -> sessionHashes.contains(r.getSessionHash())).limit(limit).toList();
        }

        @Override
        public void delete(Collection<Long> ids) {
            rows.removeIf(r -> ids.contains(r.getId()));
        }

        @Override
        public int purge(long olderThanMillis) {
            return 0;
        }
    }

    static McpHandover handover(LiveChannels channels, McpHandoverStore store) {
        McpHandover h = new McpHandover();
        h.channels = channels;
        h.store = store;
        return h;
    }

    static final JsonObject RESPONSE = Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", "trek-x-1")
            .add("result", Json.createObjectBuilder().add("model", "m")).build();

    @Test
    void aResponseForACallOnAnotherNodeIsStoredAndTakenThereOnly() throws Exception {
        LiveChannels here = new LiveChannels();
        LiveChannels there = new LiveChannels();
        FakeStore db = new FakeStore();
        McpHandover receiving = handover(here, db);
        McpHandover holding = handover(there, db);
        CompletableFuture<JsonObject> waiting = there.awaitAnswer("sess", "s:trek-x-1");

        receiving.answer("sess", "s:trek-x-1", RESPONSE);
        assertEquals(1, db.rows.size(), "not handed over");
        receiving.poll();                    // the receiving node waits for nothing: no query, nothing taken
        assertTrue(db.queried.isEmpty());
        assertEquals(1, db.rows.size());

        holding.poll();
        assertTrue(waiting.isDone());
        assertEquals("m", waiting.get().getJsonObject("result").getString("model"));
        assertTrue(db.rows.isEmpty(), "taken rows stay");
    }

    @Test
    void aResponseForThisNodeIsDeliveredAtOnceAndOtherSessionsCannotAnswer() {
        LiveChannels channels = new LiveChannels();
        FakeStore db = new FakeStore();
        McpHandover h = handover(channels, db);
        CompletableFuture<JsonObject> waiting = channels.awaitAnswer("sess", "s:trek-x-1");

        h.answer("other", "s:trek-x-1", RESPONSE);   // another session names the same request id
        h.poll();
        assertFalse(waiting.isDone(), "another session's response was delivered");
        assertEquals(1, db.rows.size(), "left for the purge");

        h.answer("sess", "s:trek-x-1", RESPONSE);
        assertTrue(waiting.isDone());
        assertEquals(1, db.rows.size(), "delivered locally, nothing stored");
    }

    @Test
    void aCancellationReachesTheRunningCallOnTheHoldingNode() {
        LiveChannels there = new LiveChannels();
        FakeStore db = new FakeStore();
        ToolInvocation call = new ToolInvocation(null, JsonObject.EMPTY_JSON_OBJECT, there, null);
        there.started("sess", "n:42", call);
        handover(new LiveChannels(), db).cancel("sess", "n:42");
        assertFalse(call.cancelled());
        handover(there, db).poll();
        assertTrue(call.cancelled());
        assertTrue(db.rows.isEmpty());
    }

    @Test
    void atMostSoManyMessagesWaitPerSession() {
        FakeStore db = new FakeStore();
        McpHandover h = handover(new LiveChannels(), db);
        for (int i = 0; i < McpHandoverStore.MAX_PER_SESSION + 5; i++) {
            h.cancel("sess", "n:" + i);
        }
        assertEquals(McpHandoverStore.MAX_PER_SESSION, db.rows.size());
    }
}
