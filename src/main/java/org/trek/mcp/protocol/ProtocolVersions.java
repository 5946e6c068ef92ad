package org.trek.mcp.protocol;

import java.util.List;

/** The MCP revisions /mcp speaks: three stateful legacy ones and the stateless 2026-07-28 (dual-era endpoint). */
public final class ProtocolVersions {
    public static final String V2025_03_26 = "2025-03-26";
    public static final String V2025_06_18 = "2025-06-18";
    public static final String V2025_11_25 = "2025-11-25";
    public static final String V2026_07_28 = "2026-07-28";

    /** Newest first: what initialize negotiates. */
    public static final List<String> LEGACY = List.of(V2025_11_25, V2025_06_18, V2025_03_26);
    public static final List<String> MODERN = List.of(V2026_07_28);
    /** Older revisions a client may name; routed to the legacy wire and negotiated up. */
    public static final List<String> OLDER = List.of("2024-11-05", "2024-10-07");

    private ProtocolVersions() {
    }

    /**
     * Version negotiation (2025-11-25 basic/lifecycle "Version Negotiation"): answer the requested version when we
     * support it, otherwise the latest we support.
     */
    public static String negotiate(String requested) {
        return LEGACY.contains(requested) ? requested : LEGACY.get(0);
    }

    public static boolean isLegacyHeader(String header) {
        return header == null || LEGACY.contains(header) || OLDER.contains(header);
    }
}
