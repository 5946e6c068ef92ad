package org.trek.mcp.conformance;

import org.trek.mcp.protocol.McpError;
import org.trek.mcp.protocol.JsonRpc;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.trek.platform.JsonFactory;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.trek.mcp.InputRequiredException;
import org.trek.mcp.McpToolCall;
import org.trek.mcp.registry.PromptDefinition;
import org.trek.mcp.registry.PromptProvider;
import org.trek.mcp.registry.PromptRenderer;
import org.trek.mcp.registry.ResourceContents;
import org.trek.mcp.registry.ResourceDefinition;
import org.trek.mcp.registry.ResourceProvider;
import org.trek.mcp.registry.ToolCall;
import org.trek.mcp.registry.ToolDefinition;
import org.trek.mcp.registry.ToolProvider;
import org.trek.mcp.registry.ToolResult;
import org.trek.platform.AppConfig;
import org.trek.platform.SecureRandoms;
import org.trek.platform.Startup;

/**
 * The fixtures the official MCP conformance suite (@modelcontextprotocol/conformance) calls: test_* tools, test://
 * resources and test_* prompts. Test-only: contributed only when TREK_MCP_CONFORMANCE_FIXTURES=true, and then visible
 * to every authenticated caller. Never enable it in production.
 */
@ApplicationScoped
public class ConformanceFixtures implements ToolProvider, ResourceProvider, PromptProvider {
    private static final Logger LOG = Logger.getLogger(ConformanceFixtures.class.getName());
    public static final String SETTING = "TREK_MCP_CONFORMANCE_FIXTURES";
    static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
    static final String WAV = "UklGRiYAAABXQVZFZm10IBAAAAABAAEAQB8AAAB9AAACABAAZGF0YQIAAAA=";
    /** Signs MRTR requestState so a tampered state is refused; per process is enough for a test fixture. */
    private final byte[] stateKey = SecureRandoms.token(256).getBytes(StandardCharsets.UTF_8);

    @Inject
    AppConfig config;

    boolean enabled() {
        return config.getBoolean(SETTING, false);
    }

    void onStart(@Observes @Priority(50) Startup.DatabaseReady ready) {
        if (enabled()) {
            LOG.warning(SETTING + "=true: the MCP conformance test fixtures (test_* tools, test:// resources) are "
                    + "visible to every authenticated MCP caller. Never use this setting in production.");
        }
    }

    // ---------------------------------------------------------------- tools

    private static JsonObject emptySchema() {
        return JsonFactory.createObjectBuilder().add("type", "object").add("properties", JsonValue.EMPTY_JSON_OBJECT).build();
    }

    private static JsonObject stringArgSchema(String name, String description) {
        return JsonFactory.createObjectBuilder().add("type", "object")
                .add("properties", JsonFactory.createObjectBuilder().add(name, JsonFactory.createObjectBuilder()
                        .add("type", "string").add("description", description)))
                .add("required", JsonFactory.createArrayBuilder().add(name)).build();
    }

    private static ToolDefinition tool(String name, String description, JsonObject schema,
                                       org.trek.mcp.registry.ToolHandler handler) {
        return new ToolDefinition(name, null, description, schema, null, null, null, null, handler);
    }

    private static ToolResult content(JsonObjectBuilder... items) {
        var a = JsonFactory.createArrayBuilder();
        for (JsonObjectBuilder i : items) {
            a.add(i);
        }
        return ToolResult.content(a.build(), false);
    }

    private static JsonObjectBuilder text(String text) {
        return JsonFactory.createObjectBuilder().add("type", "text").add("text", text);
    }

    private static JsonObjectBuilder image() {
        return JsonFactory.createObjectBuilder().add("type", "image").add("data", PNG).add("mimeType", "image/png");
    }

    private static JsonObjectBuilder embedded(String uri, String mimeType, String text) {
        return JsonFactory.createObjectBuilder().add("type", "resource").add("resource", JsonFactory.createObjectBuilder()
                .add("uri", uri).add("mimeType", mimeType).add("text", text));
    }

