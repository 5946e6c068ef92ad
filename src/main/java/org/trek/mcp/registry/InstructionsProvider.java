package org.trek.mcp.registry;

/**
 * Features contribute sections of the MCP server instructions (initialize / server/discover) as @ApplicationScoped
 * beans implementing this; the MCP layer appends them, in bean order of {@link #order()}, after its own text.
 */
public interface InstructionsProvider {
    String instructions();

    default int order() {
        return 100;
    }
}
