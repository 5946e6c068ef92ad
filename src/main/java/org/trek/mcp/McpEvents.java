package org.trek.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.trek.admin.AddonService;
import org.trek.platform.auth.CredentialRevoked;

/**
 * Reacts to what happens elsewhere: a revoked grant or deleted token closes its sessions (database rows and this
 * node's streams); an addon toggle tells open streams that the lists changed instead of killing sessions.
 */
@ApplicationScoped
public class McpEvents {
    private static final Logger LOG = Logger.getLogger(McpEvents.class.getName());

    @Inject
    McpSessionStore sessions;

    @Inject
    LiveChannels channels;

    void onRevoked(@Observes CredentialRevoked revoked) {
        var keys = sessions.closeGrant(revoked.grantId());
        keys.forEach(channels::closeSession);
        if (!keys.isEmpty()) {
            LOG.info(() -> "Closed " + keys.size() + " MCP session(s) of a revoked grant");
        }
    }

    void onAddonToggled(@Observes AddonService.AddonToggled toggled) {
        channels.listChanged("tools");
        channels.listChanged("resources");
        channels.listChanged("prompts");
    }
}
