package org.trek.mcp;

import org.trek.mcp.protocol.ProtocolVersions;
import org.trek.mcp.protocol.McpError;
import org.trek.mcp.protocol.JsonRpc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trek.platform.JsonFactory;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trek.audit.Actor;
import org.trek.audit.AuditService;
import org.trek.mcp.registry.InvalidParamsException;
import org.trek.mcp.registry.PromptDefinition;
import org.trek.mcp.registry.PromptRenderer;
import org.trek.mcp.registry.ResourceContents;
import org.trek.mcp.registry.ResourceNotFoundException;
import org.trek.mcp.registry.ToolException;
import org.trek.mcp.registry.ToolResult;

/** The MCP methods, for both wires: what each request answers. Transport concerns live in {@link McpEndpoint}. */
@ApplicationScoped
public class McpDispatcher {
    private static final Logger LOG = Logger.getLogger(McpDispatcher.class.getName());
    static final String SERVER_INFO_META = "io.modelcontextprotocol/serverInfo";
    static final JsonObject SERVER_INFO = JsonFactory.createObjectBuilder().add("name", "TREK MCP").add("version", "1.0.0")
            .build();
    private static final int TOOL_PAGE = 200;
    private static final int PAGE = 100;
    /** Lists change only with an addon toggle or a grant (both announced); reads are live data. */
    private static final long LIST_TTL_MS = 300_000;

    @Inject
    McpRegistry registry;

    @Inject
    StaticTokenNotice notice;

    @Inject
    AuditService audit;

    @Inject
    LiveChannels channels;

    @Inject
    ResourceSubscriptions subscriptions;

    /**
     * Capabilities: the same handlers on both wires. Resource subscriptions are resources/subscribe on the legacy
     * wire and subscriptions/listen's resourceSubscriptions on 2026-07-28; either way the server supports them.
     */
    static final JsonObject CAPABILITIES = JsonFactory.createObjectBuilder()
            .add("tools", JsonFactory.createObjectBuilder().add("listChanged", true))
            .add("resources", JsonFactory.createObjectBuilder().add("subscribe", true).add("listChanged", true))
            .add("prompts", JsonFactory.createObjectBuilder().add("listChanged", true))
            .add("completions", JsonValue.EMPTY_JSON_OBJECT)
            .add("logging", JsonValue.EMPTY_JSON_OBJECT)
            .build();

    String instructions(Exchange ex) {
        return instructionsText + (ex.grant().staticToken() ? "\n\n" + StaticTokenNotice.TEXT : "");
    }

    /** The layer's own text plus every feature's section, joined once (the providers never change). */
    @Inject
    void collectInstructions(jakarta.enterprise.inject.Instance<org.trek.mcp.registry.InstructionsProvider> providers) {
        StringBuilder text = new StringBuilder(ServerInstructions.TEXT);
        providers.stream().sorted(java.util.Comparator.comparingInt(org.trek.mcp.registry.InstructionsProvider::order))
                .forEach(p -> text.append("\n\n").append(p.instructions().strip()));
        instructionsText = text.toString();
    }

    private String instructionsText = ServerInstructions.TEXT;

    private static final Set<MethodTable.Wire> LEGACY = EnumSet.of(MethodTable.Wire.LEGACY);
    private static final Set<MethodTable.Wire> MODERN = EnumSet.of(MethodTable.Wire.MODERN);
    private static final Set<MethodTable.Wire> BOTH = EnumSet.allOf(MethodTable.Wire.class);

    /** The methods of both wires (2026-07-28 removed ping, logging/setLevel and resources/(un)subscribe). */
    final MethodTable table = new MethodTable()
            .add("initialize", LEGACY, null)
            .add("ping", LEGACY, (ex, p) -> JsonValue.EMPTY_JSON_OBJECT)
            .add("logging/setLevel", LEGACY, null)
            .add("server/discover", MODERN, (ex, p) -> discover(ex))
            .add("tools/list", BOTH, this::listTools)
            .add("tools/call", BOTH, null)
            .add("resources/list", BOTH, (ex, p) -> page(ex, p, "resources", registry.resources(ex.grant()), PAGE, false))
            .add("resources/templates/list", BOTH,
                    (ex, p) -> page(ex, p, "resourceTemplates", registry.templates(ex.grant()), PAGE, true))
            .add("resources/read", BOTH, this::readResource)
            .add("resources/subscribe", LEGACY, (ex, p) -> subscribe(ex, p, true))
            .add("resources/unsubscribe", LEGACY, (ex, p) -> subscribe(ex, p, false))
            .add("prompts/list", BOTH, this::listPrompts)
            .add("prompts/get", BOTH, this::getPrompt)
            .add("completion/complete", BOTH, this::complete)
            .add("subscriptions/listen", MODERN, null);

