package org.trek.tokens;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.Map;
import org.trek.platform.JsonFactory;

/**
 * Ready-to-paste {@code mcp-remote} configuration for a static token, as the user's MCP setup page shows it
 * ({@code --header "Authorization: Bearer trek_…"}), with the new token filled in on the page that shows it once.
 */
public final class TokenSnippets {
    private static final JsonWriterFactory PRETTY = JsonFactory.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private TokenSnippets() {
    }

    /** The client configuration ({@code mcpServers} JSON: Claude Desktop, Cursor, Windsurf, …). */
    public static String config(String mcpUrl, String token) {
        return write(server(mcpUrl, "Authorization: Bearer " + token));
    }

    /** The same as one command line, e.g. to try the token in a terminal. */
    public static String command(String mcpUrl, String token) {
        return "npx -y mcp-remote " + mcpUrl + " --header \"Authorization: Bearer " + token + "\"";
    }

    /**
     * For clients that pass arguments with spaces mangled (Claude Desktop and Cursor on Windows, per mcp-remote's
     * README): no space in the argument, the bearer value comes from an environment variable.
     */
    public static String configWithEnv(String mcpUrl, String token) {
        return write(server(mcpUrl, "Authorization:${AUTH_HEADER}")
                .add("env", JsonFactory.createObjectBuilder().add("AUTH_HEADER", "Bearer " + token)));
    }

    private static JsonObjectBuilder server(String mcpUrl, String header) {
        return JsonFactory.createObjectBuilder()
                .add("command", "npx")
                .add("args", JsonFactory.createArrayBuilder().add("-y").add("mcp-remote").add(mcpUrl)
                        .add("--header").add(header));
    }

    private static String write(JsonObjectBuilder server) {
        StringWriter out = new StringWriter();
        PRETTY.createWriter(out).write(JsonFactory.createObjectBuilder()
                .add("mcpServers", JsonFactory.createObjectBuilder().add("trek", server)).build());
        return out.toString().strip();
    }
}
