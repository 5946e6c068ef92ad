package org.trek.mcp.registry;

/** The resource does not exist or the caller may not see it (the two are not told apart). */
public class ResourceNotFoundException extends RuntimeException {
    public ResourceNotFoundException(String uri) {
        super("Resource not found: " + uri, null, false, false);
    }
}
