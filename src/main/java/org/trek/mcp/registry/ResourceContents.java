package org.trek.mcp.registry;

/** Text contents of a resource (JSON for trek:// resources). */
public record ResourceContents(String uri, String mimeType, String text) {
}
