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

    /** role is "user" or "assistant"; text content. */
    record PromptMessage(String role, String text) {
    }
}
