package org.trek.mcp;

import org.trek.mcp.protocol.JsonRpc;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trek.platform.AppConfig;
import org.trek.platform.auth.AccessGrant;
import org.trek.platform.JsonFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.trek.mcp.protocol.EventStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open streams of this node: legacy GET streams, 2026 subscriptions/listen streams, in-flight tool calls that may
 * be cancelled, and server-to-client requests waiting for the client's answer. Session metadata itself is shared in
 * the database; only these live connections are node-local by nature.
 */
@ApplicationScoped
public class LiveChannels {
    @PreDestroy
    void shutdown() {
        getStreams.values().forEach(Channel::end);
        listenStreams.forEach(Channel::end);
    }

    /** A long-lived stream to a client (legacy GET stream or a 2026 subscriptions/listen stream). */
    public static class Channel {
        final EventStream sink;
        final String sessionKey;
        final boolean tools;
        final boolean prompts;
        final boolean resources;
        final JsonValue subscriptionId;
        /** subscriptions/listen: the grant of the request that opened it, and the resources it subscribed to. */
        final AccessGrant grant;
        final Set<String> resourceUris;
        final long deadline;
        /** Sent when the stream ends on the server's side (the listen result), or null. */
        volatile JsonObject closing;

        Channel(EventStream sink, String sessionKey, boolean tools, boolean prompts, boolean resources,
                JsonValue subscriptionId, AccessGrant grant, Set<String> resourceUris, long lifetimeMs) {
            this.sink = sink;
            this.sessionKey = sessionKey;
            this.grant = grant;
            this.resourceUris = resourceUris == null ? Set.of() : Set.copyOf(resourceUris);
            this.tools = tools;
            this.prompts = prompts;
            this.resources = resources;
            this.subscriptionId = subscriptionId;
            this.deadline = System.currentTimeMillis() + lifetimeMs;
        }

        public EventStream sink() {
            return sink;
        }

        public boolean send(JsonObject message) {
            return sink.send(message);
        }

        public void end() {
            JsonObject last = closing;
            if (last != null) {
                sink.send(last);
            }
            sink.close();
        }
    }

    @Inject
    AppConfig config;

    /** Set when the first stream opens; from then on {@link McpTicker} calls {@link #tickIfDue} every second. */
    private volatile boolean ticking;
    private volatile long lastTick;

    private long lifetimeMs() {
        return Math.max(10, config.getInt("MCP_STREAM_MAX_SECONDS", 300)) * 1000L;
    }

    private void ensureTicker() {
        if (!ticking) {
            lastTick = System.currentTimeMillis();
            ticking = true;
        }
    }

    /** Every few seconds: keep-alive comments, ends streams past their lifetime, forgets streams whose client left. */
    void tickIfDue() {
        long now = System.currentTimeMillis();
        if (ticking && now - lastTick >= KEEP_ALIVE_SECONDS * 1000 - 100) {
            lastTick = now;
            checkStreams();
        }
    }

    private static final long KEEP_ALIVE_SECONDS = 5;

    @Inject
    McpSessionStore sessions;

    private void checkStreams() {
        long now = System.currentTimeMillis();
        try {
            // Sessions closed on another node (revoked grant, DELETE, expiry) end their streams here too.
            java.util.Set<String> live = sessions.live(getStreams.keySet());
            getStreams.entrySet().removeIf(e -> {
                if (!live.contains(e.getKey())) {
                    e.getValue().end();
                    return true;
                }
                return false;
            });
        } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger(LiveChannels.class.getName()).warning("session check failed: " + e);
        }
        getStreams.values().removeIf(c -> expireOrPing(c, now));
        listenStreams.removeIf(c -> expireOrPing(c, now));
    }

    private static boolean expireOrPing(Channel c, long now) {
        if (now > c.deadline) {
            c.end();
            return true;
        }
        return !c.sink.keepAlive();
    }

    private final Map<String, Channel> getStreams = new ConcurrentHashMap<>();
    private final Set<Channel> listenStreams = ConcurrentHashMap.newKeySet();
    private final Map<String, CompletableFuture<JsonObject>> pendingRequests = new ConcurrentHashMap<>();
    private final Map<String, ToolInvocation> running = new ConcurrentHashMap<>();

    /**
     * Opens the one standalone GET stream a session may have, with the stream {@code opener} starts; null (and nothing
     * is opened) when the session has an open one already.
     */
    public Channel openGetStream(String sessionKey, java.util.function.Supplier<EventStream> opener) {
        ensureTicker();
        synchronized (getStreams) {
            Channel existing = getStreams.get(sessionKey);
            if (existing != null && existing.sink.isOpen()) {
                return null;
            }
            Channel c = new Channel(opener.get(), sessionKey, true, true, true, null, null, null, lifetimeMs());
            getStreams.put(sessionKey, c);
            return c;
        }
    }

    public Channel openListenStream(EventStream sink, boolean tools, boolean prompts, boolean resources,
                                    JsonValue subscriptionId, AccessGrant grant, Set<String> resourceUris,
                                    JsonObject acknowledgement, JsonObject closing) {
        ensureTicker();
        Channel c = new Channel(sink, null, tools, prompts, resources, subscriptionId, grant, resourceUris, lifetimeMs());
        c.closing = closing;
        // The acknowledgement goes out before the stream is visible to anything that could notify it (2026-07-28:
        // no notification on a subscription before its acknowledgement).
        c.send(acknowledgement);
        listenStreams.add(c);
        return c;
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

    /** The sessions whose GET stream is open on this node. */
    public Set<String> getStreamKeys() {
        return Set.copyOf(getStreams.keySet());
    }

    /** Sends a message on a session's GET stream when this node holds it; false otherwise. */
    public boolean sendToSession(String sessionKey, JsonObject message) {
        Channel c = getStreams.get(sessionKey);
        return c != null && c.send(message);
    }

    /** The subscriptions/listen streams open on this node. */
    public java.util.List<Channel> listenStreams() {
        return java.util.List.copyOf(listenStreams);
    }

    public void endListenStream(Channel c) {
        if (listenStreams.remove(c)) {
            c.end();
        }
    }

    /** Ends the subscriptions/listen streams opened with a grant that was revoked. */
    public void closeListenStreamsOf(String grantId) {
        listenStreams.removeIf(c -> {
            if (c.grant != null && grantId.equals(c.grant.grantId())) {
                c.end();
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
                JsonObjectBuilder meta = JsonFactory.createObjectBuilder()
                        .add("io.modelcontextprotocol/subscriptionId", c.subscriptionId);
                c.send(JsonRpc.notification(method, JsonFactory.createObjectBuilder().add("_meta", meta).build()));
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

    /** Cancels a running call of this session; false when it does not run on this node. */
    public boolean cancel(String sessionKey, String requestId) {
        ToolInvocation i = running.remove(sessionKey + "|" + requestId);
        if (i != null) {
            i.cancel();
            return true;
        }
        return false;
    }

    /** The sessions with a call running or a server-to-client request waiting on this node (see {@link McpHandover}). */
    Set<String> waitingSessions() {
        Set<String> keys = new java.util.HashSet<>();
        for (String k : pendingRequests.keySet()) {
            keys.add(k.substring(0, k.indexOf('|')));
        }
        for (String k : running.keySet()) {
            keys.add(k.substring(0, k.indexOf('|')));
        }
        return keys;
    }
}
