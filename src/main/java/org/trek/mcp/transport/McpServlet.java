package org.trek.mcp.transport;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trek.mcp.McpRouter;
import org.trek.mcp.protocol.InboundRequest;
import org.trek.mcp.protocol.JsonRpc;
import org.trek.mcp.protocol.McpError;
import org.trek.mcp.protocol.Wire;
import org.trek.platform.AppConfig;
import org.trek.platform.web.ClientIp;

/**
 * /mcp over HTTP (Streamable HTTP, every revision on one URL): reads the request once — the headers that matter and
 * the body up to MCP_MAX_BODY_BYTES — hands it to {@link McpRouter}, and writes what that answers through
 * {@link ServletOutbound}. A plain servlet, not a JAX-RS resource: the JAX-RS filter passes /mcp by (web.xml), so a
 * call pays for no resource matching. Anything unexpected is a JSON-RPC -32603 with an incident id the log repeats.
 */
@WebServlet(name = "mcp", urlPatterns = "/mcp", asyncSupported = true)
public class McpServlet extends HttpServlet {
    private static final Logger LOG = Logger.getLogger(McpServlet.class.getName());

    @Inject
    transient McpRouter router;

    @Inject
    transient AppConfig config;

    private volatile long maxBody;
    private volatile java.util.List<String> trustedProxies;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ServletOutbound out = new ServletOutbound(request, response);
        try {
            router.handle(read(request), out);
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unexpected failure on /mcp (incident " + incident + ")", e);
            if (!response.isCommitted() && !request.isAsyncStarted()) {
                response.resetBuffer();
                out.json(500, JsonRpc.error(null, new McpError(JsonRpc.INTERNAL_ERROR,
                        "The request could not be completed (incident " + incident + ").", null, 500)), java.util.Map.of());
            }
        }
    }

    private InboundRequest read(HttpServletRequest request) throws IOException {
        long limit = maxBody();
        byte[] body = new byte[0];
        boolean tooLarge = false;
        if ("POST".equals(request.getMethod())) {
            if (request.getContentLengthLong() > limit) {
                tooLarge = true;
            } else {
                body = readLimited(request.getInputStream(), limit);
                tooLarge = body == null;
            }
        }
        return new InboundRequest(request.getMethod(), request.getContentType(), request.getHeader("Accept"),
                request.getHeader(Wire.VERSION_HEADER), request.getHeader(Wire.SESSION_HEADER),
                request.getHeader(Wire.METHOD_HEADER), request.getHeader(Wire.NAME_HEADER), request.getHeader("Host"),
                request.getHeader("Origin"), request.getHeader("Authorization"), tooLarge ? new byte[0] : body, tooLarge,
                limit, ClientIp.resolve(request, trustedProxies()));
    }

    /** The body, or null when it is longer than {@code limit} bytes. */
    private static byte[] readLimited(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
        byte[] chunk = new byte[8192];
        int n;
        while ((n = in.read(chunk)) != -1) {
            buffer.write(chunk, 0, n);
            if (buffer.size() > limit) {
                return null;
            }
        }
        return buffer.toByteArray();
    }

    private long maxBody() {
        long max = maxBody;
        if (max == 0) {
            max = config.getLong("MCP_MAX_BODY_BYTES", 1_048_576L);
            maxBody = max;
        }
        return max;
    }

    private java.util.List<String> trustedProxies() {
        java.util.List<String> proxies = trustedProxies;
        if (proxies == null) {
            proxies = config.trustedProxies();
            trustedProxies = proxies;
        }
        return proxies;
    }
}
