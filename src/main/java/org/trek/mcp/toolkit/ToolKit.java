package org.trek.mcp.toolkit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trek.mcp.registry.InvalidParamsException;
import org.trek.mcp.registry.ToolAnnotations;
import org.trek.mcp.registry.ToolDefinition;
import org.trek.mcp.registry.ToolException;
import org.trek.mcp.registry.ToolResult;
import org.trek.platform.DomainException;
import org.trek.platform.addons.AddonId;
import org.trek.platform.addons.AddonService;
import org.trek.platform.addons.SubSwitch;

/**
 * Declares a feature's tools: one call per tool with its arguments as {@link Fields}, and a handler that reads them
 * through a {@link Call}. Whatever the registry already filtered, the grant's scope and the addon (or the addon's part)
 * are checked again inside (defence in depth); a {@link DomainException} becomes an isError result with its own
 * message, and any other failure a generic message (the exception text never reaches the client).
 */
@ApplicationScoped
public class ToolKit {
    private static final Logger LOG = Logger.getLogger(ToolKit.class.getName());
    public static final String FAILED = "The operation failed; nothing was changed.";

    @Inject
    AddonService addons;

    /**
     * @param scope the OAuth scope needed to see and call it (implication rules apply), or null
     * @param addon the addon that must be on, or null
     */
    public ToolDefinition tool(String name, String title, String description, Fields input, JsonObject output,
                               ToolAnnotations annotations, String scope, AddonId addon, Function<Call, JsonObject> body) {
        return tool(name, title, description, input, output, annotations, scope, addon == null ? null : addon.id(),
                addon == null ? null : "The " + addon.id() + " addon is disabled on this server.", body);
    }

    /**
     * A tool of one part of an addon (collab's notes, polls or chat): it exists while the addon and the part are on.
     *
     * @param part the part whose tool this is; its {@link SubSwitch#gate()} is the tool's addon gate
     */
    public ToolDefinition toolOfPart(String name, String title, String description, Fields input, JsonObject output,
                                     ToolAnnotations annotations, String scope, SubSwitch part, Function<Call, JsonObject> body) {
        return tool(name, title, description, input, output, annotations, scope, part.gate(),
                "The " + part.addon().id() + " addon's " + part.key() + " part is switched off on this server.", body);
    }

    private ToolDefinition tool(String name, String title, String description, Fields input, JsonObject output,
                                ToolAnnotations annotations, String scope, String gate, String offMessage,
                                Function<Call, JsonObject> body) {
        return new ToolDefinition(name, title, description, input.inputSchema(), output, annotations, scope, gate, call -> {
            if (scope != null && !call.grant().allows(scope)) {
                throw new ToolException("Insufficient scope: " + name + " needs " + scope + ".");
            }
            if (gate != null && !addons.isEnabled(gate)) {
                throw new ToolException(offMessage);
            }
            try {
                return ToolResult.of(body.apply(new Call(call, input)));
            } catch (DomainException e) {
                throw new ToolException(e.getMessage());
            } catch (ToolException | InvalidParamsException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Tool " + name + " failed", e);
                throw new ToolException(FAILED);
            }
        });
    }
}
