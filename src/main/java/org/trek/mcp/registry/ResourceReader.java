package org.trek.mcp.registry;

import java.util.Map;
import org.trek.platform.auth.AccessGrant;

/** Reads one resource. Throws {@link ResourceNotFoundException} for an unknown or inaccessible one. */
@FunctionalInterface
public interface ResourceReader {
    /** @param variables the template variables (empty for a fixed URI) */
    ResourceContents read(AccessGrant grant, String uri, Map<String, String> variables);
}
