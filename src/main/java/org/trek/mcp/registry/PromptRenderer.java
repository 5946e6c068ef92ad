package org.trek.mcp.registry;

import java.util.List;
import java.util.Map;
import org.trek.platform.auth.AccessGrant;

/** Renders a prompt into messages. Throws {@link InvalidParamsException} for bad or missing arguments. */
@FunctionalInterface
public interface PromptRenderer {
    PromptResult render(AccessGrant grant, Map<String, String> arguments);

    record PromptResult(String description, List<PromptMessage> messages) {
    }

    /**
     * role is "user" or "assistant"; text content, or when {@code content} is set an explicit MCP content block
     * (image, resource...).
     */
    record PromptMessage(String role, String text, jakarta.json.JsonObject content) {
        public PromptMessage(String role, String text) {
            this(role, text, null);
        }
    }
}
