package org.trek.mcp.registry;

import java.util.List;

/** Features contribute resources and templates as @ApplicationScoped beans implementing this. */
public interface ResourceProvider {
    List<ResourceDefinition> resources();
}
