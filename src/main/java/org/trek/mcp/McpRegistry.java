package org.trek.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.trek.platform.JsonFactory;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.trek.platform.addons.AddonService;
import org.trek.mcp.registry.CompletionProvider;
import org.trek.mcp.registry.PromptDefinition;
import org.trek.mcp.registry.PromptProvider;
import org.trek.mcp.registry.ResourceDefinition;
import org.trek.mcp.registry.ResourceProvider;
import org.trek.mcp.registry.ToolDefinition;
import org.trek.mcp.registry.ToolProvider;
import org.trek.platform.auth.AccessGrant;
import org.trek.platform.json.JsonText;

/**
 * Everything features contribute to MCP, collected once at first use: tool descriptors are built once, and the
 * tools/list answer is cached per (scope set, enabled addons), so a session or request costs no rebuilding.
 */
@ApplicationScoped
public class McpRegistry {
    private static final Logger LOG = Logger.getLogger(McpRegistry.class.getName());
    /** Tool names (2025-11-25 server/tools "Tool names"): 1-128 of A-Z a-z 0-9 _ - . */
    private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
    private static final int LIST_CACHE_LIMIT = 512;

    @Inject
    @Any
    Instance<ToolProvider> toolProviders;

    @Inject
    @Any
    Instance<ResourceProvider> resourceProviders;

    @Inject
    @Any
    Instance<PromptProvider> promptProviders;

    @Inject
    @Any
    Instance<CompletionProvider> completionProviders;

    @Inject
    AddonService addons;

    private volatile Catalog catalog;
    private final Map<ListKey, VisibleTools> toolListCache = new ConcurrentHashMap<>();

    /** A tools/list answer depends on the grant's scopes (null: full access) and which addons are on. */
    private record ListKey(Set<String> scopes, String enabledAddons) {
    }

    /** The tools one (scope set, addon state) sees, and their tools/list array, built once and shared. */
    public record VisibleTools(List<ToolEntry> entries, JsonArray descriptors) {
    }

    /** A tool with its descriptor JSON built once. */
    public record ToolEntry(ToolDefinition definition, JsonObject descriptor) {
    }

    /** A resource or template with its descriptor; templates carry a compiled matcher. */
    public record ResourceEntry(ResourceDefinition definition, JsonObject descriptor, Pattern template,
                                List<String> variables) {
    }

    public record PromptEntry(PromptDefinition definition, JsonObject descriptor) {
    }

    /** @param toolAddons the addons that gate some tool, in a fixed order */
    private record Catalog(Map<String, ToolEntry> tools, Map<String, ResourceEntry> fixed,
                           List<ResourceEntry> templates, Map<String, PromptEntry> prompts, List<String> toolAddons) {
    }

    /** Collects every contribution once, right after start-up, so a broken provider shows in the start log. */
    void warmUp(@Observes @jakarta.annotation.Priority(100) org.trek.platform.Startup.DatabaseReady ready) {
        catalog();
    }

    private Catalog catalog() {
        Catalog c = catalog;
        if (c == null) {
            synchronized (this) {
                if (catalog == null) {
                    catalog = build();
                }
                c = catalog;
            }
        }
        return c;
    }

    private Catalog build() {
        Map<String, ToolEntry> tools = new LinkedHashMap<>();
        for (ToolProvider p : toolProviders) {
            for (ToolDefinition t : p.tools()) {
                if (!TOOL_NAME.matcher(t.name()).matches() || tools.containsKey(t.name())) {
                    LOG.severe(() -> "MCP tool skipped (invalid or duplicate name): " + t.name());
                    continue;
                }
                tools.put(t.name(), new ToolEntry(t, describe(t)));
            }
        }
        Map<String, ResourceEntry> fixed = new LinkedHashMap<>();
        List<ResourceEntry> templates = new ArrayList<>();
        for (ResourceProvider p : resourceProviders) {
            for (ResourceDefinition r : p.resources()) {
                if (r.uriTemplate() != null) {
                    List<String> vars = new ArrayList<>();
                    templates.add(new ResourceEntry(r, describe(r), compileTemplate(r.uriTemplate(), vars), vars));
                } else if (r.uri() != null) {
                    fixed.putIfAbsent(r.uri(), new ResourceEntry(r, describe(r), null, List.of()));
                }
            }
        }
        Map<String, PromptEntry> prompts = new LinkedHashMap<>();
        for (PromptProvider p : promptProviders) {
            for (PromptDefinition d : p.prompts()) {
                prompts.putIfAbsent(d.name(), new PromptEntry(d, describe(d)));
            }
        }
        LOG.info(() -> "MCP registry: " + tools.size() + " tools, " + fixed.size() + " resources, " + templates.size()
                + " resource templates, " + prompts.size() + " prompts");
        return new Catalog(Collections.unmodifiableMap(tools), Collections.unmodifiableMap(fixed), List.copyOf(templates),
                Collections.unmodifiableMap(prompts), tools.values().stream().map(t -> t.definition().addon()).filter(a -> a != null).distinct().sorted().toList());
    }

