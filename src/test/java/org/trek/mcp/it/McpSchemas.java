package org.trek.mcp.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates what /mcp sends against the official MCP JSON schema of the revision in use
 * (shared/reference/mcp-schema/&lt;revision&gt;/schema.json, read from ../shared beside the repository, or /work/shared).
 */
final class McpSchemas {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, ObjectNode> DOCUMENTS = new ConcurrentHashMap<>();
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private McpSchemas() {
    }

    static Path schemaFile(String revision) {
        for (Path base : List.of(Path.of("..", "shared"), Path.of("/work/shared"))) {
            Path p = base.resolve("reference/mcp-schema").resolve(revision).resolve("schema.json");
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("MCP schema for " + revision + " not found in ../shared or /work/shared");
    }

    private static ObjectNode document(String revision) {
        return DOCUMENTS.computeIfAbsent(revision, r -> {
            try {
                return (ObjectNode) MAPPER.readTree(Files.readString(schemaFile(r)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Whether the revision's schema defines this name. */
    static boolean defines(String revision, String definition) {
        ObjectNode doc = document(revision);
        ObjectNode defs = (ObjectNode) (doc.has("$defs") ? doc.get("$defs") : doc.get("definitions"));
        return defs.has(definition);
    }

    /** Throws AssertionError listing the problems when {@code json} is not a valid {@code definition}. */
    static void assertValid(String revision, String definition, String json) {
        Schema schema = SCHEMAS.computeIfAbsent(revision + "#" + definition, k -> {
            ObjectNode root = document(revision).deepCopy();
            String container = root.has("$defs") ? "$defs" : "definitions";
            if (!root.get(container).has(definition)) {
                throw new AssertionError(revision + " schema has no definition " + definition);
            }
            root.put("$ref", "#/" + container + "/" + definition);
            SpecificationVersion version = root.path("$schema").asText().contains("draft-07")
                    ? SpecificationVersion.DRAFT_7 : SpecificationVersion.DRAFT_2020_12;
            return SchemaRegistry.withDefaultDialect(version).getSchema(root.toString());
        });
        List<Error> errors;
        try {
            errors = schema.validate(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
        if (!errors.isEmpty()) {
            throw new AssertionError("Invalid " + definition + " (" + revision + "): " + errors + "\n" + json);
        }
    }

    /** The result type of each method (the schemas name them after the request). */
    static String resultType(String method) {
        return switch (method) {
            case "initialize" -> "InitializeResult";
            case "tools/list" -> "ListToolsResult";
            case "tools/call" -> "CallToolResult";
            case "resources/list" -> "ListResourcesResult";
            case "resources/templates/list" -> "ListResourceTemplatesResult";
            case "resources/read" -> "ReadResourceResult";
            case "prompts/list" -> "ListPromptsResult";
            case "prompts/get" -> "GetPromptResult";
            case "completion/complete" -> "CompleteResult";
            case "server/discover" -> "DiscoverResult";
            default -> "Result";
        };
    }
}
