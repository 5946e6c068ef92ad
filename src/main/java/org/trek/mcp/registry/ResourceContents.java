package org.trek.mcp.registry;

/**
 * Contents of a resource: text (JSON for trek:// resources) or, when {@code blob} is set, base64 binary data; {@code meta}
 * (may be null) becomes the contents' {@code _meta}, e.g. that a list was cut at its cap.
 */
public record ResourceContents(String uri, String mimeType, String text, String blob, jakarta.json.JsonObject meta) {

    public ResourceContents(String uri, String mimeType, String text) {
        this(uri, mimeType, text, null, null);
    }

    public ResourceContents(String uri, String mimeType, String text, String blob) {
        this(uri, mimeType, text, blob, null);
    }

    public static ResourceContents binary(String uri, String mimeType, String base64) {
        return new ResourceContents(uri, mimeType, null, base64, null);
    }
}
