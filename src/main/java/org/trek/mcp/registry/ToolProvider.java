package org.trek.mcp.registry;

import java.util.List;

/**
 * Features contribute tools by implementing this as an @ApplicationScoped bean (one class per tool group).
 * The registry collects every provider once at start-up; the list must not change afterwards.
 */
public interface ToolProvider {
    List<ToolDefinition> tools();
}
