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

    /**
     * A machine client: fetch an access token with client_credentials (RFC 6749 §4.4, HTTP Basic with the id and the
     * secret), then send it as a bearer token; the token lasts an hour and there is no refresh token, so a CLI agent asks
     * again when it expires (clients that speak the MCP client-credentials extension do this themselves).
     */
    public static String machine(String mcpUrl, String clientId, String secret) {
        String tokenUrl = mcpUrl.substring(0, mcpUrl.length() - "/mcp".length()) + "/oauth/token";
        return "# 1. An access token (valid for an hour; ask again when it expires)\n"
                + "curl -s -u '" + clientId + ":" + (secret == null ? SECRET_PLACEHOLDER : secret) + "' \\\n"
                + "  -d grant_type=client_credentials -d resource=" + mcpUrl + " " + tokenUrl + "\n"
                + "# 2. Your agent sends it to " + mcpUrl + " as\n"
                + "#    Authorization: Bearer <access_token>\n"
                + "#    e.g. npx -y mcp-remote " + mcpUrl + " --header \"Authorization: Bearer <access_token>\"";
    }

    public static String forClient(String mcpUrl, String clientId, String secret, boolean publicClient,
                                   List<String> redirectUris, boolean machine) {
        return machine ? machine(mcpUrl, clientId, secret) : forClient(mcpUrl, clientId, secret, publicClient, redirectUris);
    }

    public static String forClient(String mcpUrl, String clientId, String secret, boolean publicClient,
                                   List<String> redirectUris) {
        return isDesktop(redirectUris) ? mcpRemote(mcpUrl, clientId, secret, publicClient)
                : web(mcpUrl, clientId, secret, publicClient);
    }
}
