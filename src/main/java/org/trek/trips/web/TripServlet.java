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
import org.trek.trips.TripException;

/**
 * One trip, read-only: days with their places, notes and stays, places, bookings, budget, packing and to-dos. A trip
 * the user may not see answers 404 like one that does not exist, so trip ids reveal nothing.
 */
@WebServlet("/trips/*")
@ServletSecurity(@HttpConstraint(rolesAllowed = Role.USER_GROUP))
public class TripServlet extends HttpServlet {
    static final String NOT_FOUND = "There is no trip at this address that you can see.";

    @Inject
    TripViewService views;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        long tripId = tripId(request.getPathInfo());
        if (tripId <= 0) {
            Views.error(request, response, HttpServletResponse.SC_NOT_FOUND, NOT_FOUND);
            return;
        }
        try {
            request.setAttribute("view", views.view(CurrentUser.id(request), tripId, pageParam(request.getParameter("places"))));
        } catch (TripException e) {
            Views.error(request, response, HttpServletResponse.SC_NOT_FOUND, NOT_FOUND);
            return;
        }
        request.setAttribute("tripId", tripId);
        Views.render(request, response, "trips/trip");
    }

    /** "/123" → 123; anything else (extra segments, signs, letters, overflow) → -1. */
    static long tripId(String pathInfo) {
        if (pathInfo == null || !pathInfo.matches("/[0-9]{1,18}")) {
            return -1;
        }
        return Long.parseLong(pathInfo.substring(1));
    }

    /** A 1-based page number; anything unparseable or out of range is page 1. */
    static int pageParam(String value) {
        if (value == null || !value.matches("[0-9]{1,6}")) {
            return 1;
        }
        return Math.max(1, Integer.parseInt(value));
    }
}
