package org.trek.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trek.audit.Actor;
import org.trek.audit.AuditService;
import org.trek.mcp.protocol.EventStream;
import org.trek.mcp.protocol.Inbound;
import org.trek.mcp.protocol.InboundClassifier;
import org.trek.mcp.protocol.InboundRequest;
import org.trek.mcp.protocol.JsonRpc;
import org.trek.mcp.protocol.McpError;
import org.trek.mcp.protocol.Outbound;
import org.trek.mcp.protocol.ProtocolVersions;
import org.trek.mcp.protocol.Wire;
import org.trek.platform.JsonFactory;
import org.trek.platform.RateLimiter;
import org.trek.platform.auth.AccessGrant;
import org.trek.platform.limits.RequestRateLimiter;

/**
 * One request to /mcp, from what the transport read to what it answers: {@link InboundClassifier} says what the
 * request is, {@link McpAdmission} lets it in, then it is routed by wire — legacy sessions (initialize, the GET stream,
 * DELETE, batches, answers and cancellations for running calls) or 2026-07-28 requests — to the method table
 * ({@link McpDispatcher}), a tool call or a subscription stream. Knows nothing of HTTP: the answer goes out through
 * {@link Outbound}.
 */
@ApplicationScoped
public class McpRouter {
    private static final Logger LOG = Logger.getLogger(McpRouter.class.getName());
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "DELETE");

    @Inject
    McpAdmission admission;

    @Inject
    McpAuthenticator authenticator;

    @Inject
    McpSessionStore sessions;

    @Inject
    McpDispatcher dispatcher;

    @Inject
    LiveChannels channels;

    @Inject
    ResourceSubscriptions subscriptions;

    @Inject
    McpHandover handover;

    @Inject
    AuditService audit;

    @Inject
    RequestRateLimiter limiter;

    /** Answers one request on {@code out}; protocol errors are answered, not thrown. */
    public void handle(InboundRequest r, Outbound out) {
        Inbound in = InboundClassifier.classify(r);
        if (!HTTP_METHODS.contains(r.httpMethod()) && in instanceof Inbound.Rejected refused) {
            error(out, null, refused.error(), r.clientIp(), refused.allow(), null); // says nothing about anyone: no admission
            return;
        }
        AccessGrant grant;
        try {
            grant = admission.admit(r, in);
        } catch (McpError e) {
            // A rate-limit refusal follows a valid token: its record names the user; the others know nobody yet.
            error(out, in.id(), e, r.clientIp(), null, e instanceof McpAdmission.RateLimited limited ? limited.grant() : null);
            return;
        }
        try {
            if (in instanceof Inbound.Rejected refused) {
                error(out, refused.id(), refused.error(), r.clientIp(), refused.allow(), grant);
            } else if (in instanceof Inbound.Legacy legacy) {
                legacy(grant, legacy, r.clientIp(), out);
            } else if (in instanceof Inbound.LegacyBatch batch) {
                batch(grant, batch, r.clientIp(), out);
            } else if (in instanceof Inbound.Modern modern) {
                modern(grant, modern, r.clientIp(), out);
            } else if (in instanceof Inbound.ModernAccepted) {
                out.status(202, Map.of());
            } else if (in instanceof Inbound.OpenStream stream) {
                McpSession session = session(grant, stream.sessionId());
                LiveChannels.Channel channel = channels.openGetStream(session.key(), out::detachedEvents);
                if (channel == null) {
                    throw new McpError(JsonRpc.INVALID_REQUEST, "This session already has an open stream", null, 409);
                }
                channel.sink().keepAlive();
            } else if (in instanceof Inbound.EndSession end) {
                McpSession session = session(grant, end.sessionId());
                sessions.close(session.key());
                channels.closeSession(session.key());
                out.status(204, Map.of());
            }
        } catch (McpError e) {
            error(out, in.id(), e, r.clientIp(), null, grant);
        }
    }

    /** The live session of this id, bound to this grant (reference §9.3 #21: not only to the user). */
    private McpSession session(AccessGrant grant, String sessionId) {
        McpSession s = sessions.find(sessionId).orElseThrow(() ->
                // 2025-11-25 transports: an unknown or terminated session answers 404; the client re-initializes.
                new McpError(JsonRpc.SESSION_NOT_FOUND, "Session not found", null, 404));
        if (!s.grantId().equals(grant.grantId())) {
            throw new McpError(JsonRpc.SERVER_ERROR, "This session belongs to another grant", null, 403);
        }
        return s;
    }

    // ---------------------------------------------------------------- legacy wire

    private void legacy(AccessGrant grant, Inbound.Legacy in, String ip, Outbound out) {
        JsonRpc.Message msg = in.message();
        if ("initialize".equals(msg.method())) {
            initialize(grant, msg, ip, out);
            return;
        }
        McpSession s = session(grant, in.sessionId());
        Exchange ex = new Exchange(grant, false, s.protocolVersion(), s.key(), s.clientCapabilities(), s.logLevel(),
                in.canStream(), ip);
        if (msg.isResponse()) {
            // Delivered here, or handed over to the node running the call (no sticky routing needed).
            handover.answer(s.key(), idString(msg.id()), msg.raw());
            out.status(202, Map.of());
            return;
        }
        if (msg.isNotification()) {
            if ("notifications/cancelled".equals(msg.method()) && msg.params().get("requestId") != null) {
                handover.cancel(s.key(), idString(msg.params().get("requestId")));
            }
            out.status(202, Map.of());
            return;
        }
        if ("tools/call".equals(msg.method())) {
            toolCall(ex, msg, out);
            return;
        }
        try {
            JsonObject result;
            if ("logging/setLevel".equals(msg.method())) {
                String level = msg.params().get("level") instanceof JsonString l ? l.getString() : null;
                if (!Wire.LOG_LEVELS.contains(level)) {
                    throw McpError.invalidParams("Invalid params: level must be one of " + Wire.LOG_LEVELS);
                }
                sessions.setLogLevel(s.key(), level);
                result = JsonValue.EMPTY_JSON_OBJECT;
            } else {
                result = dispatcher.handle(ex, msg);
            }
            out.json(200, JsonRpc.result(msg.id(), result), Map.of());
        } catch (McpError e) {
            error(out, msg.id(), legacyStatus(e), ip, null, grant);
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

    private void initialize(AccessGrant grant, JsonRpc.Message msg, String ip, Outbound out) {
        String version = ProtocolVersions.negotiate(msg.params().getString("protocolVersion"));
        JsonObject caps = msg.params().get("capabilities") instanceof JsonObject c ? c : JsonValue.EMPTY_JSON_OBJECT;
        McpSessionStore.Opened opened = sessions.open(grant, version, caps.toString());
        for (String evicted : opened.evicted()) {
            channels.closeSession(evicted); // its streams here end now; other nodes see the row gone
            audit.record(new Actor(grant.userId(), grant.username(), ip), "mcp.session_evicted", grant.auditClient(),
                    Map.of("reason", "session limit", "limit", sessions.maxPerUser()));
        }
        Exchange ex = new Exchange(grant, false, version, opened.key(), caps, null, false, ip);
        JsonObject result = JsonFactory.createObjectBuilder()
                .add("protocolVersion", version)
                .add("capabilities", McpDispatcher.CAPABILITIES)
                .add("serverInfo", McpDispatcher.SERVER_INFO)
                .add("instructions", dispatcher.instructions(ex))
                .build();
        out.json(200, JsonRpc.result(msg.id(), result), Map.of(Wire.SESSION_HEADER, opened.sessionId()));
    }

    /** 2025-03-26 batches: requests run one by one, unstreamed; the answers come back as one array. */
    private void batch(AccessGrant grant, Inbound.LegacyBatch in, String ip, Outbound out) {
        McpSession s = session(grant, in.sessionId());
        if (!ProtocolVersions.V2025_03_26.equals(s.protocolVersion())) {
            throw McpError.invalidRequest("Invalid Request: batches are not supported in " + s.protocolVersion());
        }
        Exchange ex = new Exchange(grant, false, s.protocolVersion(), s.key(), s.clientCapabilities(), s.logLevel(),
                false, ip);
        dispatcher.requireScopesOf(ex, in.items().stream().filter(JsonRpc.Message.class::isInstance)
                .map(JsonRpc.Message.class::cast).filter(m -> m.isRequest() && "tools/call".equals(m.method())).toList());
        JsonArrayBuilder answers = JsonFactory.createArrayBuilder();
        int count = 0;
        for (Object item : in.items()) {
            if (item instanceof JsonRpc.IdentifiedError e) {
                answers.add(JsonRpc.error(e.id(), e.error()));
                count++;
                continue;
            }
            JsonRpc.Message msg = (JsonRpc.Message) item;
            if (!msg.isRequest()) {
                if (msg.isResponse()) {
                    handover.answer(s.key(), idString(msg.id()), msg.raw());
                }
                continue;
            }
            try {
                if ("tools/call".equals(msg.method())) {
                    ToolInvocation call = new ToolInvocation(ex, msg.params(), channels, null);
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
        if (count == 0) {
            out.status(202, Map.of());
        } else {
            out.json(200, answers.build(), Map.of());
        }
    }

    // ---------------------------------------------------------------- 2026-07-28 wire

    private void modern(AccessGrant grant, Inbound.Modern in, String ip, Outbound out) {
        JsonRpc.Message msg = in.message();
        Exchange ex = new Exchange(grant, true, in.version(), null, in.clientCapabilities(), in.logLevel(),
                in.canStream(), ip);
        try {
            switch (msg.method()) {
                case "tools/call" -> toolCall(ex, msg, out);
                case "subscriptions/listen" -> listen(ex, msg, out);
                default -> out.json(200, JsonRpc.result(msg.id(), McpDispatcher.withResultType(dispatcher.handle(ex, msg))),
                        Map.of());
            }
        } catch (McpError e) {
            error(out, msg.id(), e, ip, null, grant);
        }
    }

    /**
     * subscriptions/listen (2026-07-28 basic/patterns/subscriptions): acknowledge the honoured part of the filter as
     * the first message, then deliver the opted-in list_changed and resources/updated notifications, each tagged with
     * the subscription id, until the stream ends. A resource is honoured when the caller may read it now.
     */
    private void listen(Exchange ex, JsonRpc.Message msg, Outbound out) {
        if (!(msg.params().get("notifications") instanceof JsonObject filter)) {
            throw McpError.invalidParams("Invalid params: notifications is required");
        }
        boolean tools = filter.get("toolsListChanged") == JsonValue.TRUE;
        boolean prompts = filter.get("promptsListChanged") == JsonValue.TRUE;
        boolean resources = filter.get("resourcesListChanged") == JsonValue.TRUE;
        Set<String> resourceUris = new LinkedHashSet<>();
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
        JsonObject subMeta = JsonFactory.createObjectBuilder().add(Wire.META_SUBSCRIPTION_ID, msg.id()).build();
        JsonObject ack = JsonRpc.notification("notifications/subscriptions/acknowledged",
                JsonFactory.createObjectBuilder().add("notifications", honoured).add("_meta", subMeta).build());
        JsonObject end = JsonRpc.result(msg.id(), JsonFactory.createObjectBuilder().add("resultType", "complete")
                .add("_meta", subMeta).build());
        // The acknowledgement is the first message of the subscription (2026-07-28 SubscriptionsAcknowledgedNotification).
        EventStream stream = out.detachedEvents();
        channels.openListenStream(stream, tools, prompts, resources, msg.id(), ex.grant(), resourceUris, ack, end);
    }

    // ---------------------------------------------------------------- tools/call (both wires)

    /**
     * Runs the tool on this request's thread. Its answer is JSON, or an SSE stream once the tool says something before
     * its result ({@link ToolInvocation}); a legacy notifications/cancelled (any node) interrupts it.
     */
    private void toolCall(Exchange ex, JsonRpc.Message msg, Outbound out) {
        ToolInvocation call = new ToolInvocation(ex, msg.params(), channels, out);
        McpRegistry.ToolEntry tool;
        try {
            tool = dispatcher.prepareCall(ex, msg.params(), call);
        } catch (McpError e) {
            error(out, msg.id(), ex.modern() ? e : legacyStatus(e), ex.ip(), null, ex.grant());
            return;
        }
        String requestKey = idString(msg.id());
        if (ex.sessionKey() != null) {
            channels.started(ex.sessionKey(), requestKey, call);
        }
        call.runningOn(Thread.currentThread());
        try {
            JsonObject result = dispatcher.runTool(ex, tool, call);
            call.complete(200, JsonRpc.result(msg.id(), ex.modern() ? McpDispatcher.withResultType(result) : result));
        } catch (McpError e) {
            McpError shown = ex.modern() ? e : legacyStatus(e);
            call.complete(shown.httpStatus(), JsonRpc.error(msg.id(), shown));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "MCP tool call failed", e);
            call.complete(500, JsonRpc.error(msg.id(), new McpError(JsonRpc.INTERNAL_ERROR, "Internal error", null, 500)));
        } finally {
            call.finished(); // no interrupt reaches this thread after this line
            if (ex.sessionKey() != null) {
                channels.finished(ex.sessionKey(), requestKey);
            }
        }
    }

    // ---------------------------------------------------------------- errors

    /** {@code grant}: the valid token the request carried, or null when none was verified (yet). */
    private void error(Outbound out, JsonValue id, McpError e, String ip, String allow, AccessGrant grant) {
        if (e.httpStatus() == 401 || e.httpStatus() == 403 || e.httpStatus() == 429) {
            auditRejection(e, ip, grant);
        }
        Map<String, String> headers = new HashMap<>();
        String challenge = authenticator.challenge(e.wwwAuthenticate());
        if (challenge != null) {
            headers.put("WWW-Authenticate", challenge);
        }
        if (e instanceof McpAdmission.RateLimited r) {
            headers.put("Retry-After", String.valueOf(r.retryAfter()));
        }
        if (allow != null) {
            headers.put("Allow", allow);
        }
        out.json(e.httpStatus(), JsonRpc.error(id, e), headers);
    }

    /**
     * 401/403/429 at /mcp are audited (PRODUCT §7), sampled: at most 10 records per minute per (status, client IP),
     * so a misbehaving client cannot flood the audit log.
     */
    private void auditRejection(McpError e, String ip, AccessGrant grant) {
        try {
            RateLimiter.Decision sample = limiter.hit("mcp-audit:" + e.httpStatus() + ":" + ip, 10, Duration.ofMinutes(1));
            if (sample.allowed()) {
                // Names the user and client whenever the token was valid (a 403 or 429 after authentication);
                // an unauthenticated request has nobody to name. Both come from the cached grant: no database read.
                Actor actor = grant == null ? Actor.anonymous(ip) : new Actor(grant.userId(), grant.username(), ip);
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("status", e.httpStatus());
                details.put("reason", e.getMessage());
                if (grant != null) {
                    details.put("clientId", grant.auditClient());
                }
                details.put("sampled", true);
                audit.recordLater(actor, "mcp.rejected", "/mcp", details);
            }
        } catch (RuntimeException ex) {
            LOG.log(Level.FINE, "audit of an MCP rejection failed", ex);
        }
    }

    static String idString(JsonValue id) {
        if (id instanceof JsonString s) {
            return "s:" + s.getString();
        }
        if (id instanceof JsonNumber n) {
            return "n:" + n.toString();
        }
        return "x:" + id;
    }
}