    private static McpToolCall mcp(ToolCall call) {
        return (McpToolCall) call;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public List<ToolDefinition> tools() {
        if (!enabled()) {
            return List.of();
        }
        List<ToolDefinition> t = new ArrayList<>();
        t.add(tool("test_simple_text", "Returns simple text", emptySchema(),
                c -> content(text("This is a simple text response for testing."))));
        t.add(tool("test_image_content", "Returns image content", emptySchema(), c -> content(image())));
        t.add(tool("test_audio_content", "Returns audio content", emptySchema(), c -> content(
                JsonFactory.createObjectBuilder().add("type", "audio").add("data", WAV).add("mimeType", "audio/wav"))));
        t.add(tool("test_embedded_resource", "Returns an embedded resource", emptySchema(), c -> content(
                embedded("test://embedded-resource", "text/plain", "This is an embedded resource content."))));
        t.add(tool("test_multiple_content_types", "Returns text, image and resource", emptySchema(), c -> content(
                text("Multiple content types test:"), image(),
                embedded("test://mixed-content-resource", "application/json", "{\"test\":\"data\",\"value\":123}"))));
        t.add(tool("test_error_handling", "Always returns isError: true", emptySchema(),
                c -> ToolResult.error("This tool intentionally returns an error for testing")));
        t.add(tool("test_tool_with_logging", "Emits three log notifications", emptySchema(), c -> {
            for (String m : List.of("Tool execution started", "Tool processing data", "Tool execution completed")) {
                c.log("info", m);
                sleep(50);
            }
            return content(text("Tool with logging executed successfully"));
        }));
        t.add(tool("test_logging_tool", "Logs only when the request set a log level", emptySchema(), c -> {
            c.log("info", "Tool execution started");
            return content(text("Logging tool completed"));
        }));
        t.add(tool("test_tool_with_progress", "Emits three progress notifications", emptySchema(), c -> {
            for (int p : new int[]{0, 50, 100}) {
                c.progress(p, 100.0, null);
                if (p < 100) {
                    sleep(50);
                }
            }
            return content(text("Progress tool completed"));
        }));
        t.add(tool("test_sampling", "Asks the client's model (legacy wire)",
                stringArgSchema("prompt", "The prompt to send to the LLM"), c -> {
                    JsonObject r = mcp(c).request("sampling/createMessage", JsonFactory.createObjectBuilder()
                            .add("messages", JsonFactory.createArrayBuilder().add(JsonFactory.createObjectBuilder().add("role", "user")
                                    .add("content", text(c.arguments().getString("prompt")))))
                            .add("maxTokens", 100).build());
                    String answer = r.get("content") instanceof JsonObject o ? o.getString("text", "") : "";
                    return content(text("LLM response: " + answer));
                }));
        t.add(tool("test_elicitation", "Asks the user for information (legacy wire)",
                stringArgSchema("message", "The message to show the user"), c -> elicit(c,
                        c.arguments().getString("message"), JsonFactory.createObjectBuilder()
                                .add("username", prop("string", "User's response"))
                                .add("email", prop("string", "User's email address")).build(),
                        JsonFactory.createArrayBuilder().add("username").add("email").build())));
        t.add(tool("test_elicitation_sep1034_defaults", "Elicitation with default values (SEP-1034)", emptySchema(),
                c -> elicit(c, "Please review and update the form fields with defaults", JsonFactory.createObjectBuilder()
                        .add("name", JsonFactory.createObjectBuilder(prop("string", "User name")).add("default", "John Doe"))
                        .add("age", JsonFactory.createObjectBuilder(prop("integer", "User age")).add("default", 30))
                        .add("score", JsonFactory.createObjectBuilder(prop("number", "User score")).add("default", 95.5))
                        .add("status", JsonFactory.createObjectBuilder(prop("string", "User status"))
                                .add("enum", JsonFactory.createArrayBuilder().add("active").add("inactive").add("pending"))
                                .add("default", "active"))
                        .add("verified", JsonFactory.createObjectBuilder(prop("boolean", "Verification status"))
                                .add("default", true))
                        .build(), JsonValue.EMPTY_JSON_ARRAY)));
        t.add(tool("test_elicitation_sep1330_enums", "Elicitation with enum variants (SEP-1330)", emptySchema(),
                c -> elicit(c, "Please select options from the enum fields", enumProperties(),
                        JsonValue.EMPTY_JSON_ARRAY)));
        t.add(tool("test_missing_capability", "Requires the sampling client capability", emptySchema(), c -> {
            if (!(mcp(c).clientCapabilities().get("sampling") instanceof JsonObject)) {
                throw new McpError(JsonRpc.MISSING_CLIENT_CAPABILITY, "Missing required client capability: sampling",
                        JsonFactory.createObjectBuilder().add("requiredCapabilities", JsonFactory.createObjectBuilder()
                                .add("sampling", JsonValue.EMPTY_JSON_OBJECT)).build(), 400);
            }
            return content(text("sampling capability present"));
        }));
        t.add(tool("test_streaming_elicitation", "Asks for confirmation with an input request", emptySchema(), c -> {
            JsonObject ir = mcp(c).inputResponses();
            if (ir != null && ir.containsKey("confirm")) {
                return content(text("confirmed"));
            }
            throw new InputRequiredException(JsonFactory.createObjectBuilder().add("confirm", confirmRequest()).build(), null);
        }));
        t.add(tool("test_trigger_tool_change", "Announces a tools list change", emptySchema(), c -> {
            mcp(c).listChanged("tools");
            return content(text("tools list change announced"));
        }));
        t.add(tool("test_trigger_prompt_change", "Announces a prompts list change", emptySchema(), c -> {
            mcp(c).listChanged("prompts");
            return content(text("prompts list change announced"));
        }));
        t.add(tool("json_schema_2020_12_tool", "Tool whose input schema uses JSON Schema 2020-12 features",
                JsonFactory.createReader(new java.io.StringReader("""
                        {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                         "$defs":{"address":{"$anchor":"addressDef","type":"object",
                           "properties":{"street":{"type":"string"},"city":{"type":"string"}}}},
                         "properties":{"name":{"type":"string"},"address":{"$ref":"#/$defs/address"},
                           "contactMethod":{"type":"string","enum":["phone","email"]},
                           "phone":{"type":"string"},"email":{"type":"string"}},
                         "allOf":[{"anyOf":[{"required":["phone"]},{"required":["email"]}]}],
                         "if":{"properties":{"contactMethod":{"const":"phone"}},"required":["contactMethod"]},
                         "then":{"required":["phone"]},"else":{"required":["email"]},
                         "additionalProperties":false}""")).readObject(),
                c -> content(text("ok"))));
        t.add(new ToolDefinition("test_scoped_write", "Scoped write", "Needs the trips:write scope (scope tests)",
                emptySchema(), null, null, "trips:write", null, c -> content(text("scoped write done"))));
        t.addAll(multiRoundTools());
        return t;
    }

    private static JsonObject prop(String type, String description) {
        return JsonFactory.createObjectBuilder().add("type", type).add("description", description).build();
    }

    private static ToolResult elicit(ToolCall c, String message, JsonObject properties, JsonArray required) {
        JsonObject r = mcp(c).request("elicitation/create", JsonFactory.createObjectBuilder().add("message", message)
                .add("requestedSchema", JsonFactory.createObjectBuilder().add("type", "object").add("properties", properties)
                        .add("required", required)).build());
        return content(text("Elicitation completed: action=" + r.getString("action", "")
                + ", content=" + (r.get("content") == null ? "{}" : r.get("content").toString())));
    }

    private static JsonObject enumProperties() {
        var titled = JsonFactory.createArrayBuilder();
        var titledMulti = JsonFactory.createArrayBuilder();
        String[] titles = {"First", "Second", "Third"};
        for (int i = 0; i < 3; i++) {
            titled.add(JsonFactory.createObjectBuilder().add("const", "value" + (i + 1)).add("title", titles[i] + " Option"));
            titledMulti.add(JsonFactory.createObjectBuilder().add("const", "value" + (i + 1)).add("title", titles[i] + " Choice"));
        }
        JsonArray options = JsonFactory.createArrayBuilder().add("option1").add("option2").add("option3").build();
        return JsonFactory.createObjectBuilder()
                .add("untitledSingle", JsonFactory.createObjectBuilder(prop("string", "Select one option")).add("enum", options))
                .add("titledSingle", JsonFactory.createObjectBuilder(prop("string", "Select one option with titles"))
                        .add("oneOf", titled))
                .add("legacyEnum", JsonFactory.createObjectBuilder(prop("string", "Select one option (legacy)"))
                        .add("enum", JsonFactory.createArrayBuilder().add("opt1").add("opt2").add("opt3"))
                        .add("enumNames", JsonFactory.createArrayBuilder().add("Option One").add("Option Two").add("Option Three")))
                .add("untitledMulti", JsonFactory.createObjectBuilder(prop("array", "Select multiple options"))
                        .add("minItems", 1).add("maxItems", 3)
                        .add("items", JsonFactory.createObjectBuilder().add("type", "string").add("enum", options)))
                .add("titledMulti", JsonFactory.createObjectBuilder(prop("array", "Select multiple options with titles"))
                        .add("minItems", 1).add("maxItems", 3)
                        .add("items", JsonFactory.createObjectBuilder().add("anyOf", titledMulti)))
                .build();
    }

    // ---------------------------------------------------------------- 2026-07-28 multi round-trip tools (SEP-2322)

    private static JsonObject elicitRequest(String message, String field, String type) {
        return JsonFactory.createObjectBuilder().add("method", "elicitation/create").add("params", JsonFactory.createObjectBuilder()
                .add("message", message).add("requestedSchema", JsonFactory.createObjectBuilder().add("type", "object")
                        .add("properties", JsonFactory.createObjectBuilder().add(field, JsonFactory.createObjectBuilder().add("type", type)))
                        .add("required", JsonFactory.createArrayBuilder().add(field)))).build();
    }

    private static JsonObject confirmRequest() {
        return elicitRequest("Please confirm", "ok", "boolean");
    }

    private static JsonObject sampleRequest(String text, int maxTokens) {
        return JsonFactory.createObjectBuilder().add("method", "sampling/createMessage").add("params", JsonFactory.createObjectBuilder()
                .add("messages", JsonFactory.createArrayBuilder().add(JsonFactory.createObjectBuilder().add("role", "user")
                        .add("content", text(text))))
                .add("maxTokens", maxTokens)).build();
    }

    private static JsonObject rootsRequest() {
        return JsonFactory.createObjectBuilder().add("method", "roots/list").add("params", JsonValue.EMPTY_JSON_OBJECT).build();
    }

    private static boolean accepted(JsonValue v, String field) {
        return v instanceof JsonObject o && "accept".equals(o.getString("action", ""))
                && o.get("content") instanceof JsonObject content && (field == null || content.containsKey(field));
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(stateKey, "HmacSHA256"));
            String body = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
            return body + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signed payload, or an -32602 error when the state was altered. */
    private String verify(String state) {
        if (state != null) {
            int dot = state.lastIndexOf('.');
            if (dot > 0) {
                String body = state.substring(0, dot);
                String payload = new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8);
                if (MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                        state.getBytes(StandardCharsets.US_ASCII))) {
                    return payload;
                }
            }
        }
        throw McpError.invalidParams("Invalid params: requestState failed integrity verification");
    }

    private List<ToolDefinition> multiRoundTools() {
        List<ToolDefinition> t = new ArrayList<>();
        t.add(tool("test_input_required_result_elicitation", "MRTR: asks for a name", emptySchema(), c -> {
            JsonObject ir = mcp(c).inputResponses();
            if (ir == null || !ir.containsKey("user_name")) {
                throw new InputRequiredException(JsonFactory.createObjectBuilder()
                        .add("user_name", elicitRequest("What is your name?", "name", "string")).build(), null);
            }
            if (!accepted(ir.get("user_name"), "name")) {
                throw McpError.invalidParams("Invalid params: inputResponses.user_name must accept with a name");
            }
            return content(text("Hello, " + ir.getJsonObject("user_name").getJsonObject("content").get("name")
                    .toString().replace("\"", "") + "!"));
        }));
        t.add(tool("test_input_required_result_sampling", "MRTR: asks the client's model", emptySchema(), c -> {
            JsonObject ir = mcp(c).inputResponses();
            if (ir == null || !ir.containsKey("capital_question")) {
                throw new InputRequiredException(JsonFactory.createObjectBuilder()
                        .add("capital_question", sampleRequest("What is the capital of France?", 100)).build(), null);
            }
            return content(text("Sampling answered: " + ir.get("capital_question")));
        }));
        t.add(tool("test_input_required_result_list_roots", "MRTR: asks for the client's roots", emptySchema(), c -> {
            JsonObject ir = mcp(c).inputResponses();
            if (ir == null || !ir.containsKey("client_roots")) {
                throw new InputRequiredException(JsonFactory.createObjectBuilder().add("client_roots", rootsRequest()).build(),
                        null);
            }
            return content(text("Roots: " + ir.get("client_roots")));
        }));
        for (String name : List.of("test_input_required_result_request_state", "test_input_required_result_tampered_state")) {
            t.add(tool(name, "MRTR: round trip with an integrity-protected requestState", emptySchema(), c -> {
                JsonObject ir = mcp(c).inputResponses();
                if (ir == null || !ir.containsKey("confirm")) {
                    throw new InputRequiredException(JsonFactory.createObjectBuilder().add("confirm", confirmRequest()).build(),
                            sign(name + ":1"));
                }
                if (!verify(mcp(c).requestState()).equals(name + ":1")) {
                    throw McpError.invalidParams("Invalid params: requestState belongs to another call");
                }
                return content(text("state-ok"));
            }));
        }
        t.add(tool("test_input_required_result_multiple_inputs", "MRTR: several input requests at once", emptySchema(),
                c -> {
                    Map<String, JsonObject> need = new LinkedHashMap<>();
                    need.put("user_name", elicitRequest("What is your name?", "name", "string"));
                    need.put("greeting", sampleRequest("Generate a greeting", 50));
                    need.put("client_roots", rootsRequest());
                    JsonObject ir = mcp(c).inputResponses();
                    var missing = JsonFactory.createObjectBuilder();
                    boolean any = false;
                    for (var e : need.entrySet()) {
                        if (ir == null || !ir.containsKey(e.getKey())) {
                            missing.add(e.getKey(), e.getValue());
                            any = true;
                        }
                    }
                    if (any) {
                        throw new InputRequiredException(missing.build(), sign("multiple"));
                    }
                    verify(mcp(c).requestState());
                    return content(text("all inputs received"));
                }));
        t.add(tool("test_input_required_result_multi_round", "MRTR: two rounds of questions", emptySchema(), c -> {
            JsonObject ir = mcp(c).inputResponses();
            String state = mcp(c).requestState();
            JsonObject step1 = JsonFactory.createObjectBuilder()
                    .add("step1", elicitRequest("Step 1: What is your name?", "name", "string")).build();
            JsonObject step2 = JsonFactory.createObjectBuilder()
                    .add("step2", elicitRequest("Step 2: What is your favorite color?", "color", "string")).build();
            if (state == null) {
                throw new InputRequiredException(step1, sign("round:1"));
            }
            String round = verify(state);
            if (round.equals("round:1")) {
                if (ir == null || !ir.containsKey("step1")) {
                    throw new InputRequiredException(step1, state);
                }
                throw new InputRequiredException(step2, sign("round:2"));
            }
            if (ir == null || !ir.containsKey("step2")) {
                throw new InputRequiredException(step2, state);
            }
            return content(text("multi-round complete"));
        }));
        t.add(tool("test_input_required_result_capabilities", "MRTR: asks only what the client supports",
                emptySchema(), c -> {
                    JsonObject ir = mcp(c).inputResponses();
                    if (ir != null && !ir.isEmpty()) {
                        return content(text("capability-aware inputs received"));
                    }
                    JsonObject caps = mcp(c).clientCapabilities();
                    var requests = JsonFactory.createObjectBuilder();
                    boolean any = false;
                    if (caps.get("sampling") instanceof JsonObject) {
                        requests.add("question", sampleRequest("Say hi", 20));
                        any = true;
                    }
                    if (caps.get("elicitation") instanceof JsonObject) {
                        requests.add("user_name", elicitRequest("What is your name?", "name", "string"));
                        any = true;
                    }
                    if (caps.get("roots") instanceof JsonObject) {
                        requests.add("client_roots", rootsRequest());
                        any = true;
                    }
                    if (!any) {
                        return content(text("no client capabilities to ask with"));
                    }
                    throw new InputRequiredException(requests.build(), null);
                }));
        return t;
    }

    // ---------------------------------------------------------------- resources

    @Override
    public List<ResourceDefinition> resources() {
        if (!enabled()) {
            return List.of();
        }
        return List.of(
                new ResourceDefinition("test://static-text", null, "static-text", null, "A static text resource",
                        "text/plain", null, null, (g, uri, v) -> new ResourceContents(uri, "text/plain",
                        "This is the content of the static text resource.")),
                new ResourceDefinition("test://static-binary", null, "static-binary", null, "A static binary resource",
                        "image/png", null, null, (g, uri, v) -> ResourceContents.binary(uri, "image/png", PNG)),
                new ResourceDefinition("test://watched-resource", null, "watched-resource", null,
                        "A subscribable resource", "text/plain", null, null,
                        (g, uri, v) -> new ResourceContents(uri, "text/plain", "Watched resource content")),
                new ResourceDefinition(null, "test://template/{id}/data", "template", null, "Template with {id}",
                        "application/json", null, null, (g, uri, v) -> new ResourceContents(uri, "application/json",
                        JsonFactory.createObjectBuilder().add("id", v.get("id")).add("templateTest", true)
                                .add("data", "Data for ID: " + v.get("id")).build().toString())));
    }

    // ---------------------------------------------------------------- prompts

    @Override
    public List<PromptDefinition> prompts() {
        if (!enabled()) {
            return List.of();
        }
        return List.of(
                new PromptDefinition("test_simple_prompt", null, "A simple prompt without arguments", List.of(), null,
                        null, (g, a) -> new PromptRenderer.PromptResult(null, List.of(
                        new PromptRenderer.PromptMessage("user", "This is a simple prompt for testing.")))),
                new PromptDefinition("test_prompt_with_arguments", null, "A prompt with required arguments",
                        List.of(new PromptDefinition.PromptArgument("arg1", "First test argument", true),
                                new PromptDefinition.PromptArgument("arg2", "Second test argument", true)), null, null,
                        (g, a) -> new PromptRenderer.PromptResult(null, List.of(new PromptRenderer.PromptMessage("user",
                                "Prompt with arguments: arg1='" + a.get("arg1") + "', arg2='" + a.get("arg2") + "'")))),
                new PromptDefinition("test_prompt_with_embedded_resource", null, "A prompt that embeds a resource",
                        List.of(new PromptDefinition.PromptArgument("resourceUri", "URI of the resource to embed", true)),
                        null, null, (g, a) -> new PromptRenderer.PromptResult(null, List.of(
                        new PromptRenderer.PromptMessage("user", null, embedded(a.get("resourceUri"), "text/plain",
                                "Embedded resource content for testing.").build()),
                        new PromptRenderer.PromptMessage("user", "Please process the embedded resource above.")))),
                new PromptDefinition("test_input_required_result_prompt", null,
                        "MRTR prompt: asks for context first (2026-07-28)", List.of(), null, null, (g, a) -> {
                    JsonObject ir = org.trek.mcp.PromptInput.inputResponses();
                    if (ir == null || !accepted(ir.get("user_context"), "context")) {
                        throw new InputRequiredException(JsonFactory.createObjectBuilder().add("user_context",
                                elicitRequest("What context should the prompt use?", "context", "string")).build(), null);
                    }
                    return new PromptRenderer.PromptResult(null, List.of(new PromptRenderer.PromptMessage("user",
                            "Context: " + ir.getJsonObject("user_context").getJsonObject("content").get("context"))));
                }),
                new PromptDefinition("test_prompt_with_image", null, "A prompt with image content", List.of(), null,
                        null, (g, a) -> new PromptRenderer.PromptResult(null, List.of(
                        new PromptRenderer.PromptMessage("user", null, image().build()),
                        new PromptRenderer.PromptMessage("user", "Please analyze the image above.")))));
    }
}
