package org.trek.oauth.metadata;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.trek.platform.JsonFactory;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.trek.oauth.OAuthGate;
import org.trek.oauth.OAuthResponses;
import org.trek.oauth.OAuthSettings;
import org.trek.platform.auth.ScopeCatalog;

/**
 * Discovery documents, every URL built from APP_URL: authorization-server metadata (RFC 8414 §2, also under the
 * OpenID-style name clients try as a fallback) and protected-resource metadata (RFC 9728 §2; both the flat name
 * and the path-suffixed name for /mcp, RFC 9728 §3.1). Anything else under /.well-known/ is a JSON 404.
 * While the MCP addon is off every document answers 404.
 */
@Path(".well-known")
@RequestScoped
public class DiscoveryResource {

    @Inject
    OAuthGate gate;

    @Inject
    OAuthSettings settings;

    @GET
    @Path("oauth-authorization-server")
    public Response authorizationServer() {
        return document(this::authorizationServerMetadata);
    }

    @GET
    @Path("openid-configuration")
    public Response openIdConfiguration() {
        return document(this::authorizationServerMetadata);
    }

    @GET
    @Path("oauth-protected-resource")
    public Response protectedResource() {
        return document(this::protectedResourceMetadata);
    }

    @GET
    @Path("oauth-protected-resource/mcp")
    public Response protectedResourceMcp() {
        return document(this::protectedResourceMetadata);
    }

    @GET
    @Path("{rest: .*}")
    public Response unknown(@PathParam("rest") String rest) {
        return OAuthResponses.notFound();
    }

    private Response document(java.util.function.Supplier<JsonObject> body) {
        if (!gate.mcpEnabled()) {
            return OAuthResponses.notFound();
        }
        // Public, credential-free documents: any origin may read them (browser-based clients).
        return Response.ok(body.get().toString(), MediaType.APPLICATION_JSON_TYPE)
                .header("Access-Control-Allow-Origin", "*")
                .header("Cache-Control", "public, max-age=300").build();
    }

    JsonObject authorizationServerMetadata() {
        return JsonFactory.createObjectBuilder()
                .add("issuer", settings.issuer())
                .add("authorization_endpoint", settings.endpoint("/oauth/authorize"))
                .add("token_endpoint", settings.endpoint("/oauth/token"))
                .add("registration_endpoint", settings.endpoint("/oauth/register"))
                .add("revocation_endpoint", settings.endpoint("/oauth/revoke"))
                .add("introspection_endpoint", settings.endpoint("/oauth/introspect"))
                .add("scopes_supported", array(ScopeCatalog.names()))
                .add("response_types_supported", array(List.of("code")))
                .add("response_modes_supported", array(List.of("query")))
                .add("grant_types_supported", array(List.of("authorization_code", "refresh_token", "client_credentials")))
                .add("token_endpoint_auth_methods_supported", array(List.of("none", "client_secret_basic", "client_secret_post")))
                .add("revocation_endpoint_auth_methods_supported", array(List.of("none", "client_secret_basic", "client_secret_post")))
                .add("introspection_endpoint_auth_methods_supported", array(List.of("client_secret_basic", "client_secret_post")))
                .add("code_challenge_methods_supported", array(List.of("S256")))
                .add("authorization_response_iss_parameter_supported", true)
                .add("client_id_metadata_document_supported", true)
                .add("service_documentation", settings.endpoint("/"))
                .build();
    }

    JsonObject protectedResourceMetadata() {
        return JsonFactory.createObjectBuilder()
                .add("resource", settings.resource())
                .add("authorization_servers", array(List.of(settings.issuer())))
                .add("bearer_methods_supported", array(List.of("header")))
                .add("scopes_supported", array(ScopeCatalog.names()))
                .add("resource_name", "TREK MCP")
                .build();
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder b = JsonFactory.createArrayBuilder();
        values.forEach(b::add);
        return b;
    }
}
