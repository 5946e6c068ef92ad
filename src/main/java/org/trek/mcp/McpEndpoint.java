package org.trek.mcp;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.trek.platform.JsonFactory;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.Map;
import org.trek.platform.addons.AddonService;
import org.trek.audit.Actor;
import org.trek.audit.AuditService;
import org.trek.platform.AppConfig;
import org.trek.platform.RateLimiter;
import org.trek.platform.auth.AccessGrant;
import org.trek.platform.web.ClientIp;

/**
 * /mcp: Streamable HTTP for the legacy revisions (2025-03-26, 2025-06-18, 2025-11-25: initialize, Mcp-Session-Id,
 * GET stream, DELETE) and the stateless 2026-07-28 revision, on one URL (dual-era). A request belongs to the 2026 wire
 * when its MCP-Protocol-Version header or its params._meta protocol version names a non-legacy revision.
 * Order of checks: Host/Origin, addon, authentication, rate limit, media types, body size, JSON-RPC.
 */
@Path("mcp")
@RequestScoped
public class McpEndpoint {
    private static final Logger LOG = Logger.getLogger(McpEndpoint.class.getName());
    static final String SESSION_HEADER = "Mcp-Session-Id";
    static final String VERSION_HEADER = "MCP-Protocol-Version";
    static final String META_VERSION = "io.modelcontextprotocol/protocolVersion";
    static final String META_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    static final String META_LOG_LEVEL = "io.modelcontextprotocol/logLevel";
    private static final String SSE = "text/event-stream";
    private static final long TOOL_TIMEOUT_MS = 300_000;
    private static final long KEEP_ALIVE_MS = 2_000;

    @Inject
    McpAuthenticator authenticator;

    @Inject
    TransportGuard guard;

    @Inject
    AddonService addons;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    McpSessionStore sessions;

    @Inject
    McpDispatcher dispatcher;

    @Inject
    LiveChannels channels;

    @Inject
    ResourceSubscriptions subscriptions;

    @Inject
    McpEvents events;

    @Inject
    AppConfig config;

    @Inject
    AuditService audit;

    @Inject
    McpHandover handover;

    @Inject
    ToolRunner runner;

    @Context
    HttpServletRequest request;

    // ---------------------------------------------------------------- HTTP methods

