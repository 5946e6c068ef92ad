package org.trek.mcp.registry;

import java.util.Set;

/**
 * CDI event a feature fires inside the transaction that changes the data behind its resources. The MCP layer records
 * it with that transaction (so it exists exactly when the change commits), and after the commit tells every
 * subscriber that may still read an affected resource (notifications/resources/updated), on every node.
 *
 * @param uris  resources that changed themselves (e.g. {@code trek://trips}, a list)
 * @param trees resources that changed together with everything under them: {@code trek://trips/7} covers
 *              {@code trek://trips/7}, {@code trek://trips/7/places}, {@code trek://trips/7/places?assignment=all}...
 * @param users when not empty, the only users told (for a URI every user reads as their own view, like
 *              {@code trek://trips}: a change to one trip concerns the lists of its owner and members only)
 */
public record ResourceChanged(Set<String> uris, Set<String> trees, Set<Long> users) {
    public ResourceChanged {
        uris = uris == null ? Set.of() : Set.copyOf(uris);
        trees = trees == null ? Set.of() : Set.copyOf(trees);
        users = users == null ? Set.of() : Set.copyOf(users);
    }

    /** A change for every subscriber who may read the resources. */
    public ResourceChanged(Set<String> uris, Set<String> trees) {
        this(uris, trees, Set.of());
    }

    /**
     * Whether a change of {@code changed} (a whole tree when {@code tree}) affects the resource a client subscribed to.
     * A query string names a view of the same resource, so it does not count in the comparison.
     */
    public static boolean affects(String changed, boolean tree, String subscribed) {
        int q = subscribed.indexOf('?');
        String base = q < 0 ? subscribed : subscribed.substring(0, q);
        if (base.equals(changed)) {
            return true;
        }
        return tree && base.startsWith(changed.endsWith("/") ? changed : changed + "/");
    }
}
