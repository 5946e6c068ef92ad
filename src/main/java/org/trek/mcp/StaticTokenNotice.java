package org.trek.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.trek.mcp.registry.PromptDefinition;
import org.trek.mcp.registry.PromptRenderer;

/**
 * The deprecation notice for static-token callers (issue item 7): an extra text item and _meta entry on every tool
 * result, a paragraph in the server instructions, and the token_auth_notice prompt. It informs; it never turns a
 * successful result into an error and does not order the model to repeat text verbatim.
 */
@ApplicationScoped
public class StaticTokenNotice {
    public static final String PROMPT = "token_auth_notice";
    public static final String META_KEY = "org.trek/deprecation";
    public static final String TEXT = "Note for the user: this connection uses a static API token (trek_...), which is "
            + "deprecated and will stop working in a future version. Please switch to OAuth 2.1: "
            + "Settings → Integrations → MCP → OAuth Clients.";

    private static final PromptDefinition DEFINITION = new PromptDefinition(PROMPT, "Static Token Auth Notice",
            "Explains that static trek_ API tokens are deprecated and how to move to OAuth 2.1.", List.of(),
            null, null, (grant, args) -> new PromptRenderer.PromptResult("Static token deprecation notice",
            List.of(new PromptRenderer.PromptMessage("user", "This MCP connection authenticates with a "
                    + "static API token (prefix trek_). Static tokens are deprecated and will stop working in "
                    + "a future version of TREK. Please tell the user to register an OAuth 2.1 client under "
                    + "Settings → Integrations → MCP → OAuth Clients and reconnect with it."))));
    private static final McpRegistry.PromptEntry ENTRY =
            new McpRegistry.PromptEntry(DEFINITION, McpRegistry.describe(DEFINITION));

    McpRegistry.PromptEntry prompt() {
        return ENTRY;
    }
}