    @POST
    public Response post(InputStream body) {
        JsonValue id = null;
        String raw = null;
        McpError unreadable = null;
        try {
            // Read (size-limited) before admission so that even a 401/403/429 answer echoes the request id:
            // the MCP schemas require an id on every JSON-RPC error that answers a request.
            try {
                raw = readLimited(body);
                id = JsonRpc.peekId(raw);
            } catch (McpError e) {
                unreadable = e;
            }
            AccessGrant grant = admit();
            if (unreadable != null) {
                throw unreadable;
            }
            String contentType = request.getContentType();
            if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                throw new McpError(JsonRpc.INVALID_REQUEST, "Content-Type must be application/json", null, 415);
            }
            String accept = request.getHeader("Accept");
            if (!acceptsJson(accept) && !acceptsSse(accept)) {
                throw new McpError(JsonRpc.INVALID_REQUEST,
                        "Accept must include application/json and text/event-stream", null, 406);
            }
            JsonStructure parsed = JsonRpc.parse(raw);
            if (parsed instanceof JsonArray batch) {
                return batch(grant, batch);
            }
            JsonRpc.Message msg = JsonRpc.message(parsed);
            id = msg.id();
            String header = trimmedHeader(VERSION_HEADER);
            JsonObject meta = msg.meta();
            boolean metaVersion = meta != null && meta.containsKey(META_VERSION);
            if (ProtocolVersions.isLegacyHeader(header) && !metaVersion) {
                return legacy(grant, msg);
            }
            return modern(grant, msg, header);
        } catch (JsonRpc.IdentifiedError e) {
            return error(e.id(), e.error());
        } catch (McpError e) {
            return error(id, e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "MCP request failed", e);
            return error(id, new McpError(JsonRpc.INTERNAL_ERROR, "Internal error", null, 500));
        }
    }

    /** Legacy standalone stream for server notifications (list_changed). */
    @GET
    public Response get() {
        try {
            AccessGrant grant = admit();
            if (!acceptsSse(request.getHeader("Accept"))) {
                throw new McpError(JsonRpc.INVALID_REQUEST, "Accept must include text/event-stream", null, 406);
            }
            Response notLegacy = notLegacy();
            if (notLegacy != null) {
                return notLegacy; // 2026-07-28 has no standalone stream; subscriptions/listen replaces it
            }
            McpSessionRecord session = session(grant, null);
            LiveChannels.Channel channel = channels.openGetStream(session.getSessionHash());
            if (channel == null) {
                throw new McpError(JsonRpc.INVALID_REQUEST, "This session already has an open stream", null, 409);
            }
            channel.sink().keepAlive();
            return sse(channel.sink()).build();
        } catch (McpError e) {
            return error(null, e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "MCP stream failed", e);
            return error(null, new McpError(JsonRpc.INTERNAL_ERROR, "Internal error", null, 500));
        }
    }

    /** Legacy session termination (2025-11-25 transports "Session Management"). */
    @DELETE
    public Response delete() {
        try {
            AccessGrant grant = admit();
            Response notLegacy = notLegacy();
            if (notLegacy != null) {
                return notLegacy; // 2026-07-28 has no sessions to end
            }
            McpSessionRecord session = session(grant, null);
            sessions.close(session.getSessionHash());
            channels.closeSession(session.getSessionHash());
            return Response.noContent().build();
        } catch (McpError e) {
            return error(null, e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "MCP delete failed", e);
            return error(null, new McpError(JsonRpc.INTERNAL_ERROR, "Internal error", null, 500));
        }
    }

    /**
     * GET and DELETE exist only on the legacy wire. Null when the MCP-Protocol-Version header is absent or legacy;
     * 405 for 2026-07-28; 400 for a value that is no revision we know (2025-06-18 transports, "Protocol Version
     * Header": an invalid or unsupported version MUST get 400 Bad Request).
     */
    private Response notLegacy() {
        String header = trimmedHeader(VERSION_HEADER);
        if (ProtocolVersions.isLegacyHeader(header)) {
            return null;
        }
        if (ProtocolVersions.MODERN.contains(header)) {
            return Response.status(405).header("Allow", "POST").build();
        }
        throw unsupportedVersion(header);
    }

    /** 2025-06-18 transports, "Protocol Version Header": an invalid or unsupported version MUST get 400. */
    private static McpError unsupportedVersion(String header) {
        return new McpError(JsonRpc.INVALID_REQUEST, "Unsupported MCP-Protocol-Version: " + header, null, 400);
    }

    // ---------------------------------------------------------------- admission

    /** Host/Origin, addon, bearer token, rate limit: the checks every request passes first. */
    private AccessGrant admit() {
        if (!guard.hostAllowed(request.getHeader("Host")) || !guard.originAllowed(request.getHeader("Origin"))) {
            throw new McpError(JsonRpc.SERVER_ERROR, "Forbidden: this Origin or Host is not allowed", null, 403);
        }
        if (!addons.isEnabled(AddonService.MCP)) {
            throw new McpError(JsonRpc.SERVER_ERROR, "MCP is not enabled on this server", null, 403);
        }
        AccessGrant grant = authenticator.authenticate(request.getHeader("Authorization"));
        // A node that serves MCP follows (and purges) the change feed; before its first request it has no streams.
        events.ensurePolling();
        int limit = config.getInt("MCP_RATE_LIMIT", 300);
        if (limit <= 0) {
            limit = 300;
        }
        String bucket = "mcp:" + grant.userId() + ":" + (grant.clientId() == null ? "native" : grant.clientId());
        RateLimiter.Decision d = rateLimiter.hit(bucket, limit, Duration.ofMinutes(1));
        if (!d.allowed()) {
            throw new RateLimited(d.retryAfterSeconds());
        }
        return grant;
    }

    /** 429 with Retry-After (RFC 6585 §4) and a JSON-RPC body. */
    static final class RateLimited extends McpError {
        final long retryAfter;

        RateLimited(long retryAfter) {
            super(JsonRpc.SERVER_ERROR, "Too many requests. Please slow down.", null, 429);
            this.retryAfter = retryAfter;
        }
    }

    private String readLimited(InputStream body) {
        long max = config.getLong("MCP_MAX_BODY_BYTES", 1_048_576L);
        McpError tooLarge = new McpError(JsonRpc.INVALID_REQUEST, "Request body too large (limit " + max + " bytes)",
                null, 413);
        if (request.getContentLengthLong() > max) {
            throw tooLarge;
        }
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            int n;
            while ((n = body.read(chunk)) != -1) {
                buffer.write(chunk, 0, n);
                if (buffer.size() > max) {
                    throw tooLarge;
                }
            }
            return buffer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw McpError.invalidRequest("The request body could not be read");
        }
    }

    private McpSessionRecord session(AccessGrant grant, JsonValue id) {
        String sessionId = trimmedHeader(SESSION_HEADER);
        if (sessionId == null) {
            throw new McpError(JsonRpc.INVALID_REQUEST, "Bad Request: Mcp-Session-Id header is required", null, 400);
        }
        McpSessionRecord s = sessions.find(sessionId).orElseThrow(() ->
                // 2025-11-25 transports: an unknown or terminated session answers 404; the client re-initializes.
                new McpError(JsonRpc.SESSION_NOT_FOUND, "Session not found", null, 404));
        if (!s.getGrantId().equals(grant.grantId())) {
            // A session is bound to the grant that opened it (reference §9.3 #21), not only to the user.
            throw new McpError(JsonRpc.SERVER_ERROR, "This session belongs to another grant", null, 403);
        }
        return s;
    }

    // ---------------------------------------------------------------- legacy wire

    private Response legacy(AccessGrant grant, JsonRpc.Message msg) {
        boolean canStream = acceptsSse(request.getHeader("Accept"));
        if ("initialize".equals(msg.method())) {
            return initialize(grant, msg);
        }
        String header = trimmedHeader(VERSION_HEADER);
        if (header != null && !ProtocolVersions.LEGACY.contains(header)) {
            // 2025-06-18 transports "Protocol Version Header": an unsupported version gets 400.
            throw new JsonRpc.IdentifiedError(msg.id(), unsupportedVersion(header));
        }
        McpSessionRecord s;
        try {
            s = session(grant, msg.id());
        } catch (McpError e) {
            throw new JsonRpc.IdentifiedError(msg.id(), e);
        }
        Exchange ex = new Exchange(grant, false, s.getProtocolVersion(), s.getSessionHash(), capabilities(s),
                s.getLogLevel(), canStream, ip());
        if (msg.isResponse()) {
            // Delivered here, or handed over to the node running the call (no sticky routing needed).
            handover.answer(s.getSessionHash(), idString(msg.id()), msg.raw());
            return Response.accepted().build();
        }
        if (msg.isNotification()) {
            if ("notifications/cancelled".equals(msg.method())
                    && msg.params().get("requestId") != null) {
                handover.cancel(s.getSessionHash(), idString(msg.params().get("requestId")));
            }
            return Response.accepted().build();
        }
        if ("tools/call".equals(msg.method())) {
            return toolCall(ex, msg);
        }
        try {
            if ("logging/setLevel".equals(msg.method())) {
                String level = msg.params().get("level") instanceof JsonString l ? l.getString() : null;
                if (!ToolInvocation.LEVELS.contains(level)) {
                    throw McpError.invalidParams("Invalid params: level must be one of " + ToolInvocation.LEVELS);
                }
                sessions.setLogLevel(s.getSessionHash(), level);
            }
            return json(200, JsonRpc.result(msg.id(), dispatcher.handle(ex, msg))).build();
        } catch (McpError e) {
            return error(msg.id(), legacyStatus(e));
        }
    }

    /** On the legacy wire method errors travel in a 200 answer, except the HTTP-level refusals. */
    private static McpError legacyStatus(McpError e) {
        int status = e.httpStatus();
        if (status == 401 || status == 403 || status == 429 || status == 413) {
            return e;
        }
        return new McpError(e.code(), e.getMessage(), e.data(), 200, e.wwwAuthenticate());
    }

    private Response initialize(AccessGrant grant, JsonRpc.Message msg) {
        if (trimmedHeader(SESSION_HEADER) != null || !msg.isRequest()) {
            throw new JsonRpc.IdentifiedError(msg.id(), McpError.invalidRequest(
                    "initialize must be a request and must not carry a session id"));
        }
        if (!(msg.params().get("protocolVersion") instanceof JsonString requested)) {
            throw new JsonRpc.IdentifiedError(msg.id(), McpError.invalidParams(
                    "Invalid params: protocolVersion is required"));
        }
        String version = ProtocolVersions.negotiate(requested.getString());
        JsonObject caps = msg.params().get("capabilities") instanceof JsonObject c ? c : JsonValue.EMPTY_JSON_OBJECT;
        McpSessionStore.Opened opened;
        try {
            opened = sessions.open(grant, version, caps.toString());
        } catch (McpSessionStore.SessionLimitException e) {
            throw new JsonRpc.IdentifiedError(msg.id(), new McpError(JsonRpc.SERVER_ERROR, e.getMessage(), null, 429));
        }
        Exchange ex = new Exchange(grant, false, version, opened.key(), caps, null, false, ip());
        JsonObject result = JsonFactory.createObjectBuilder()
                .add("protocolVersion", version)
                .add("capabilities", dispatcher.capabilities())
                .add("serverInfo", McpDispatcher.SERVER_INFO)
                .add("instructions", dispatcher.instructions(ex))
                .build();
        return json(200, JsonRpc.result(msg.id(), result)).header(SESSION_HEADER, opened.sessionId()).build();
    }

    private Response batch(AccessGrant grant, JsonArray batch) {
        // JSON-RPC batches exist only in 2025-03-26; later revisions removed them. Requests run one by one, unstreamed.
        if (batch.isEmpty()) {
            throw McpError.invalidRequest("Invalid Request: empty batch");
        }
        McpSessionRecord s = session(grant, null);
        if (!ProtocolVersions.V2025_03_26.equals(s.getProtocolVersion())) {
            throw McpError.invalidRequest("Invalid Request: batches are not supported in " + s.getProtocolVersion());
        }
        Exchange ex = new Exchange(grant, false, s.getProtocolVersion(), s.getSessionHash(), capabilities(s),
                s.getLogLevel(), false, ip());
        // Each item parsed once: a message, or the envelope error that is its answer.
        List<Object> items = new ArrayList<>();
        for (JsonValue item : batch) {
            try {
                items.add(JsonRpc.message(item));
            } catch (JsonRpc.IdentifiedError e) {
                items.add(e);
            }
        }
        dispatcher.requireScopesOf(ex, items.stream().filter(JsonRpc.Message.class::isInstance)
                .map(JsonRpc.Message.class::cast).filter(m -> m.isRequest() && "tools/call".equals(m.method())).toList());
        JsonArrayBuilder answers = JsonFactory.createArrayBuilder();
        int count = 0;
        for (Object item : items) {
            if (item instanceof JsonRpc.IdentifiedError e) {
                answers.add(JsonRpc.error(e.id(), e.error()));
                count++;
                continue;
            }
            JsonRpc.Message msg = (JsonRpc.Message) item;
            if (!msg.isRequest()) {
                if (msg.isResponse()) {
                    handover.answer(s.getSessionHash(), idString(msg.id()), msg.raw());
                }
                continue;
            }
            try {
                if ("tools/call".equals(msg.method())) {
                    ToolInvocation call = new ToolInvocation(ex, msg.params(), channels);
                    McpRegistry.ToolEntry tool = dispatcher.prepareCall(ex, msg.params(), call);
                    answers.add(JsonRpc.result(msg.id(), dispatcher.runTool(ex, tool, call)));
                } else if ("initialize".equals(msg.method())) {
                    throw McpError.invalidRequest("initialize cannot be batched");
                } else {
                    answers.add(JsonRpc.result(msg.id(), dispatcher.handle(ex, msg)));
                }
            } catch (McpError e) {
                answers.add(JsonRpc.error(msg.id(), e));
            } catch (RuntimeException e) {
                // one failing item must not turn the answers of the others into a 500
                LOG.log(Level.WARNING, "MCP batch item failed", e);
                answers.add(JsonRpc.error(msg.id(), new McpError(JsonRpc.INTERNAL_ERROR, "Internal error", null, 500)));
            }
            count++;
        }
        return count == 0 ? Response.accepted().build()
                : Response.ok(answers.build().toString(), "application/json").build();
    }

    private static JsonObject capabilities(McpSessionRecord s) {
        try {
            return JsonRpc.parse(s.getClientCapabilities() == null ? "{}" : s.getClientCapabilities())
                    instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        } catch (McpError e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    // ---------------------------------------------------------------- 2026-07-28 wire

    private Response modern(AccessGrant grant, JsonRpc.Message msg, String header) {
        if (!msg.isRequest()) {
            if (!ProtocolVersions.MODERN.contains(header)) {
                // neither a legacy nor a 2026-07-28 header: not silently accepted (400, as every revision asks)
                throw unsupportedVersion(header);
            }
            return Response.accepted().build();
        }
        JsonValue id = msg.id();
        JsonObject meta = msg.meta();
        // 1. Required _meta keys (2026-07-28 basic: every request carries protocolVersion and clientCapabilities).
        if (meta == null || !(meta.get(META_VERSION) instanceof JsonString metaVersion)
                || !(meta.get(META_CAPABILITIES) instanceof JsonObject caps)) {
            throw new JsonRpc.IdentifiedError(id, McpError.invalidParams(
                    "Invalid params: _meta must carry " + META_VERSION + " and " + META_CAPABILITIES));
        }
        // 2. The MCP-Protocol-Version header must equal _meta (HeaderMismatchError, HTTP 400).
        if (header == null || !header.equals(metaVersion.getString())) {
            throw new JsonRpc.IdentifiedError(id, new McpError(JsonRpc.HEADER_MISMATCH,
                    "MCP-Protocol-Version header does not match _meta protocolVersion", null, 400));
        }
        // 3. A revision we speak (UnsupportedProtocolVersionError lists the supported ones).
        if (!ProtocolVersions.MODERN.contains(header)) {
            JsonObject data = JsonFactory.createObjectBuilder().add("supported", McpDispatcher.array(ProtocolVersions.MODERN))
                    .add("requested", header).build();
            throw new JsonRpc.IdentifiedError(id, new McpError(JsonRpc.UNSUPPORTED_PROTOCOL_VERSION,
                    "Unsupported protocol version: " + header, data, 400));
        }
        // 4. Standard headers mirror the body (SEP-2243): Mcp-Method always, Mcp-Name for named requests.
        if (!msg.method().equals(trimmedHeader("Mcp-Method"))) {
            throw new JsonRpc.IdentifiedError(id, new McpError(JsonRpc.HEADER_MISMATCH,
                    "Mcp-Method header is missing or does not match the body method", null, 400));
        }
        String nameField = switch (msg.method()) {
            case "tools/call", "prompts/get" -> "name";
            case "resources/read" -> "uri";
            default -> null;
        };
        if (nameField != null && msg.params().get(nameField) instanceof JsonString name
                && !name.getString().equals(headerValue(trimmedHeader("Mcp-Name")))) {
            throw new JsonRpc.IdentifiedError(id, new McpError(JsonRpc.HEADER_MISMATCH,
                    "Mcp-Name header is missing or does not match the body", null, 400));
        }
        String logLevel = meta.get(META_LOG_LEVEL) instanceof JsonString l && ToolInvocation.LEVELS.contains(l.getString())
                ? l.getString() : null;
        Exchange ex = new Exchange(grant, true, header, null, caps, logLevel, acceptsSse(request.getHeader("Accept")),
                ip());
        try {
            return switch (msg.method()) {
                case "tools/call" -> toolCall(ex, msg);
                case "subscriptions/listen" -> listen(ex, msg);
                case "initialize" -> throw McpError.methodNotFound(msg.method());
                default -> json(200, JsonRpc.result(id, McpDispatcher.withResultType(dispatcher.handle(ex, msg))))
                        .build();
            };
        } catch (McpError e) {
            return error(id, e);
        }
    }

    /**
     * subscriptions/listen (2026-07-28 basic/patterns/subscriptions): acknowledge the honoured part of the filter as
     * the first message, then deliver the opted-in list_changed and resources/updated notifications, each tagged with
     * the subscription id, until the stream ends. A resource is honoured when the caller may read it now.
     */
    private Response listen(Exchange ex, JsonRpc.Message msg) {
        if (!(msg.params().get("notifications") instanceof JsonObject filter)) {
            throw McpError.invalidParams("Invalid params: notifications is required");
        }
        boolean tools = filter.get("toolsListChanged") == JsonValue.TRUE;
        boolean prompts = filter.get("promptsListChanged") == JsonValue.TRUE;
        boolean resources = filter.get("resourcesListChanged") == JsonValue.TRUE;
        java.util.Set<String> resourceUris = new java.util.LinkedHashSet<>();
        JsonValue requested = filter.get("resourceSubscriptions");
        if (requested != null && requested.getValueType() != JsonValue.ValueType.NULL) {
            if (!(requested instanceof JsonArray uris) || uris.stream().anyMatch(u -> !(u instanceof JsonString))) {
                throw McpError.invalidParams("Invalid params: resourceSubscriptions must be an array of strings");
            }
            if (uris.size() > ResourceSubscriptions.MAX_PER_SESSION) {
                throw McpError.invalidParams("Invalid params: at most " + ResourceSubscriptions.MAX_PER_SESSION
                        + " resourceSubscriptions");
            }
            for (JsonValue u : uris) {
                String uri = ((JsonString) u).getString();
                // The server MUST NOT send what was not asked for, and acknowledges only what it will honour.
                if (uri.length() <= McpChangeFeed.MAX_TARGET && subscriptions.mayRead(ex.grant(), uri)) {
                    resourceUris.add(uri);
                }
            }
        }
        var honoured = JsonFactory.createObjectBuilder();
        if (tools) {
            honoured.add("toolsListChanged", true);
        }
        if (prompts) {
            honoured.add("promptsListChanged", true);
        }
        if (resources) {
            honoured.add("resourcesListChanged", true);
        }
        if (requested instanceof JsonArray) {
            JsonArrayBuilder acknowledged = JsonFactory.createArrayBuilder();
            resourceUris.forEach(acknowledged::add);
            honoured.add("resourceSubscriptions", acknowledged);
        }
        JsonObject subMeta = JsonFactory.createObjectBuilder().add("io.modelcontextprotocol/subscriptionId", msg.id()).build();
        JsonObject ack = JsonRpc.notification("notifications/subscriptions/acknowledged",
                JsonFactory.createObjectBuilder().add("notifications", honoured).add("_meta", subMeta).build());
        JsonObject end = JsonRpc.result(msg.id(), JsonFactory.createObjectBuilder().add("resultType", "complete")
                .add("_meta", subMeta).build());
        // The acknowledgement is the first message of the subscription (2026-07-28 SubscriptionsAcknowledgedNotification).
        LiveChannels.Channel channel = channels.openListenStream(tools, prompts, resources, msg.id(), ex.grant(),
                resourceUris, ack, end);
        return sse(channel.sink()).build();
    }

    // ---------------------------------------------------------------- tools/call (both wires)

    private Response toolCall(Exchange ex, JsonRpc.Message msg) {
        ToolInvocation call = new ToolInvocation(ex, msg.params(), channels);
        McpRegistry.ToolEntry tool;
        try {
            tool = dispatcher.prepareCall(ex, msg.params(), call);
        } catch (McpError e) {
            return error(msg.id(), ex.modern() ? e : legacyStatus(e));
        }
        String requestKey = idString(msg.id());
        if (ex.sessionKey() != null) {
            channels.started(ex.sessionKey(), requestKey, call);
        }
        runner.run(() -> {
            call.runningOn(Thread.currentThread());
            try {
                JsonObject result = dispatcher.runTool(ex, tool, call);
                call.complete(200, JsonRpc.result(msg.id(),
                        ex.modern() ? McpDispatcher.withResultType(result) : result));
            } catch (McpError e) {
                McpError shown = ex.modern() ? e : legacyStatus(e);
                call.complete(shown.httpStatus(), JsonRpc.error(msg.id(), shown));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "MCP tool call failed", e);
                call.complete(500, JsonRpc.error(msg.id(),
                        new McpError(JsonRpc.INTERNAL_ERROR, "Internal error", null, 500)));
            } finally {
                if (ex.sessionKey() != null) {
                    channels.finished(ex.sessionKey(), requestKey);
                }
            }
        });
        JsonObject first;
        try {
            first = call.out.poll(TOOL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel();
            return error(msg.id(), new McpError(JsonRpc.INTERNAL_ERROR, "Interrupted", null, 500));
        }
        if (first == null) {
            call.cancel();
            return error(msg.id(), new McpError(JsonRpc.INTERNAL_ERROR, "The tool timed out", null, 500));
        }
        if (first == LiveChannels.END) {
            // Cancelled by the client: no response is sent for the request (2025-11-25 utilities/cancellation).
            return Response.accepted().build();
        }
        if (first.containsKey("final")) {
            return json(first.getInt("status"), first.getJsonObject("final")).build();
        }
        // Something to say before the result: the answer becomes an SSE stream on this POST.
        return sse(call.stream(first)).build();
    }

    private static Response.ResponseBuilder sse(SseSink sink) {
        return Response.ok(sink.output(), SSE).header("Cache-Control", "no-cache, no-store").header("X-Accel-Buffering", "no");
    }

    private static Response.ResponseBuilder json(int status, JsonObject body) {
        return Response.status(status).entity(body.toString()).type("application/json");
    }

    private Response error(JsonValue id, McpError e) {
        if (e.httpStatus() == 401 || e.httpStatus() == 403 || e.httpStatus() == 429) {
            auditRejection(e);
        }
        Response.ResponseBuilder b = json(e.httpStatus(), JsonRpc.error(id, e));
        String challenge = authenticator.challenge(e.wwwAuthenticate());
        if (challenge != null) {
            b.header("WWW-Authenticate", challenge);
        }
        if (e instanceof RateLimited r) {
            b.header("Retry-After", String.valueOf(r.retryAfter));
        }
        return b.build();
    }

    /**
     * 401/403/429 at /mcp are audited (PRODUCT §7), sampled: at most 10 records per minute per (status, client IP),
     * so a misbehaving client cannot flood the audit log.
     */
    private void auditRejection(McpError e) {
        try {
            String ip = ip();
            RateLimiter.Decision sample = rateLimiter.hit("mcp-audit:" + e.httpStatus() + ":" + ip, 10,
                    Duration.ofMinutes(1));
            if (sample.allowed()) {
                audit.record(Actor.anonymous(ip), "mcp.rejected", "/mcp",
                        Map.of("status", e.httpStatus(), "reason", e.getMessage(), "sampled", true));
            }
        } catch (RuntimeException ex) {
            LOG.log(Level.FINE, "audit of an MCP rejection failed", ex);
        }
    }

    private static boolean acceptsJson(String accept) {
        return accept == null || accept.contains("application/json") || accept.contains("*/*")
                || accept.contains("application/*");
    }

    private static boolean acceptsSse(String accept) {
        return accept == null || accept.contains(SSE) || accept.contains("*/*");
    }

    /**
     * A mirrored header's value as the client meant it (2026-07-28 streamable-http, "Value Encoding": servers MUST
     * decode {@code =?base64?…?=} before comparing). Null when absent, or when the encoding is broken (not Base64,
     * not UTF-8), which then fails the comparison as a mismatch.
     */
    static String headerValue(String raw) {
        if (raw == null || !raw.startsWith("=?base64?") || !raw.endsWith("?=") || raw.length() < 11) {
            return raw;
        }
        try {
            byte[] bytes = java.util.Base64.getDecoder().decode(raw.substring(9, raw.length() - 2));
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    private String trimmedHeader(String name) {
        String v = request.getHeader(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private String ip() {
        return ClientIp.resolve(request, config.trustedProxies());
    }

    private static String idString(JsonValue id) {
        if (id instanceof JsonString s) {
            return "s:" + s.getString();
        }
        if (id instanceof JsonNumber n) {
            return "n:" + n.toString();
        }
        return "x:" + id;
    }
}
