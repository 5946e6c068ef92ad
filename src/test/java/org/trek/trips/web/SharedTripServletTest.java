package org.trek.trips.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The public share page's path parsing and its map links. */
class SharedTripServletTest {

    @Test
    void theTokenIsTheOneSegmentAfterShared() {
        assertEquals("abcDEF123_-", SharedTripServlet.token("/abcDEF123_-"));
        assertNull(SharedTripServlet.token(null));
        assertNull(SharedTripServlet.token("/"));
        assertNull(SharedTripServlet.token("/abc/def"));
        assertNull(SharedTripServlet.token("/abc/"));
    }

    @Test
    void placesWithCoordinatesLinkToOpenStreetMap() {
        assertEquals("https://www.openstreetmap.org/?mlat=41.1469&mlon=-8.6148#map=17/41.1469/-8.6148",
                SharedTripPage.mapUrl(41.1469, -8.6148));
        assertEquals("https://www.openstreetmap.org/?mlat=48.123457&mlon=11#map=17/48.123457/11",
                SharedTripPage.mapUrl(48.1234567, 11.0));
        assertNull(SharedTripPage.mapUrl(null, 11.0));
        assertNull(SharedTripPage.mapUrl(Double.NaN, 11.0));
    }
}
