package org.trek.mcp;

import org.trek.mcp.protocol.McpError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * Checks tool arguments against the tool's inputSchema (JSON Schema 2020-12 unless the schema names another draft)
 * before the handler runs; the first problem becomes a -32602 error that names the field. Each schema is compiled
 * once (keyed by the schema object itself: tool definitions are built once), and the arguments are handed to the
 * validator as a tree copied from the parsed request, never printed and parsed again.
 */
public final class ArgumentValidator {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<JsonObject, Schema> COMPILED = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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
        Schema compiled = COMPILED.get(schema);
        if (compiled == null) {
            compiled = REGISTRY.getSchema(schema.toString());
            COMPILED.put(schema, compiled);
        }
        List<Error> errors = compiled.validate(node(value));
        if (errors.isEmpty()) {
            return null;
        }
        Error first = errors.get(0);
        String where = first.getInstanceLocation() == null ? "" : first.getInstanceLocation().toString();
        String message = first.getMessage();
        return message.startsWith(where) ? message : (where.isEmpty() ? message : where + ": " + message);
    }

    /**
     * The same value as a Jackson tree, numbers as Jackson reads JSON text: integers as long (or BigInteger), others
     * as double (a huge exponent is infinity, never a BigDecimal the validator would have to rescale).
     */
    static JsonNode node(JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT: {
                ObjectNode o = NODES.objectNode();
                for (Map.Entry<String, JsonValue> e : value.asJsonObject().entrySet()) {
                    o.set(e.getKey(), node(e.getValue()));
                }
                return o;
            }
            case ARRAY: {
                ArrayNode a = NODES.arrayNode();
                for (JsonValue v : value.asJsonArray()) {
                    a.add(node(v));
                }
                return a;
            }
            case STRING:
                return NODES.textNode(((JsonString) value).getString());
            case NUMBER: {
                JsonNumber n = (JsonNumber) value;
                if (!n.isIntegral()) {
                    return NODES.numberNode(n.doubleValue());
                }
                try {
                    return NODES.numberNode(n.longValueExact());
                } catch (ArithmeticException tooLong) {
                    return NODES.numberNode(n.bigIntegerValue());
                }
            }
            case TRUE:
                return NODES.booleanNode(true);
            case FALSE:
                return NODES.booleanNode(false);
            default:
                return NODES.nullNode();
        }
    }
}
