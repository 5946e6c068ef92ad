package org.trek.mcp;

import org.trek.mcp.protocol.McpError;
import org.trek.mcp.protocol.JsonRpc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Legacy server-to-client requests across nodes. A tool call that asks the client for sampling or elicitation waits
 * on the node that runs it; the client's response POST (and a notifications/cancelled for the call) may reach any
 * node behind a round-robin balancer. The receiving node delivers it at once when it holds the call; otherwise it
 * stores it in mcp_handover, for the same session (the endpoint has checked the session's grant), and the node
 * holding the call takes it from there: it looks once a second, with the change feed ({@link McpEvents}), and only
 * while it has calls or requests waiting, only for their sessions. Rows nobody takes (the call ended meanwhile) are purged after
 * {@value #KEEP_MS} ms; at most {@link McpHandoverStore#MAX_PER_SESSION} wait per session.
 */
@ApplicationScoped
public class McpHandover {
    private static final Logger LOG = Logger.getLogger(McpHandover.class.getName());
    static final String ANSWER = "answer";
    static final String CANCEL = "cancel";
    static final long KEEP_MS = 60_000;
    private static final long PURGE_EVERY_MS = 30_000;
    private static final int MAX_KEY = 300;
    /** The largest response handed over (the request body limit applies before; this bounds the row). */
    static final int MAX_PAYLOAD_CHARS = 1_048_576;
    private static final int BATCH = 200;

    @Inject
    LiveChannels channels;

    @Inject
    McpHandoverStore store;

    private long lastPurge;

    /** The client's response to a server-to-client request of this session. */
    public void answer(String sessionKey, String requestKey, JsonObject response) {
        if (channels.answer(sessionKey, requestKey, response)) {
            return;
        }
        String payload = response.toString();
        if (requestKey.length() > MAX_KEY || payload.length() > MAX_PAYLOAD_CHARS) {
            LOG.fine("MCP response not handed over: too large");
            return;
        }
        if (!store.put(sessionKey, ANSWER, requestKey, payload)) {
            LOG.fine("MCP response not handed over: too many waiting for the session");
        }
    }

    /** notifications/cancelled for a request of this session (2025-11-25 utilities/cancellation). */
    public void cancel(String sessionKey, String requestKey) {
        if (channels.cancel(sessionKey, requestKey) || requestKey.length() > MAX_KEY) {
            return;
        }
        if (!store.put(sessionKey, CANCEL, requestKey, null)) {
            LOG.fine("MCP cancellation not handed over: too many waiting for the session");
        }
    }

    /** Takes the messages handed over to this node's calls; run by the change-feed poller once a second. */
    synchronized void poll() {
        try {
            long now = System.currentTimeMillis();
            if (now - lastPurge > PURGE_EVERY_MS) {
                lastPurge = now;
                store.purge(now - KEEP_MS);
            }
            Set<String> waiting = channels.waitingSessions();
            if (waiting.isEmpty()) {
                return; // nothing here could take a message: no query
            }
            List<Long> taken = new ArrayList<>();
            for (McpHandoverRow row : store.forSessions(waiting, BATCH)) {
                if (take(row)) {
                    taken.add(row.getId());
                }
            }
            store.delete(taken);
        } catch (RuntimeException e) {
            // a failing poll must not keep the stream upkeep of this beat from running
            LOG.log(Level.WARNING, "MCP handover poll failed: " + e);
        }
    }

    private boolean take(McpHandoverRow row) {
        if (CANCEL.equals(row.getKind())) {
            return channels.cancel(row.getSessionHash(), row.getRequestKey());
        }
        if (ANSWER.equals(row.getKind()) && row.getPayload() != null) {
            try {
                if (JsonRpc.parse(row.getPayload()) instanceof JsonObject response) {
                    return channels.answer(row.getSessionHash(), row.getRequestKey(), response);
                }
            } catch (McpError e) {
                return false; // cannot happen for what the endpoint parsed; the purge drops it
            }
        }
        return false;
    }
}