    /** A plain request: its method's result. */
    public JsonObject handle(Exchange ex, JsonRpc.Message msg) {
        MethodTable.Method m = table.lookup(msg.method(), ex.modern());
        if (m.handler() == null) {
            throw McpError.methodNotFound(msg.method()); // shaped by the transport; never routed here
        }
        return m.handler().apply(ex, msg.params());
    }

    /** -32601 unless this wire has the method. */
    void requireMethod(Exchange ex, String method) {
        table.lookup(method, ex.modern());
    }

    private JsonObject discover(Exchange ex) {
        JsonArrayBuilder versions = JsonFactory.createArrayBuilder();
        ProtocolVersions.MODERN.forEach(versions::add);
        return withCache(JsonFactory.createObjectBuilder()
                .add("supportedVersions", versions)
                .add("capabilities", CAPABILITIES)
                .add("instructions", instructions(ex))
                .add("_meta", JsonFactory.createObjectBuilder().add(SERVER_INFO_META, SERVER_INFO)),
                ex, LIST_TTL_MS)
                .build();
    }

    private static JsonObjectBuilder withCache(JsonObjectBuilder b, Exchange ex, long ttl) {
        if (ex.modern()) {
            // 2026-07-28 caching hints (SEP-2549): answers depend on the caller's grant, so they are private.
            b.add("ttlMs", ttl).add("cacheScope", "private");
        }
        return b;
    }

