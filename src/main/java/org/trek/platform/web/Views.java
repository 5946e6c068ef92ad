package org.trek.platform.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Renders JSP views from /WEB-INF/views with the attributes every page needs (CSRF token, current user). */
public final class Views {
    private static final String FLASH = "trek.flash";
    private static final String FLASH_ERROR = "trek.flashError";

    private Views() {
    }

    /** Post/redirect/get: a message shown once on the next page. */
    public static void redirectWithMessage(HttpServletRequest request, HttpServletResponse response, String path,
                                           String message, boolean error) throws IOException {
        request.getSession().setAttribute(FLASH, message);
        request.getSession().setAttribute(FLASH_ERROR, error);
        response.sendRedirect(request.getContextPath() + path);
    }

    public static void render(HttpServletRequest request, HttpServletResponse response, String view)
            throws ServletException, IOException {
        request.setAttribute("csrf", Csrf.token(request));
        request.setAttribute("csrfField", Csrf.FIELD);
        var session = request.getSession(false);
        if (session != null && session.getAttribute(FLASH) != null) {
            request.setAttribute("flash", session.getAttribute(FLASH));
            request.setAttribute("flashError", session.getAttribute(FLASH_ERROR));
            session.removeAttribute(FLASH);
            session.removeAttribute(FLASH_ERROR);
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        request.getRequestDispatcher("/WEB-INF/views/" + view + ".jsp").forward(request, response);
    }

    public static void error(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws ServletException, IOException {
        response.setStatus(status);
        request.setAttribute("errorStatus", status);
        request.setAttribute("errorMessage", message);
        render(request, response, "web/error");
    }
}
