package org.trek.mcp.registry;

import java.util.List;

/** One prompt with its arguments; requiredScope/addon gate it like tools (null = always available). */
public record PromptDefinition(String name, String title, String description, List<PromptArgument> arguments,
                               String requiredScope, String addon, PromptRenderer renderer) {

    public record PromptArgument(String name, String description, boolean required) {
    }
}
