package org.trek.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.trek.mcp.registry.PromptDefinition;
import org.trek.mcp.registry.PromptProvider;
import org.trek.mcp.registry.ResourceDefinition;
import org.trek.mcp.registry.ResourceProvider;
import org.trek.mcp.registry.ToolDefinition;
import org.trek.mcp.registry.ToolProvider;
import org.trek.oauth.grant.GrantService;
import org.trek.oauth.grant.GrantView;
import org.trek.platform.addons.AddonId;
import org.trek.platform.addons.AddonService;
import org.trek.platform.addons.SubSwitch;
import org.trek.platform.auth.OpenMcpSessions;
import org.trek.tokens.StaticTokenService;

/**
 * What switching an addon or a part off cuts, for the confirmation on Admin → Addons. For MCP: the connected apps,
 * static tokens and open sessions of every user (a fixed number of statements, whatever their number). For the
 * others: the tools, resources and prompts that disappear from AI clients, counted from the descriptors the features
 * registered (no database).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AddonImpact {

    @Inject
    GrantService grants;

    @Inject
    StaticTokenService tokens;

    @Inject
    OpenMcpSessions sessions;

    @Inject
    AddonService addons;

    @Inject
    @Any
    Instance<ToolProvider> toolProviders;

    @Inject
    @Any
    Instance<ResourceProvider> resourceProviders;

    @Inject
    @Any
    Instance<PromptProvider> promptProviders;

    /** Switching MCP off: every AI client of every user stops (nothing is revoked). */
    public record McpCut(int connectedApps, int grants, int users, int staticTokens, long sessions) {
    }

    /** Switching a feature addon or part off: what disappears from AI clients (its data is kept). */
    public record Gone(int tools, int resources, int prompts) {
        public boolean nothing() {
            return tools == 0 && resources == 0 && prompts == 0;
        }
    }

    public McpCut mcp() {
        List<GrantView> live = grants.grants(null); // live token families of everyone, in a fixed number of queries
        Set<String> apps = new HashSet<>();
        Set<Long> users = new HashSet<>();
        for (GrantView g : live) {
            apps.add(g.getUserId() + " " + g.getClientId()); // an app connected by two users counts twice
            users.add(g.getUserId());
        }
        return new McpCut(apps.size(), live.size(), users.size(), tokens.listAll().size(), sessions.count());
    }

    /** The gate ids of every tool, resource and prompt; the providers' lists never change after start. */
    private volatile List<List<String>> gates;

    /** The addon switched off (part null) or only one of its parts. */
    public Gone gone(AddonId addon, SubSwitch part) {
        List<List<String>> all = gates;
        if (all == null) {
            all = List.of(
                    toolProviders.stream().flatMap(p -> p.tools().stream()).map(ToolDefinition::addon).toList(),
                    resourceProviders.stream().flatMap(p -> p.resources().stream()).map(ResourceDefinition::addon).toList(),
                    promptProviders.stream().flatMap(p -> p.prompts().stream()).map(PromptDefinition::addon).toList());
            gates = all;
        }
        Predicate<SubSwitch> on = addons::isPartOn;
        return new Gone(disappearing(all.get(0), addon, part, on), disappearing(all.get(1), addon, part, on),
                disappearing(all.get(2), addon, part, on));
    }

    /**
     * How many of the descriptors (given by their gate ids) go when the addon, or only the part, is switched off.
     * Off with the addon go its own descriptors and those of its parts that are on (a part already off took its
     * descriptors with it); off with a part go only the part's. Descriptors without a gate stay.
     */
    static int disappearing(List<String> gates, AddonId addon, SubSwitch part, Predicate<SubSwitch> partOn) {
        int n = 0;
        for (String gate : gates) {
            if (gate == null) {
                continue;
            }
            if (part != null) {
                n += gate.equals(part.gate()) ? 1 : 0;
            } else if (gate.equals(addon.id())) {
                n++;
            } else {
                n += SubSwitch.ofGate(gate).filter(s -> s.addon() == addon && partOn.test(s)).isPresent() ? 1 : 0;
            }
        }
        return n;
    }
}
