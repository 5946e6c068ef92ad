package org.trek.mcp.registry;

/**
 * A fixed resource (uri) or a resource template (uriTemplate, RFC 6570 level 1 like trek://trips/{tripId}/places).
 * Exactly one of uri and uriTemplate is set.
 */
public record ResourceDefinition(String uri, String uriTemplate, String name, String title, String description,
                                 String mimeType, String requiredScope, String addon, ResourceReader reader) {
}
