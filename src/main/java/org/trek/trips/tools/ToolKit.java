package org.trek.trips.tools;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trek.platform.addons.AddonService;
import org.trek.mcp.registry.InvalidParamsException;
import org.trek.mcp.registry.ToolAnnotations;
import org.trek.mcp.registry.ToolCall;
import org.trek.mcp.registry.ToolDefinition;
import org.trek.mcp.registry.ToolException;
import org.trek.mcp.registry.ToolResult;
import org.trek.trips.TripException;

/**
 * Declares trip tools: wraps each handler so that, whatever the registry already filtered, the grant's scope and
 * the addon are checked again inside (defence in depth), domain errors become isError results with their own
 * message, and any other failure becomes a generic message (the exception text never reaches the client).
 */
@ApplicationScoped
public class ToolKit {
    private static final Logger LOG = Logger.getLogger(ToolKit.class.getName());
    public static final String FAILED = "The operation failed; nothing was changed.";

    @Inject
    AddonService addons;

    public ToolDefinition tool(String name, String title, String description, JsonObject input, JsonObject output,
                               ToolAnnotations annotations, String scope, String addon, Function<ToolCall, JsonObject> body) {
        return new ToolDefinition(name, title, description, input, output, annotations, scope, addon, call -> {
            if (scope != null && !call.grant().allows(scope)) {
                throw new ToolException("Insufficient scope: " + name + " needs " + scope + ".");
            }
            if (addon != null && !addons.isEnabled(addon)) {
                throw new ToolException("The " + addon + " addon is disabled on this server.");
            }
            try {
                return ToolResult.of(body.apply(call));
            } catch (TripException e) {
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
