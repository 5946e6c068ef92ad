package org.trek.trips.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.annotation.PostConstruct;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trek.mcp.registry.ToolDefinition;
import org.trek.mcp.registry.ToolProvider;

/**
 * Every trip (and collab) tool's descriptor (name, title, description, input and output schema, annotations, scope, addon) exactly
 * as the registry gets it, compared byte for byte with {@code src/test/resources/tool-descriptors.jsonl}: a change of
 * a schema, a description or a gate shows here as a diff, on purpose or not. After a deliberate change, record the
 * file again with {@code -Dtrek.tools.record=true}.
 */
class ToolDescriptorsTest {
    static final Path GOLDEN = Path.of("src", "test", "resources", "tool-descriptors.jsonl");

    static final List<Class<? extends ToolProvider>> PROVIDERS = List.of(TripTools.class, PlaceTools.class,
            AssignmentTools.class, TagTools.class, DayTools.class, ReservationTools.class, BudgetTools.class,
            PackingTools.class, TodoTools.class, SettlementTools.class, TransitTools.class,
            org.trek.atlas.tools.AtlasTools.class, org.trek.vacay.tools.VacayTools.class,
            org.trek.journey.tools.JourneyTools.class, org.trek.collab.tools.CollabTools.class);

    /** Builds a provider as CDI would for its declarations: the tool kit injected, @PostConstruct run. */
    static ToolProvider declare(Class<? extends ToolProvider> type) throws ReflectiveOperationException {
        ToolProvider p = type.getDeclaredConstructor().newInstance();
        for (Field f : type.getDeclaredFields()) {
            if (f.getType().getSimpleName().equals("ToolKit")) {
                f.setAccessible(true);
                var ctor = f.getType().getDeclaredConstructor();
                ctor.setAccessible(true);
                f.set(p, ctor.newInstance());
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (m.isAnnotationPresent(PostConstruct.class)) {
                m.setAccessible(true);
                m.invoke(p);
            }
        }
        return p;
    }

    static List<String> describeAll() throws ReflectiveOperationException {
        List<String> lines = new ArrayList<>();
        for (Class<? extends ToolProvider> type : PROVIDERS) {
            for (ToolDefinition t : declare(type).tools()) {
                assertNotNull(t.handler(), t.name());
                JsonObjectBuilder b = Json.createObjectBuilder().add("provider", type.getSimpleName()).add("name", t.name())
                        .add("title", t.title()).add("description", t.description()).add("inputSchema", t.inputSchema());
                if (t.outputSchema() == null) {
                    b.addNull("outputSchema");
                } else {
                    b.add("outputSchema", t.outputSchema());
                }
                b.add("annotations", Json.createObjectBuilder().add("readOnly", t.annotations().readOnly())
                        .add("destructive", t.annotations().destructive()).add("idempotent", t.annotations().idempotent())
                        .add("openWorld", t.annotations().openWorld()));
                if (t.requiredScope() == null) {
                    b.addNull("scope");
                } else {
                    b.add("scope", t.requiredScope());
                }
                if (t.addon() == null) {
                    b.addNull("addon");
                } else {
                    b.add("addon", t.addon());
                }
                lines.add(b.build().toString());
            }
        }
        return lines;
    }

    @Test
    void descriptorsAreExactlyTheRecordedOnes() throws ReflectiveOperationException, IOException {
        List<String> now = describeAll();
        if (Boolean.getBoolean("trek.tools.record")) {
            Files.write(GOLDEN, now, StandardCharsets.UTF_8);
        }
        List<String> recorded = Files.readAllLines(GOLDEN, StandardCharsets.UTF_8);
        assertEquals(91 + 10 + 22 + 22 + 12, now.size(), "tool count (trips 91, atlas 10, vacay 22, journey 22, collab 12)");
        for (int i = 0; i < Math.max(now.size(), recorded.size()); i++) {
            assertEquals(i < recorded.size() ? recorded.get(i) : null, i < now.size() ? now.get(i) : null, "tool #" + (i + 1));
        }
    }
}
