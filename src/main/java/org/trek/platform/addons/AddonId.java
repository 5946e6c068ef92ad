package org.trek.platform.addons;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The addons this server knows, one descriptor each: the id of its row in {@code addons} (where its on/off state
 * lives, see {@link AddonService}), the OAuth scopes of what it gates, and its sub-switches. Code names an addon by
 * this enum, never by a string; the wire and the database keep the {@link #id()}.
 */
public enum AddonId {
    /** Everything MCP and OAuth (off by default). */
    MCP("mcp"),
    /** Budget tools, resources, the summary section and the budget-overview prompt. */
    BUDGET("budget", "budget:read", "budget:write"),
    /** "Lists": packing and to-do tools, resources, summary sections and the packing-list prompt. */
    PACKING("packing", "packing:read", "packing:write", "todos:read", "todos:write"),
    /** Collaboration: notes, polls and chat tools and resources, each part a {@link SubSwitch} of its own. */
    COLLAB("collab", "collab:read", "collab:write"),
    /** Atlas and bucket list: the atlas tools and resources (package atlas). */
    ATLAS("atlas", "atlas:read", "atlas:write"),
    /** Vacation planning: the vacay tools and resources (org.trek.vacay). */
    VACAY("vacay", "vacay:read", "vacay:write"),
    /** Travel journal (off by default): the journey tools and resources (org.trek.journey). */
    JOURNEY("journey", "journey:read", "journey:write", "journey:share"),
    /** import_places_from_url with source naver-list (off by default); no scope of its own (places:write). */
    NAVER_LIST_IMPORT("naver_list_import");

    private final String id;
    private final List<String> scopes;

    AddonId(String id, String... scopes) {
        this.id = id;
        this.scopes = List.of(scopes);
    }

    /** The id in the addons table, in tool and resource descriptors and in TREK_ADDONS. */
    public String id() {
        return id;
    }

    /** The scopes of the tools and resources this addon gates (none for MCP itself and the Naver import). */
    public List<String> scopes() {
        return scopes;
    }

    /** The switches inside this addon (collab: notes, polls, chat), in order; empty for most. */
    public List<SubSwitch> subSwitches() {
        return Arrays.stream(SubSwitch.values()).filter(s -> s.addon() == this).toList();
    }

    public static Optional<AddonId> of(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
    }
}
