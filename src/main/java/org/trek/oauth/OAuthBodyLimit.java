package org.trek.oauth;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.trek.platform.JsonFactory;

/**
 * Bounds the body of every OAuth endpoint anyone can reach, before anything parses it: a registration document
 * (RFC 7591) up to {@value #REGISTRATION_BYTES} bytes, a token, revocation or introspection form up to
 * {@value #FORM_BYTES}. A declared length above the bound is refused at once; a body without one (chunked) is read
 * through a counter that stops at the bound. Either way: 413 with an RFC 6749 §5.2-style JSON error, nothing stored.
 */
@Provider
@PreMatching
public class OAuthBodyLimit implements ContainerRequestFilter {
    /** Room for a generous client: dozens of redirect URIs, a logo and policy links, a long software statement. */
    public static final int REGISTRATION_BYTES = 16 * 1024;
    /** Room for any grant or revocation form (a code, a verifier, a resource, a scope list, a client secret). */
    public static final int FORM_BYTES = 4 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod())) {
            return;
        }
        String path = request.getUriInfo().getPath();
        path = path.startsWith("/") ? path.substring(1) : path;
        int limit;
        if (path.equals("oauth/register")) {
            limit = REGISTRATION_BYTES;
        } else if (path.equals("oauth/token") || path.equals("oauth/revoke") || path.equals("oauth/introspect")) {
            limit = FORM_BYTES;
        } else {
            return;
        }
        if (request.getLength() > limit) {
            request.abortWith(tooLarge(limit));
            return;
        }
        request.setEntityStream(new Bounded(request.getEntityStream(), limit));
    }

    static Response tooLarge(int limit) {
        String body = JsonFactory.createObjectBuilder().add("error", "invalid_request")
                .add("error_description", "Request body too large (limit " + limit + " bytes)").build().toString();
        return Response.status(413).type(MediaType.APPLICATION_JSON_TYPE).entity(body)
                .header("Cache-Control", "no-store").build();
    }

    /** Reads at most {@code limit} bytes; one more is a 413. */
    static final class Bounded extends FilterInputStream {
        private final int limit;
        private long read;

        Bounded(InputStream in, int limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new WebApplicationException(tooLarge(limit));
            }
        }
    }
}
