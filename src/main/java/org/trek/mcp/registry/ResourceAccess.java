package org.trek.mcp.registry;

import java.util.Map;
import java.util.Optional;
import org.trek.platform.auth.AccessGrant;

/**
 * Implemented (as an @ApplicationScoped bean) by features whose resources can be subscribed to: answers cheaply
 * whether a grant may read one of its resources right now. The MCP layer asks before accepting a subscription and
 * before every notifications/resources/updated, so a user who lost access to the data hears nothing more about it.
 * Scope and addon are checked by the MCP layer itself. Without an answer from any feature the MCP layer reads the
 * resource with the subscriber's grant instead.
 */
public interface ResourceAccess {
    /**
     * @param variables the template variables of the URI (empty for a fixed resource)
     * @return empty when the URI is not this feature's; otherwise whether the grant's user may read it now
     */
    Optional<Boolean> mayRead(AccessGrant grant, String uri, Map<String, String> variables);
}
