package org.trek.platform;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import javax.sql.DataSource;
import org.trek.platform.db.DataSourceConfig;

/** GET /health: 200 {"status":"UP"} once migrations have run and the database answers; 503 otherwise. */
@Path("health")
@jakarta.enterprise.context.ApplicationScoped
public class HealthResource {

    @Resource(lookup = DataSourceConfig.JNDI_NAME)
    DataSource dataSource;

    @Inject
    HealthState state;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        if (!state.isReady()) {
            return down(state.failure() == null ? "starting" : "start-up failed");
        }
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(2)) {
                return down("database not answering");
            }
        } catch (Exception e) {
            return down("database not answering");
        }
        return Response.ok(JsonFactory.createObjectBuilder().add("status", "UP").build().toString())
                .header("Cache-Control", "no-store").build();
    }

    private static Response down(String reason) {
        return Response.status(503)
                .entity(JsonFactory.createObjectBuilder().add("status", "DOWN").add("reason", reason).build().toString())
                .type(MediaType.APPLICATION_JSON).header("Cache-Control", "no-store").build();
    }
}
