package org.trek.mcp.registry;

/** Runs a tool. Arguments have already been validated against the input schema. */
@FunctionalInterface
public interface ToolHandler {
    /**
     * @throws ToolException for a domain error (shown to the model as an isError result with its message)
     * @throws InvalidParamsException for arguments the schema could not express as invalid (JSON-RPC -32602)
     */
    ToolResult call(ToolCall call);
}
