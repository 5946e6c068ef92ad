package org.trek.trips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.trek.account.Role;
import org.trek.account.User;
import org.trek.account.UserService;
import org.trek.audit.Actor;
import org.trek.mcp.registry.InvalidParamsException;
import org.trek.mcp.registry.ToolCall;
import org.trek.mcp.registry.ToolDefinition;
import org.trek.mcp.registry.ToolException;
import org.trek.mcp.registry.ToolProvider;
import org.trek.mcp.registry.ToolResult;
import org.trek.platform.auth.AccessGrant;

/** Helpers for in-container tool tests: users, grants, calls and the standard refusal checks. */
public final class ToolTestSupport {

    private ToolTestSupport() {
    }

    public record TestCall(JsonObject arguments, AccessGrant grant) implements ToolCall {
    }

    public static User newUser(UserService users, String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return users.create(Actor.system(), name, name + "@trek.test", "test-password-123", Role.USER);
    }

    public static User newAdmin(UserService users, String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return users.create(Actor.system(), name, name + "@trek.test", "test-password-123", Role.ADMIN);
    }

    /** An OAuth-like grant with exactly these scopes. */
    public static AccessGrant grant(long userId, String... scopes) {
        return new AccessGrant(userId, "test-client", "grant-" + UUID.randomUUID(), Set.of(scopes), null, null, false);
    }

    /** A full-access grant (like a static token). */
    public static AccessGrant full(long userId) {
        return new AccessGrant(userId, null, "static:test", null, null, null, true);
    }

    public static JsonObjectBuilder args() {
        return Json.createObjectBuilder();
    }

    public static ToolDefinition tool(ToolProvider provider, String name) {
        return provider.tools().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no tool " + name));
    }

    public static JsonObject ok(ToolProvider provider, String name, AccessGrant grant, JsonObjectBuilder arguments) {
        ToolResult r = tool(provider, name).handler().call(new TestCall(arguments.build(), grant));
        assertFalse(r.isError(), () -> name + " failed: " + r.text());
        assertEquals(r.structuredContent().toString(), r.text(), "text content mirrors structuredContent");
        return r.structuredContent();
    }

    /** The call must fail as a domain error (isError result) whose message contains the fragment. */
    public static String fails(ToolProvider provider, String name, AccessGrant grant, JsonObjectBuilder arguments, String fragment) {
        ToolException e = assertThrows(ToolException.class,
                () -> tool(provider, name).handler().call(new TestCall(arguments.build(), grant)), name + " should fail");
        assertTrue(e.getMessage().contains(fragment), () -> name + ": expected '" + fragment + "' in '" + e.getMessage() + "'");
        return e.getMessage();
    }

    public static void invalidParams(ToolProvider provider, String name, AccessGrant grant, JsonObjectBuilder arguments, String field) {
        InvalidParamsException e = assertThrows(InvalidParamsException.class,
                () -> tool(provider, name).handler().call(new TestCall(arguments.build(), grant)));
        assertTrue(e.getMessage().contains(field), e.getMessage());
    }

    /** Scope gate: without the tool's scope (but with every other one) the handler refuses. */
    public static void scopeGate(ToolProvider provider, String name, long userId, JsonObjectBuilder arguments) {
        ToolDefinition def = tool(provider, name);
        String needed = def.requiredScope();
        if (needed == null) {
            fail(name + " has no scope");
        }
        List<String> others = org.trek.platform.auth.ScopeCatalog.names().stream()
                .filter(s -> !org.trek.platform.auth.ScopeCatalog.allows(Set.of(s), needed)).toList();
        fails(provider, name, grant(userId, others.toArray(String[]::new)), arguments, "Insufficient scope");
    }

    public static final String NO_ACCESS = TripException.NO_ACCESS;
}