    // ---------------------------------------------------------------- visibility

    /** Whether an addon is on (AddonService keeps the states briefly, so lists cost no query each time). */
    public boolean addonEnabled(String addon) {
        return addon == null || addons.isEnabled(addon);
    }

    void onAddonToggled(@Observes AddonService.AddonToggled toggled) {
        forgetAddonStates();
    }

    /** After an addon toggle (here, or on another node as the change feed tells): read the states afresh. */
    public void forgetAddonStates() {
        addons.forgetStates();
        toolListCache.clear();
    }

    private boolean visible(AccessGrant grant, String scope, String addon) {
        return (scope == null || grant.allows(scope)) && addonEnabled(addon);
    }

    public List<ToolEntry> tools(AccessGrant grant) {
        return visibleTools(grant).entries();
    }

    /** The tools this grant may see, in registration order; cached per scope set and addon state. */
    public VisibleTools visibleTools(AccessGrant grant) {
        Catalog c = catalog();
        StringBuilder enabled = new StringBuilder();
        for (String addon : c.toolAddons()) {
            if (addonEnabled(addon)) {
                enabled.append(addon).append(',');
            }
        }
        ListKey key = new ListKey(grant.scopes(), enabled.toString());
        VisibleTools cached = toolListCache.get(key);
        if (cached == null) {
            List<ToolEntry> entries = c.tools().values().stream()
                    .filter(t -> visible(grant, t.definition().requiredScope(), t.definition().addon())).toList();
            // written once: every tools/list answer of this scope set copies the text
            cached = new VisibleTools(entries, JsonText.rendered(descriptors(entries)));
            if (toolListCache.size() > LIST_CACHE_LIMIT) {
                toolListCache.clear();
            }
            toolListCache.put(key, cached);
        }
        return cached;
    }

    public Optional<ToolEntry> tool(String name) {
        return Optional.ofNullable(catalog().tools().get(name));
    }

    public List<ResourceEntry> resources(AccessGrant grant) {
        return catalog().fixed().values().stream()
                .filter(r -> visible(grant, r.definition().requiredScope(), r.definition().addon())).toList();
    }

    public List<ResourceEntry> templates(AccessGrant grant) {
        return catalog().templates().stream()
                .filter(r -> visible(grant, r.definition().requiredScope(), r.definition().addon())).toList();
    }

    /**
     * The resource a URI names (fixed first, then templates) with its template variables. A query string
     * ({@code trek://trips/7/places?assignment=all}) names a view of the same resource: it takes no part in the
     * matching, and the reader gets the whole URI.
     */
    public Optional<Map.Entry<ResourceEntry, Map<String, String>>> resolve(String uri) {
        Catalog c = catalog();
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        ResourceEntry fixed = c.fixed().get(path);
        if (fixed != null) {
            return Optional.of(Map.entry(fixed, Map.of()));
        }
        for (ResourceEntry t : c.templates()) {
            Matcher m = t.template().matcher(path);
            if (m.matches()) {
                Map<String, String> vars = new LinkedHashMap<>();
                for (int i = 0; i < t.variables().size(); i++) {
                    vars.put(t.variables().get(i), m.group(i + 1));
                }
                return Optional.of(Map.entry(t, vars));
            }
        }
        return Optional.empty();
    }

