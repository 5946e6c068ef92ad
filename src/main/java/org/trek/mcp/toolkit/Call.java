package org.trek.mcp.toolkit;

import org.trek.mcp.registry.ToolCall;
import org.trek.platform.auth.AccessGrant;

/** A tool call as a kit handler sees it: who calls with what grant, and the declared arguments, typed. */
public final class Call extends Args {
    private final ToolCall call;

    Call(ToolCall call, Fields fields) {
        super(call.arguments(), fields);
        this.call = call;
    }

    public long userId() {
        return call.userId();
    }

    public AccessGrant grant() {
        return call.grant();
    }

    /** The call as the registry gave it (progress, log messages). */
    public ToolCall toolCall() {
        return call;
    }
}
