package org.trek.integrations;

import java.util.List;
import java.util.Optional;
import org.trek.platform.auth.ScopeCatalog;

/**
 * The "quick presets" of the New Client form (TREK reference §2). Desktop clients connect through {@code mcp-remote},
 * which listens on a loopback port of its own choosing: the registered {@code http://localhost} and
 * {@code http://127.0.0.1} (no port, no path) match any port and path there (RFC 8252 §7.3, see RedirectUriPolicy).
 */
public enum ClientPreset {
    CLAUDE_WEB("claude-web", "Claude.ai", "Claude.ai", false, List.of("https://claude.ai/api/mcp/auth_callback")),
    CLAUDE_DESKTOP("claude-desktop", "Claude Desktop", "Claude Desktop", true, Loopback.URIS),
    CURSOR("cursor", "Cursor", "Cursor", true, Loopback.URIS),
    VSCODE("vscode", "VS Code", "VS Code / Copilot", true, Loopback.URIS),
    WINDSURF("windsurf", "Windsurf", "Windsurf", true, Loopback.URIS),
    ZED("zed", "Zed", "Zed", true, Loopback.URIS);

    private static final class Loopback {
        static final List<String> URIS = List.of("http://localhost", "http://127.0.0.1");
    }

    private final String id;
    private final String label;
    private final String clientName;
    private final boolean desktop;
    private final List<String> redirectUris;

    ClientPreset(String id, String label, String clientName, boolean desktop, List<String> redirectUris) {
        this.id = id;
        this.label = label;
        this.clientName = clientName;
        this.desktop = desktop;
        this.redirectUris = redirectUris;
    }

    public static Optional<ClientPreset> byId(String id) {
        for (ClientPreset p : values()) {
            if (p.id.equals(id)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** VS Code gets the read-only set, every other preset everything except the delete scopes. */
    public List<String> scopes() {
        return this == VSCODE ? ScopeCatalog.readOnly() : ScopeCatalog.allButDelete();
    }

    public String getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public String getClientName() {
        return clientName;
    }

    public boolean isDesktop() {
        return desktop;
    }

    public List<String> getRedirectUris() {
        return redirectUris;
    }
}
