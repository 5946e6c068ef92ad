package org.trek.trips.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.trek.account.CurrentUser;
import org.trek.account.Role;
import org.trek.platform.web.Views;

/** My trips: the signed-in user's trips (owned and member of), read-only, paged. */
@WebServlet("/trips")
@ServletSecurity(@HttpConstraint(rolesAllowed = Role.USER_GROUP))
public class MyTripsServlet extends HttpServlet {

    @Inject
    TripViewService views;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        request.setAttribute("list", views.list(CurrentUser.id(request), TripServlet.pageParam(request.getParameter("page"))));
        Views.render(request, response, "trips/list");
    }
}
