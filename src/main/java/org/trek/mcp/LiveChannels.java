package org.trek.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The open streams of this node: legacy GET streams, 2026 subscriptions/listen streams, in-flight tool calls that may
 * be cancelled, and server-to-client requests waiting for the client's answer. Session metadata itself is shared in
 * the database; only these live connections are node-local by nature.
 */
@ApplicationScoped
public class LiveChannels {
    /** Marker that ends a stream. */
    static final JsonObject END = Json.createObjectBuilder().add("end", true).build();

    /** A one-way stream of messages to a client; the writer drains the queue. */
    public static class Channel {
        final BlockingQueue<JsonObject> queue = new LinkedBlockingQueue<>();
        final String sessionKey;
        final boolean tools;
        final boolean prompts;
        final boolean resources;
        final JsonValue subscriptionId;

        Channel(String sessionKey, boolean tools, boolean prompts, boolean resources, JsonValue subscriptionId) {
            this.sessionKey = sessionKey;
            this.tools = tools;
            this.prompts = prompts;
            this.resources = resources;
            this.subscriptionId = subscriptionId;
        }

        public void send(JsonObject message) {
            queue.offer(message);
        }

        public void end() {
            queue.offer(END);
        }

        /** The next message, or null when none came within the wait (the writer then sends a keep-alive). */
        public JsonObject next(long millis) throws InterruptedException {
            return queue.poll(millis, TimeUnit.MILLISECONDS);
        }
    }

    private final Map<String, Channel> getStreams = new ConcurrentHashMap<>();
    private final Set<Channel> listenStreams = ConcurrentHashMap.newKeySet();
    private final Map<String, CompletableFuture<JsonObject>> pendingRequests = new ConcurrentHashMap<>();
    private final Map<String, ToolInvocation> running = new ConcurrentHashMap<>();

    /** Opens the one standalone GET stream a session may have; null when it already has one. */
    public Channel openGetStream(String sessionKey) {
        Channel c = new Channel(sessionKey, true, true, true, null);
        return getStreams.putIfAbsent(sessionKey, c) == null ? c : null;
    }

    public void closeGetStream(String sessionKey, Channel c) {
        getStreams.remove(sessionKey, c);
    }

    public Channel openListenStream(boolean tools, boolean prompts, boolean resources, JsonValue subscriptionId) {
        Channel c = new Channel(null, tools, prompts, resources, subscriptionId);
        listenStreams.add(c);
        return c;
    }

    public void closeListenStream(Channel c) {
        listenStreams.remove(c);
    }

    /** Ends the streams of a closed session and fails its pending server requests. */
    public void closeSession(String sessionKey) {
        Channel c = getStreams.remove(sessionKey);
        if (c != null) {
            c.end();
        }
        pendingRequests.entrySet().removeIf(e -> {
            if (e.getKey().startsWith(sessionKey + "|")) {
                e.getValue().cancel(false);
                return true;
            }
            return false;
        });
        running.entrySet().removeIf(e -> {
            if (e.getKey().startsWith(sessionKey + "|")) {
                e.getValue().cancel();
                return true;
            }
            return false;
        });
    }

    /** Sends a list_changed notification to every stream that asked for it. */
    public void listChanged(String kind) {
        String method = "notifications/" + kind + "/list_changed";
        for (Channel c : getStreams.values()) {
            c.send(JsonRpc.notification(method, null));
        }
        for (Channel c : listenStreams) {
            boolean wanted = switch (kind) {
                case "tools" -> c.tools;
                case "prompts" -> c.prompts;
                default -> c.resources;
            };
            if (wanted) {
                JsonObjectBuilder meta = Json.createObjectBuilder()
                        .add("io.modelcontextprotocol/subscriptionId", c.subscriptionId);
                c.send(JsonRpc.notification(method, Json.createObjectBuilder().add("_meta", meta).build()));
            }
        }
    }

    // ---------------------------------------------------------------- server-to-client requests (legacy wire)

    public CompletableFuture<JsonObject> awaitAnswer(String sessionKey, String requestId) {
        CompletableFuture<JsonObject> f = new CompletableFuture<>();
        pendingRequests.put(sessionKey + "|" + requestId, f);
        f.whenComplete((r, e) -> pendingRequests.remove(sessionKey + "|" + requestId));
        return f;
    }

    /** Delivers a client's response; false when no request of this session waits for it (on this node). */
    public boolean answer(String sessionKey, String requestId, JsonObject response) {
        CompletableFuture<JsonObject> f = pendingRequests.remove(sessionKey + "|" + requestId);
        return f != null && f.complete(response);
    }

    // ---------------------------------------------------------------- cancellation (legacy wire)

    void started(String sessionKey, String requestId, ToolInvocation invocation) {
        running.put(sessionKey + "|" + requestId, invocation);
    }

    void finished(String sessionKey, String requestId) {
        running.remove(sessionKey + "|" + requestId);
    }

    public void cancel(String sessionKey, String requestId) {
        ToolInvocation i = running.remove(sessionKey + "|" + requestId);
        if (i != null) {
            i.cancel();
        }
    }
}
