package org.trek.platform.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The 27 OAuth scopes in 13 groups, in TREK's order, and the implication rules. The consent page, the settings
 * picker, the discovery metadata, dynamic registration and the MCP layer all read this one class.
 *
 * <p>Implication rules: trips read = any trips:* scope; other groups: read = group:read or group:write;
 * write = group:write only; trips:delete, trips:share and journey:share stand alone.
 */
public final class ScopeCatalog {

    private static final Map<String, String> GROUP_LABELS = new LinkedHashMap<>();
    private static final List<Scope> ALL = new ArrayList<>();

    static {
        group("trips", "Trips");
        add("trips:read", "trips", "View trips & itineraries", "Read your trips, their days, day notes and members.");
        add("trips:write", "trips", "Edit trips & itineraries", "Create and update trips, days, notes and accommodations, and manage members.");
        add("trips:delete", "trips", "Delete trips", "Delete whole trips. This cannot be undone.");
        add("trips:share", "trips", "Manage share links", "Create, change and revoke public links to your trips.");
        group("places", "Places");
        add("places:read", "places", "View places & map data", "Read places, day assignments, tags and categories.");
        add("places:write", "places", "Manage places", "Create, update and delete places, day assignments and tags.");
        group("atlas", "Atlas");
        add("atlas:read", "atlas", "View Atlas", "Read visited countries and regions and your bucket list.");
        add("atlas:write", "atlas", "Manage Atlas", "Mark countries and regions visited and edit your bucket list.");
        group("packing", "Packing");
        add("packing:read", "packing", "View packing lists", "Read packing items, bags and category assignees.");
        add("packing:write", "packing", "Manage packing lists", "Add, edit, delete, check off and reorder packing items and bags.");
        group("todos", "To-dos");
        add("todos:read", "todos", "View to-do lists", "Read to-dos and their category assignees.");
        add("todos:write", "todos", "Manage to-do lists", "Create, edit, check off, delete and reorder to-dos.");
        group("budget", "Budget");
        add("budget:read", "budget", "View budget", "Read budget items and the cost breakdown.");
        add("budget:write", "budget", "Manage budget", "Create, edit and delete budget items.");
        group("reservations", "Reservations");
        add("reservations:read", "reservations", "View reservations", "Read reservations and accommodation details.");
        add("reservations:write", "reservations", "Manage reservations", "Create, edit, delete and reorder reservations and transports.");
        group("collab", "Collaboration");
        add("collab:read", "collab", "View collaboration", "Read shared notes, polls and chat messages.");
        add("collab:write", "collab", "Manage collaboration", "Write shared notes, polls and chat messages.");
        group("notifications", "Notifications");
        add("notifications:read", "notifications", "View notifications", "Read your in-app notifications and unread count.");
        add("notifications:write", "notifications", "Manage notifications", "Mark notifications read or unread.");
        group("vacay", "Vacation");
        add("vacay:read", "vacay", "View vacation plans", "Read your vacation plan, entries and statistics.");
        add("vacay:write", "vacay", "Manage vacation plans", "Edit vacation entries, holidays and the team plan.");
        group("geo", "Geo");
        add("geo:read", "geo", "Maps & geocoding", "Look up place details, resolve map links, reverse-geocode and search airports.");
        group("weather", "Weather");
        add("weather:read", "weather", "Weather forecasts", "Read weather forecasts for your places.");
        group("journey", "Journey");
        add("journey:read", "journey", "View journeys", "Read journeys, their entries and contributors.");
        add("journey:write", "journey", "Manage journeys", "Create, edit and delete journeys and their entries.");
        add("journey:share", "journey", "Manage journey links", "Create and revoke public links to journeys.");
    }

    private static final Map<String, Scope> BY_NAME = ALL.stream()
            .collect(Collectors.toMap(Scope::name, s -> s, (a, b) -> a, LinkedHashMap::new));

    private ScopeCatalog() {
    }

    private static void group(String key, String label) {
        GROUP_LABELS.put(key, label);
    }

    private static void add(String name, String group, String label, String description) {
        ALL.add(new Scope(name, group, label, description));
    }

    /** All 27 scopes in display order. */
    public static List<Scope> all() {
        return List.copyOf(ALL);
    }

    /** All scope names in display order (scopes_supported). */
    public static List<String> names() {
        return ALL.stream().map(Scope::name).toList();
    }

    public static boolean isKnown(String name) {
        return BY_NAME.containsKey(name);
    }

    public static Scope get(String name) {
        return BY_NAME.get(name);
    }

    /** The 13 groups with their scopes, in display order. */
    public static List<ScopeGroup> groups() {
        return groupsOf(names());
    }

    /** The groups containing the given scopes (only those), in display order; for the consent page. */
    public static List<ScopeGroup> groupsOf(Collection<String> scopeNames) {
        Set<String> wanted = Set.copyOf(scopeNames);
        List<ScopeGroup> result = new ArrayList<>();
        GROUP_LABELS.forEach((key, label) -> {
            List<Scope> members = ALL.stream().filter(s -> s.group().equals(key) && wanted.contains(s.name())).toList();
            if (!members.isEmpty()) {
                result.add(new ScopeGroup(key, label, members));
            }
        });
        return result;
    }

    /** The read-only set: the 13 scopes ending in ":read" (default for dynamic registration, VS Code preset). */
    public static List<String> readOnly() {
        return ALL.stream().map(Scope::name).filter(n -> n.endsWith(":read")).toList();
    }

    /** Every scope except trips:delete (the default of the Claude, Cursor, Windsurf and Zed presets). */
    public static List<String> allButDelete() {
        return ALL.stream().map(Scope::name).filter(n -> !n.endsWith(":delete")).toList();
    }

    /**
     * Parses a space-separated scope string (RFC 6749 §3.3) into known scope names in catalogue order.
     * Unknown names are returned separately so callers can refuse them (invalid_scope) or drop them.
     */
    public static Parsed parse(String scopeString) {
        Set<String> requested = new LinkedHashSet<>();
        Set<String> unknown = new LinkedHashSet<>();
        if (scopeString != null) {
            for (String token : scopeString.trim().split("\\s+")) {
                if (token.isEmpty()) {
                    continue;
                }
                (isKnown(token) ? requested : unknown).add(token);
            }
        }
        List<String> ordered = ALL.stream().map(Scope::name).filter(requested::contains).toList();
        return new Parsed(ordered, List.copyOf(unknown));
    }

    public record Parsed(List<String> known, List<String> unknown) {
    }

    public static String join(Collection<String> scopes) {
        return String.join(" ", scopes);
    }

    // ---- implication rules -------------------------------------------------------------------------------

    /** Whether a grant holding {@code granted} may use something that needs {@code required}. null = full access. */
    public static boolean allows(Set<String> granted, String required) {
        if (granted == null || required == null) {
            return true;
        }
        if (granted.contains(required)) {
            return true;
        }
        int colon = required.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String group = required.substring(0, colon);
        String verb = required.substring(colon + 1);
        if (!verb.equals("read")) {
            return false; // write, delete and share are never implied
        }
        if (group.equals("trips")) {
            return granted.contains("trips:write") || granted.contains("trips:delete") || granted.contains("trips:share");
        }
        return granted.contains(group + ":write");
    }
}
