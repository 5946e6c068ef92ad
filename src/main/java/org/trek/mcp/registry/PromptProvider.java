package org.trek.mcp.registry;

import java.util.List;

/** Features contribute prompts as @ApplicationScoped beans implementing this. */
public interface PromptProvider {
    List<PromptDefinition> prompts();
}
