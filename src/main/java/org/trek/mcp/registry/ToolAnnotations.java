package org.trek.mcp.registry;

/** MCP tool annotations; they must tell the truth about what the tool does. */
public record ToolAnnotations(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {
    public static final ToolAnnotations READ = new ToolAnnotations(true, false, true, false);
    /** Creates something new each call. */
    public static final ToolAnnotations CREATE = new ToolAnnotations(false, false, false, false);
    /** Updates in place: calling twice with the same input has the same effect as once. */
    public static final ToolAnnotations UPDATE = new ToolAnnotations(false, false, true, false);
    /** Deletes or overwrites data. */
    public static final ToolAnnotations DELETE = new ToolAnnotations(false, true, true, false);
}
