package org.trek.platform.auth;

/**
 * How many MCP sessions are open on the instance (all users, all nodes), for screens that must say what an action
 * cuts (Admin → Addons, switching MCP off). Implemented by the MCP layer, so the admin screens need not know it.
 */
public interface OpenMcpSessions {
    /** Sessions used within their idle timeout, counted in the shared database (one statement). */
    long count();
}
