package org.trek.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;

/**
 * Early builds had plain OAuth pages at /settings/oauth and /admin/oauth; Settings → Integrations → MCP and
 * Admin → MCP access replaced them. Old bookmarks land on the new screens (a fixed target: no open redirect).
 */
@WebServlet({"/settings/oauth", "/admin/oauth"})
public class MovedScreensServlet extends HttpServlet {
    private static final Map<String, String> MOVED = Map.of("/settings/oauth", "/settings/mcp", "/admin/oauth", "/admin/mcp");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader("Location", request.getContextPath() + MOVED.get(request.getServletPath()));
    }
}
