package org.trek.mcp;

import org.trek.mcp.protocol.McpError;
import org.trek.mcp.protocol.JsonRpc;
import org.trek.platform.JsonFactory;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.trek.mcp.protocol.EventStream;
import org.trek.mcp.protocol.Outbound;
import org.trek.mcp.protocol.Wire;
import org.trek.platform.auth.AccessGrant;

/**
 * One running tools/call. The handler runs on the request's own thread; the answer is plain JSON unless the handler
 * has something to say before its result (progress, log messages, a request to the client): the first such message
 * turns the answer into an SSE stream on this request ({@link Outbound#events()}), and the result is its last message.
 */
public class ToolInvocation implements McpToolCall {
    private static final long CLIENT_ANSWER_TIMEOUT_SECONDS = 120;
    private static final AtomicInteger SERVER_REQUEST_IDS = new AtomicInteger();
    /** Server request ids are unique across nodes: a response handed over to another node cannot match its requests. */
    private static final String NODE_PREFIX = "trek-" + org.trek.platform.SecureRandoms.token(48) + "-";

    private final Exchange exchange;
    private final JsonObject params;
    private final LiveChannels channels;
    private final Outbound outbound;
    private volatile JsonObject arguments = JsonValue.EMPTY_JSON_OBJECT;
    private volatile boolean cancelled;
    private Thread worker;
    private final Object lock = new Object();
    /** The SSE answer, once something was said before the result. */
    private EventStream stream;
    private boolean answered;

    ToolInvocation(Exchange exchange, JsonObject params, LiveChannels channels, Outbound outbound) {
        this.exchange = exchange;
        this.params = params;
        this.channels = channels;
        this.outbound = outbound;
    }

    void arguments(JsonObject arguments) {
        this.arguments = arguments;
    }

    void runningOn(Thread thread) {
        this.worker = thread;
    }

    /** The worker is done: no interrupt can reach it after this returns, and one that came is cleared. */
    void finished() {
        synchronized (lock) {
            worker = null;
        }
        Thread.interrupted();
    }

    /**
     * A notification or server request, on the answer's stream (opened by the first one). On 2026-07-28 a stream the
     * client closed cancels the call (streamable-http, "Cancellation": closing the SSE response stream MUST be treated
     * as cancellation of that request); on the legacy revisions a disconnect is not a cancellation (2025-11-25
     * transports: it SHOULD NOT be read as one), so the work finishes.
     */
    void emit(JsonObject message) {
        boolean gone;
        synchronized (lock) {
            if (cancelled || answered || outbound == null) {
                return;
            }
            if (stream == null) {
                stream = outbound.events();
            }
            gone = !stream.send(message);
        }
        if (gone && exchange.modern() && !cancelled) {
            cancel();
        }
    }

    /**
     * The final response: the last message of the stream, or the plain JSON answer. A cancelled call answers
     * nothing (2025-11-25 utilities/cancellation: no response for a cancelled request): 202 when nothing was sent.
     */
    void complete(int status, JsonObject response) {
        synchronized (lock) {
            if (answered) {
                return;
            }
            answered = true;
            if (stream != null) {
                if (!cancelled) {
                    stream.send(response);
                }
                stream.close();
            } else if (outbound == null) {
                return; // a batch item: its caller collects the result
            } else if (cancelled) {
                outbound.status(202, java.util.Map.of());
            } else {
                outbound.json(status, response, java.util.Map.of());
            }
        }
    }

    void cancel() {
        cancelled = true;
        synchronized (lock) {
            if (stream != null) {
                stream.close();
            }
            if (worker != null) {
                worker.interrupt();
            }
        }
    }

    @Override
    public JsonObject arguments() {
        return arguments;
    }

    @Override
    public AccessGrant grant() {
        return exchange.grant();
    }

    @Override
    public boolean modern() {
        return exchange.modern();
    }

    @Override
    public JsonObject clientCapabilities() {
        return exchange.clientCapabilities();
    }

    @Override
    public JsonObject inputResponses() {
        return params.get("inputResponses") instanceof JsonObject o ? o : null;
    }

    @Override
    public String requestState() {
        return params.get("requestState") instanceof JsonString s ? s.getString() : null;
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    @Override
    public JsonValue progressToken() {
        JsonValue meta = params.get("_meta");
        if (meta instanceof JsonObject m) {
            JsonValue token = m.get("progressToken");
            if (token instanceof JsonString || token instanceof JsonNumber) {
                return token;
            }
        }
        return null;
    }

    /** Progress notifications go out only when the client sent a progress token (2025-11-25 utilities/progress). */
    @Override
    public void progress(double progress, Double total, String message) {
        JsonValue token = progressToken();
        if (token == null || !exchange.canStream()) {
            return;
        }
        JsonObjectBuilder p = JsonFactory.createObjectBuilder().add("progressToken", token).add("progress", progress);
        if (total != null) {
            p.add("total", total);
        }
        if (message != null) {
            p.add("message", message);
        }
        emit(JsonRpc.notification("notifications/progress", p.build()));
    }

    /** Log messages go out only at or above the level the client set; never when it set none. */
    @Override
    public void log(String level, String message) {
        String min = exchange.logLevel();
        if (min == null || !exchange.canStream() || Wire.LOG_LEVELS.indexOf(level) < Wire.LOG_LEVELS.indexOf(min)) {
            return;
        }
        emit(JsonRpc.notification("notifications/message",
                JsonFactory.createObjectBuilder().add("level", level).add("logger", "trek").add("data", message).build()));
    }

    @Override
    public void notify(String method, JsonObject params) {
        if (exchange.canStream()) {
            emit(JsonRpc.notification(method, params));
        }
    }

    @Override
    public void listChanged(String kind) {
        channels.listChanged(kind);
    }

    @Override
    public JsonObject request(String method, JsonObject requestParams) {
        // The 2026-07-28 wire forbids server-initiated requests (use InputRequiredException instead).
        if (exchange.modern() || exchange.sessionKey() == null || !exchange.canStream()) {
            throw new McpError(JsonRpc.INVALID_REQUEST, "This client cannot receive requests from the server", null, 400);
        }
        String capability = method.startsWith("sampling/") ? "sampling" : method.startsWith("elicitation/")
                ? "elicitation" : method.startsWith("roots/") ? "roots" : null;
        if (capability != null && !(exchange.clientCapabilities().get(capability) instanceof JsonObject)) {
            throw new McpError(JsonRpc.INVALID_REQUEST, "The client did not declare the " + capability
                    + " capability", null, 400);
        }
        String id = NODE_PREFIX + SERVER_REQUEST_IDS.incrementAndGet();
        CompletableFuture<JsonObject> answer = channels.awaitAnswer(exchange.sessionKey(), "s:" + id);
        emit(JsonRpc.request(JsonFactory.createValue(id), method, requestParams));
        try {
            JsonObject response = answer.get(CLIENT_ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (response.get("result") instanceof JsonObject result) {
                return result;
            }
            throw new McpError(JsonRpc.INTERNAL_ERROR, "The client refused the " + method + " request", null, 500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("cancelled");
        } catch (ExecutionException | TimeoutException | CancellationException e) {
            answer.cancel(false);
            throw new McpError(JsonRpc.INTERNAL_ERROR, "The client did not answer the " + method + " request", null,
                    500);
        }
    }
}
