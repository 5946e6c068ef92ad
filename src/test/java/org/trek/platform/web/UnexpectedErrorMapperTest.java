package org.trek.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** Unexpected failures answer in the endpoint's own protocol, without the exception's text. */
class UnexpectedErrorMapperTest {

    private static UnexpectedErrorMapper at(String path) {
        UnexpectedErrorMapper m = new UnexpectedErrorMapper();
        m.uri = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> method.getName().equals("getPath") ? path : null);
        return m;
    }

    private static JsonObject body(Response r) {
        return Json.createReader(new StringReader((String) r.getEntity())).readObject();
    }

    @Test
    void oauthEndpointsGetAnRfc6749ServerError() {
        Response r = at("oauth/revoke").toResponse(new IllegalStateException("secret detail"));
        assertEquals(500, r.getStatus());
        assertEquals("server_error", body(r).getString("error"));
        assertEquals("no-store", r.getHeaderString("Cache-Control"));
        assertFalse(r.getEntity().toString().contains("secret"), "exception text leaked");
        assertTrue(body(r).getString("error_description").contains("incident "));
    }

    @Test
    void errorsJaxRsRaisesKeepTheirAnswer() {
        NotAllowedException e = new NotAllowedException("POST");
        assertSame(e.getResponse(), at("oauth/token").toResponse(e));
    }
}