    private JsonObject page(Exchange ex, JsonObject p, String field, List<?> all, int size, boolean cacheable) {
        int offset = cursor(p);
        if (offset > all.size()) {
            // a cursor this server never gave out (pagination: invalid cursors SHOULD be -32602)
            throw McpError.invalidParams("Invalid cursor");
        }
        List<?> slice = all.subList(offset, (int) Math.min((long) offset + size, all.size()));
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add(field, McpRegistry.descriptors(slice));
        if ((long) offset + size < all.size()) {
            b.add("nextCursor", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("o:" + (offset + size)).getBytes(StandardCharsets.UTF_8)));
        }
        return withCache(b, ex, cacheable ? LIST_TTL_MS : 0).build();
    }

    private JsonObject listTools(Exchange ex, JsonObject p) {
        McpRegistry.VisibleTools tools = registry.visibleTools(ex.grant());
        if (!p.containsKey("cursor") && tools.entries().size() <= TOOL_PAGE) {
            // The common case answers with the array built once for this scope set.
            return withCache(JsonFactory.createObjectBuilder().add("tools", tools.descriptors()), ex, LIST_TTL_MS).build();
        }
        return page(ex, p, "tools", tools.entries(), TOOL_PAGE, true);
    }

    private static int cursor(JsonObject p) {
        JsonValue c = p.get("cursor");
        if (c == null || c.getValueType() == JsonValue.ValueType.NULL) {
            return 0;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(((JsonString) c).getString()), StandardCharsets.UTF_8);
            if (s.startsWith("o:")) {
                int n = Integer.parseInt(s.substring(2));
                if (n >= 0) {
                    return n;
                }
            }
        } catch (RuntimeException ignored) {
            // falls through to the error
        }
        throw McpError.invalidParams("Invalid cursor");
    }

    private JsonObject listPrompts(Exchange ex, JsonObject p) {
        List<McpRegistry.PromptEntry> prompts = registry.prompts(ex.grant());
        if (ex.grant().staticToken()) {
            prompts = new java.util.ArrayList<>(prompts);
            prompts.add(notice.prompt());
        }
        return page(ex, p, "prompts", prompts, PAGE, true);
    }

    private static String requiredString(JsonObject p, String name) {
        if (p.get(name) instanceof JsonString s && !s.getString().isEmpty()) {
            return s.getString();
        }
        throw McpError.invalidParams("Invalid params: " + name + " must be a non-empty string");
    }

    private McpError resourceNotFound(Exchange ex, String uri) {
        JsonObject data = JsonFactory.createObjectBuilder().add("uri", uri).build();
        // 2026-07-28 (SEP-2164) uses -32602 for an unknown resource; the 2025 revisions use -32002.
        return ex.modern() ? new McpError(JsonRpc.INVALID_PARAMS, "Resource not found", data, 400)
                : new McpError(JsonRpc.RESOURCE_NOT_FOUND_LEGACY, "Resource not found", data, 200);
    }

    private JsonObject readResource(Exchange ex, JsonObject p) {
        String uri = requiredString(p, "uri");
        var resolved = registry.resolve(uri).filter(r -> registry.resourceVisible(ex.grant(), r.getKey()))
                .orElseThrow(() -> resourceNotFound(ex, uri));
        ResourceContents contents;
        try {
            contents = resolved.getKey().definition().reader().read(ex.grant(), uri, resolved.getValue());
        } catch (ResourceNotFoundException e) {
            throw resourceNotFound(ex, uri);
        } catch (InvalidParamsException e) {
            throw McpError.invalidParams(e.getMessage());
        }
        if (contents == null) {
            throw resourceNotFound(ex, uri);
        }
        JsonObjectBuilder c = JsonFactory.createObjectBuilder().add("uri", contents.uri() == null ? uri : contents.uri());
        if (contents.mimeType() != null) {
            c.add("mimeType", contents.mimeType());
        }
        if (contents.blob() != null) {
            c.add("blob", contents.blob());
        } else {
            c.add("text", contents.text() == null ? "" : contents.text());
        }
        if (contents.meta() != null) {
            c.add("_meta", contents.meta());
        }
        return withCache(JsonFactory.createObjectBuilder().add("contents", JsonFactory.createArrayBuilder().add(c)), ex, 0).build();
    }

    /**
     * resources/subscribe and resources/unsubscribe (2025-11-25 server/resources "Subscriptions"): the subscription is
     * stored with the session; notifications/resources/updated then arrives on the session's GET stream, on any node.
     */
    private JsonObject subscribe(Exchange ex, JsonObject p, boolean subscribe) {
        String uri = requiredString(p, "uri");
        if (!subscribe) {
            subscriptions.unsubscribe(ex.sessionKey(), uri);
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (uri.length() > McpChangeFeed.MAX_TARGET) {
            throw McpError.invalidParams("Invalid params: uri is longer than " + McpChangeFeed.MAX_TARGET + " characters");
        }
        if (!subscriptions.mayRead(ex.grant(), uri)) {
            throw resourceNotFound(ex, uri);
        }
        try {
            subscriptions.subscribe(ex.sessionKey(), ex.grant(), uri);
        } catch (ResourceSubscriptions.TooManySubscriptions e) {
            throw McpError.invalidParams(e.getMessage());
        }
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    private JsonObject getPrompt(Exchange ex, JsonObject p) {
        String name = requiredString(p, "name");
        McpRegistry.PromptEntry entry = name.equals(StaticTokenNotice.PROMPT) && ex.grant().staticToken()
                ? notice.prompt()
                : registry.prompt(name).filter(e -> registry.promptVisible(ex.grant(), e))
                .orElseThrow(() -> McpError.invalidParams("Unknown prompt: " + name));
        Map<String, String> args = new LinkedHashMap<>();
        JsonValue raw = p.get("arguments");
        if (raw instanceof JsonObject o) {
            for (Map.Entry<String, JsonValue> e : o.entrySet()) {
                if (!(e.getValue() instanceof JsonString s)) {
                    throw McpError.invalidParams("Invalid params: argument " + e.getKey() + " must be a string");
                }
                args.put(e.getKey(), s.getString());
            }
        } else if (raw != null && raw.getValueType() != JsonValue.ValueType.NULL) {
            throw McpError.invalidParams("Invalid params: arguments must be an object");
        }
        PromptDefinition def = entry.definition();
        if (def.arguments() != null) {
            for (PromptDefinition.PromptArgument a : def.arguments()) {
                if (a.required() && !args.containsKey(a.name())) {
                    throw McpError.invalidParams("Missing required argument: " + a.name());
                }
            }
        }
        PromptRenderer.PromptResult r;
        try {
            if (ex.modern() && p.containsKey("inputResponses")) {
                if (!(p.get("inputResponses") instanceof JsonObject ir)
                        || ir.values().stream().anyMatch(v -> !(v instanceof JsonObject))) {
                    throw McpError.invalidParams("Invalid params: inputResponses must be an object of objects");
                }
                PromptInput.set(ir);
            }
            r = def.renderer().render(ex.grant(), args);
        } catch (InputRequiredException e) {
            if (!ex.modern()) {
                throw McpError.invalidParams("This prompt needs a client that supports input requests");
            }
            JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("resultType", "input_required")
                    .add("inputRequests", e.inputRequests());
            if (e.requestState() != null) {
                b.add("requestState", e.requestState());
            }
            return b.build();
        } catch (InvalidParamsException e) {
            throw McpError.invalidParams(e.getMessage());
        } catch (ToolException e) {
            throw new McpError(JsonRpc.INVALID_PARAMS, e.getMessage(), null, 400);
        } finally {
            PromptInput.set(null);
        }
        JsonArrayBuilder messages = JsonFactory.createArrayBuilder();
        for (PromptRenderer.PromptMessage m : r.messages()) {
            JsonObject content = m.content() != null ? m.content()
                    : JsonFactory.createObjectBuilder().add("type", "text").add("text", m.text() == null ? "" : m.text()).build();
            messages.add(JsonFactory.createObjectBuilder().add("role", m.role()).add("content", content));
        }
        JsonObjectBuilder b = JsonFactory.createObjectBuilder();
        if (r.description() != null) {
            b.add("description", r.description());
        }
        return b.add("messages", messages).build();
    }

    private JsonObject complete(Exchange ex, JsonObject p) {
        if (!(p.get("ref") instanceof JsonObject ref) || !(ref.get("type") instanceof JsonString type)
                || !(p.get("argument") instanceof JsonObject arg) || !(arg.get("name") instanceof JsonString argName)) {
            throw McpError.invalidParams("Invalid params: ref and argument are required");
        }
        String refName = ref.get("name") instanceof JsonString n ? n.getString()
                : ref.get("uri") instanceof JsonString u ? u.getString() : "";
        String prefix = arg.get("value") instanceof JsonString v ? v.getString() : "";
        List<String> values = registry.complete(ex.grant(), type.getString(), refName, argName.getString(), prefix);
        JsonArrayBuilder vb = JsonFactory.createArrayBuilder();
        values.stream().limit(100).forEach(vb::add);
        return JsonFactory.createObjectBuilder().add("completion", JsonFactory.createObjectBuilder()
                .add("values", vb).add("total", values.size()).add("hasMore", values.size() > 100)).build();
    }

    // ---------------------------------------------------------------- tools/call

    /** Resolves the tool, checks grant and arguments; throws before anything is streamed. */
    McpRegistry.ToolEntry prepareCall(Exchange ex, JsonObject p, ToolInvocation call) {
        String name = requiredString(p, "name");
        McpRegistry.ToolEntry tool = enabledTool(name).orElseThrow(() -> McpError.invalidParams("Unknown tool: " + name));
        requireScope(ex, tool);
        JsonValue args = p.get("arguments");
        JsonObject arguments;
        if (args == null || args.getValueType() == JsonValue.ValueType.NULL) {
            arguments = JsonValue.EMPTY_JSON_OBJECT;
        } else if (args instanceof JsonObject o) {
            arguments = o;
        } else {
            throw McpError.invalidParams("Invalid params: arguments must be an object");
        }
        if (ex.modern() && p.containsKey("inputResponses")) {
            // MRTR answers must be a map of objects (SEP-2322); anything else is the caller's error.
            if (!(p.get("inputResponses") instanceof JsonObject ir)
                    || ir.values().stream().anyMatch(v -> !(v instanceof JsonObject))) {
                throw McpError.invalidParams("Invalid params: inputResponses must be an object of objects");
            }
        }
        ArgumentValidator.validate(tool.definition().inputSchema(), arguments);
        call.arguments(arguments);
        return tool;
    }

    /**
     * Step-up (MCP authorization, "Scope Challenge Handling"; RFC 6750 §3.1): a tool outside the grant is an HTTP 403
     * naming the scope needed.
     */
    private static void requireScope(Exchange ex, McpRegistry.ToolEntry tool) {
        String scope = tool.definition().requiredScope();
        if (scope != null && !ex.grant().allows(scope)) {
            throw new McpError(JsonRpc.SERVER_ERROR, "Insufficient scope: this tool needs " + scope,
                    JsonFactory.createObjectBuilder().add("requiredScope", scope).build(), 403,
                    "Bearer error=\"insufficient_scope\", scope=\"" + scope + "\", resource_metadata=\""
                            + McpAuthenticator.RESOURCE_METADATA_PLACEHOLDER + "\"");
        }
    }

    /**
     * For a 2025-03-26 batch, before anything in it runs: a tools/call the grant may not make refuses the whole
     * batch with the 403 step-up challenge (inside a 200 batch answer the client would never see it).
     */
    void requireScopesOf(Exchange ex, List<JsonRpc.Message> calls) {
        for (JsonRpc.Message m : calls) {
            if (m.params().get("name") instanceof JsonString name) {
                enabledTool(name.getString()).ifPresent(tool -> requireScope(ex, tool));
            }
        }
    }

    /** The tool of this name, unless its addon is off (then it does not exist for callers). */
    private java.util.Optional<McpRegistry.ToolEntry> enabledTool(String name) {
        return registry.tool(name).filter(t -> registry.addonEnabled(t.definition().addon()));
    }

    /** Runs the handler and builds the CallToolResult (or InputRequiredResult). */
    JsonObject runTool(Exchange ex, McpRegistry.ToolEntry tool, ToolInvocation call) {
        String outcome = "ok";
        try {
            ToolResult result = tool.definition().handler().call(call);
            if (result == null) {
                result = ToolResult.error("The tool returned nothing.");
            }
            if (result.isError()) {
                outcome = "error";
            }
            return toolResult(ex, result);
        } catch (InputRequiredException e) {
            if (!ex.modern()) {
                outcome = "error";
                return toolResult(ex, ToolResult.error("This tool needs a client that supports input requests."));
            }
            JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("resultType", "input_required")
                    .add("inputRequests", e.inputRequests());
            if (e.requestState() != null) {
                b.add("requestState", e.requestState());
            }
            outcome = "input_required";
            return b.build();
        } catch (ToolException e) {
            outcome = "error";
            return toolResult(ex, ToolResult.error(e.getMessage()));
        } catch (InvalidParamsException e) {
            outcome = "invalid_params";
            throw McpError.invalidParams(e.getMessage());
        } catch (McpError e) {
            outcome = "rejected";
            throw e;
        } catch (RuntimeException e) {
            if (call.cancelled()) {
                outcome = "cancelled"; // nobody will read the answer (2025-11-25 utilities/cancellation)
                return toolResult(ex, ToolResult.error("Cancelled."));
            }
            outcome = "failed";
            // Never hand exception text to the client; the log keeps it.
            LOG.log(Level.WARNING, "MCP tool " + tool.definition().name() + " failed", e);
            return toolResult(ex, ToolResult.error("The tool failed unexpectedly. Try again later."));
        } finally {
            try {
                audit.recordLater(new Actor(ex.grant().userId(), ex.grant().username(), ex.ip()), "mcp.tool_call",
                        tool.definition().name(), Map.of("clientId", ex.grant().auditClient(), "outcome", outcome));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "audit of an MCP tool call failed", e);
            }
        }
    }

    private JsonObject toolResult(Exchange ex, ToolResult r) {
        JsonArrayBuilder content = JsonFactory.createArrayBuilder();
        if (r.content() != null) {
            r.content().forEach(content::add);
        } else {
            content.add(JsonFactory.createObjectBuilder().add("type", "text").add("text", r.text() == null ? "" : r.text()));
        }
        JsonObjectBuilder b = JsonFactory.createObjectBuilder();
        if (ex.grant().staticToken()) {
            // Issue item 7: every static-token tool result carries the notice as an extra item, success stays success.
            content.add(JsonFactory.createObjectBuilder().add("type", "text").add("text", StaticTokenNotice.TEXT));
            b.add("_meta", JsonFactory.createObjectBuilder().add(StaticTokenNotice.META_KEY, StaticTokenNotice.TEXT));
        }
        b.add("content", content);
        if (r.structuredContent() != null && !r.isError()) {
            b.add("structuredContent", r.structuredContent());
        }
        if (r.isError()) {
            b.add("isError", true);
        }
        return b.build();
    }

    /**
     * A 2026-07-28 result: {@code resultType} (required) and, in {@code _meta}, the server's identity (basic,
     * "per-response protocol fields": servers SHOULD include io.modelcontextprotocol/serverInfo in every result).
     * A shallow copy: the arrays inside, such as the cached tools/list descriptors, are shared.
     */
    static JsonObject withResultType(JsonObject result) {
        JsonObject meta = result.get("_meta") instanceof JsonObject m ? m : JsonValue.EMPTY_JSON_OBJECT;
        if (result.containsKey("resultType") && meta.containsKey(SERVER_INFO_META)) {
            return result;
        }
        JsonObjectBuilder b = JsonFactory.createObjectBuilder(result);
        if (!result.containsKey("resultType")) {
            b.add("resultType", "complete");
        }
        if (!meta.containsKey(SERVER_INFO_META)) {
            b.add("_meta", JsonFactory.createObjectBuilder(meta).add(SERVER_INFO_META, SERVER_INFO));
        }
        return b.build();
    }

    static JsonArray array(List<String> values) {
        JsonArrayBuilder b = JsonFactory.createArrayBuilder();
        values.forEach(b::add);
        return b.build();
    }
}
