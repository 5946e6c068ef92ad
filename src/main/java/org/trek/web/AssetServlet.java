package org.trek.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Static files under /assets (stylesheet, scripts). JAX-RS owns "/*", so they need a servlet of their own;
 * only files in the webapp's assets folder with a known type are served.
 */
@WebServlet("/assets/*")
public class AssetServlet extends HttpServlet {
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css;charset=UTF-8",
            "js", "text/javascript;charset=UTF-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || path.contains("..") || path.contains("\\")) {
            response.sendError(404);
            return;
        }
        String type = TYPES.get(path.substring(path.lastIndexOf('.') + 1));
        InputStream in = type == null ? null : getServletContext().getResourceAsStream("/assets" + path);
        if (in == null) {
            response.sendError(404);
            return;
        }
        try (in) {
            response.setContentType(type);
            response.setHeader("Cache-Control", "public, max-age=3600");
            in.transferTo(response.getOutputStream());
        }
    }
}
