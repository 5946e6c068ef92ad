package org.trek.notifications.resources;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trek.mcp.registry.ResourceAccess;
import org.trek.mcp.registry.ResourceContents;
import org.trek.mcp.registry.ResourceDefinition;
import org.trek.mcp.registry.ResourceNotFoundException;
import org.trek.mcp.registry.ResourceProvider;
import org.trek.notifications.NotificationService;
import org.trek.notifications.tools.NotificationTools;
import org.trek.platform.auth.AccessGrant;

/**
 * {@code trek://notifications/in-app}: the reader's own latest {@value #LATEST} notifications, unread first, then
 * newest first, as {@code {notifications, total, unread_count}} (total: all of the reader's notifications). Needs
 * notifications:read; without it the resource does not exist for the grant.
 */
@ApplicationScoped
public class NotificationResources implements ResourceProvider, ResourceAccess {
    static final int LATEST = 50;
    private static final String JSON = "application/json";

    @Inject
    NotificationService notifications;

    private List<ResourceDefinition> resources;

    @Override
    public List<ResourceDefinition> resources() {
        return resources;
    }

    @PostConstruct
    void declare() {
        resources = List.of(new ResourceDefinition(NotificationService.URI, null, "notifications-in-app", "In-app notifications",
                "Your in-app notifications (the latest " + LATEST + ", unread first) with the total and unread counts.",
                JSON, NotificationTools.READ_SCOPE, null, this::read));
    }

    private ResourceContents read(AccessGrant grant, String uri, Map<String, String> variables) {
        if (!grant.allows(NotificationTools.READ_SCOPE)) {
            throw new ResourceNotFoundException(uri);
        }
        NotificationService.Page page = notifications.list(grant.userId(), false, true, LATEST, 0);
        return new ResourceContents(uri, JSON, NotificationTools.page(page).remove("next_cursor").build().toString());
    }

    /** Everyone reads only their own list: a grant with the scope may always read it (the MCP layer checks the scope). */
    @Override
    public Optional<Boolean> mayRead(AccessGrant grant, String uri, Map<String, String> variables) {
        return NotificationService.URI.equals(uri) ? Optional.of(true) : Optional.empty();
    }
}
