package org.trek.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.trek.account.Role;
import org.trek.platform.web.Views;

/** The signed-in start page (context root). */
@WebServlet("")
@ServletSecurity(@HttpConstraint(rolesAllowed = Role.USER_GROUP))
public class HomeServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Views.render(request, response, "web/home");
    }
}
