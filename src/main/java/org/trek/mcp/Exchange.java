package org.trek.mcp;

import jakarta.json.JsonObject;
import org.trek.platform.auth.AccessGrant;

/**
 * One request's context: who is calling with which grant, over which wire and revision, in which session (legacy),
 * what the client can do, and whether its response may be a stream.
 *
 * @param sessionKey  the session's key (legacy, after initialize) or null
 * @param logLevel    the minimum log level the client asked for, or null for no log messages
 * @param canStream   whether the client accepts text/event-stream
 */
public record Exchange(AccessGrant grant, boolean modern, String protocolVersion, String sessionKey,
                       JsonObject clientCapabilities, String logLevel, boolean canStream, String ip) {
}
