package org.trek.integrations;

import org.trek.platform.JsonFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * Ready-to-paste client configuration. Desktop clients (loopback redirect URIs) run {@code mcp-remote} with
 * {@code --static-oauth-client-info}, so they skip dynamic registration and use the client created in Settings;
 * web clients such as Claude.ai take the endpoint URL and the client id/secret in their own connector form.
 */
public final class ConfigSnippets {
    public static final String SECRET_PLACEHOLDER = "<your_client_secret>";
    private static final JsonWriterFactory PRETTY = JsonFactory.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private ConfigSnippets() {
    }

    /** True when the client's redirect URIs are loopback ones, i.e. a desktop client behind mcp-remote. */
    public static boolean isDesktop(List<String> redirectUris) {
        return redirectUris.stream().anyMatch(u -> u.startsWith("http://"));
    }

    /** The {@code mcpServers} JSON; secret null for a public client, otherwise the real secret or the placeholder. */
    public static String mcpRemote(String mcpUrl, String clientId, String secret, boolean publicClient) {
        var info = JsonFactory.createObjectBuilder().add("client_id", clientId);
        if (!publicClient) {
            info.add("client_secret", secret == null ? SECRET_PLACEHOLDER : secret);
        }
        JsonObject server = JsonFactory.createObjectBuilder()
                .add("command", "npx")
                .add("args", JsonFactory.createArrayBuilder().add("-y").add("mcp-remote").add(mcpUrl)
                        .add("--static-oauth-client-info").add(info.build().toString()))
                .build();
        JsonObject root = JsonFactory.createObjectBuilder()
                .add("mcpServers", JsonFactory.createObjectBuilder().add("trek", server)).build();
        StringWriter out = new StringWriter();
        PRETTY.createWriter(out).write(root);
        return out.toString().strip();
    }

    /** What a web client (Claude.ai → Settings → Connectors → Add custom connector) needs. */
    public static String web(String mcpUrl, String clientId, String secret, boolean publicClient) {
        StringBuilder s = new StringBuilder()
                .append("Remote MCP server URL: ").append(mcpUrl).append('\n')
                .append("OAuth Client ID: ").append(clientId);
        if (!publicClient) {
            s.append('\n').append("OAuth Client Secret: ").append(secret == null ? SECRET_PLACEHOLDER : secret);
        }
        return s.toString();
    }

    public static String forClient(String mcpUrl, String clientId, String secret, boolean publicClient,
                                   List<String> redirectUris) {
        return isDesktop(redirectUris) ? mcpRemote(mcpUrl, clientId, secret, publicClient)
                : web(mcpUrl, clientId, secret, publicClient);
    }
}
