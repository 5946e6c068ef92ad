package org.trek.mcp;

import org.trek.mcp.protocol.McpError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks tool arguments against the tool's inputSchema (JSON Schema 2020-12 unless the schema names another draft)
 * before the handler runs; the first problem becomes a -32602 error that names the field. Compiled schemas are
 * cached, so each tool's schema is parsed once.
 */
public final class ArgumentValidator {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();

    private ArgumentValidator() {
    }

    public static void validate(JsonObject schema, JsonValue value) {
        String problem = check(schema, value);
        if (problem != null) {
            throw McpError.invalidParams("Invalid arguments: " + problem);
        }
    }

    /** The first validation problem, or null when the value is valid. */
    static String check(JsonObject schema, JsonValue value) {
        if (schema == null) {
            return null;
        }
        Schema compiled = COMPILED.computeIfAbsent(schema.toString(), REGISTRY::getSchema);
        JsonNode node;
        try {
            node = MAPPER.readTree(value.toString());
        } catch (Exception e) {
            return "arguments are not valid JSON";
        }
        List<Error> errors = compiled.validate(node);
        if (errors.isEmpty()) {
            return null;
        }
        Error first = errors.get(0);
        String where = first.getInstanceLocation() == null ? "" : first.getInstanceLocation().toString();
        String message = first.getMessage();
        return message.startsWith(where) ? message : (where.isEmpty() ? message : where + ": " + message);
    }
}