    public boolean resourceVisible(AccessGrant grant, ResourceEntry r) {
        return visible(grant, r.definition().requiredScope(), r.definition().addon());
    }

    public List<PromptEntry> prompts(AccessGrant grant) {
        return catalog().prompts().values().stream()
                .filter(p -> visible(grant, p.definition().requiredScope(), p.definition().addon())).toList();
    }

    public Optional<PromptEntry> prompt(String name) {
        return Optional.ofNullable(catalog().prompts().get(name));
    }

    public boolean promptVisible(AccessGrant grant, PromptEntry p) {
        return visible(grant, p.definition().requiredScope(), p.definition().addon());
    }

    public List<String> complete(AccessGrant grant, String refType, String refName, String argument, String prefix) {
        for (CompletionProvider p : completionProviders) {
            Optional<List<String>> values = p.complete(grant, refType, refName, argument, prefix);
            if (values.isPresent()) {
                return values.get();
            }
        }
        return List.of();
    }

    // ---------------------------------------------------------------- descriptors (built once)

    static JsonObject describe(ToolDefinition t) {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("name", t.name());
        if (t.title() != null) {
            b.add("title", t.title());
        }
        b.add("description", t.description() == null ? t.name() : t.description());
        b.add("inputSchema", t.inputSchema() == null
                ? JsonFactory.createObjectBuilder().add("type", "object").build() : t.inputSchema());
        if (t.outputSchema() != null) {
            b.add("outputSchema", t.outputSchema());
        }
        if (t.annotations() != null) {
            JsonObjectBuilder a = JsonFactory.createObjectBuilder();
            if (t.title() != null) {
                a.add("title", t.title());
            }
            a.add("readOnlyHint", t.annotations().readOnly())
                    .add("destructiveHint", t.annotations().destructive())
                    .add("idempotentHint", t.annotations().idempotent())
                    .add("openWorldHint", t.annotations().openWorld());
            b.add("annotations", a);
        }
        return b.build();
    }

    static JsonObject describe(ResourceDefinition r) {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder();
        if (r.uriTemplate() != null) {
            b.add("uriTemplate", r.uriTemplate());
        } else {
            b.add("uri", r.uri());
        }
        b.add("name", r.name());
        if (r.title() != null) {
            b.add("title", r.title());
        }
        if (r.description() != null) {
            b.add("description", r.description());
        }
        if (r.mimeType() != null) {
            b.add("mimeType", r.mimeType());
        }
        return b.build();
    }

    static JsonObject describe(PromptDefinition p) {
        JsonObjectBuilder b = JsonFactory.createObjectBuilder().add("name", p.name());
        if (p.title() != null) {
            b.add("title", p.title());
        }
        b.add("description", p.description() == null ? p.name() : p.description());
        if (p.arguments() != null && !p.arguments().isEmpty()) {
            JsonArrayBuilder args = JsonFactory.createArrayBuilder();
            for (PromptDefinition.PromptArgument a : p.arguments()) {
                JsonObjectBuilder ab = JsonFactory.createObjectBuilder().add("name", a.name());
                if (a.description() != null) {
                    ab.add("description", a.description());
                }
                args.add(ab.add("required", a.required()));
            }
            b.add("arguments", args);
        }
        return b.build();
    }

    /** RFC 6570 level 1: each {var} matches one path segment. */
    static Pattern compileTemplate(String template, List<String> variables) {
        StringBuilder regex = new StringBuilder();
        Matcher m = Pattern.compile("\\{([A-Za-z0-9_]+)}").matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/?#]+)");
            variables.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(regex.toString());
    }

    public static JsonArray descriptors(List<?> entries) {
        JsonArrayBuilder b = JsonFactory.createArrayBuilder();
        for (Object e : entries) {
            if (e instanceof ToolEntry t) {
                b.add(t.descriptor());
            } else if (e instanceof ResourceEntry r) {
                b.add(r.descriptor());
            } else if (e instanceof PromptEntry p) {
                b.add(p.descriptor());
            }
        }
        return b.build();
    }
}
