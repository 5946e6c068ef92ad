package org.trek.mcp.registry;

/**
 * Contents of a resource: text (JSON for trek:// resources) or, when {@code blob} is set, base64 binary data.
 */
public record ResourceContents(String uri, String mimeType, String text, String blob) {

    public ResourceContents(String uri, String mimeType, String text) {
        this(uri, mimeType, text, null);
    }

    public static ResourceContents binary(String uri, String mimeType, String base64) {
        return new ResourceContents(uri, mimeType, null, base64);
    }
}
