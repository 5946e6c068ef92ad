package org.trek.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which links resolve_maps_url reads and what it reads out of them (pure: no request). */
class MapsUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://maps.app.goo.gl/AbC123", "https://goo.gl/maps/xyz", "https://www.google.com/maps/place/X/@1.5,2.5,17z",
            "https://maps.google.co.uk/?q=51.5,-0.12", "https://google.de/maps", "https://www.google.com.au/maps/@-33.8,151.2,12z",
            "http://maps.google.com/?cid=123", "https://maps.apple.com/?ll=48.85,2.29&q=Eiffel", "https://www.openstreetmap.org/#map=17/48.85/2.29",
            "https://osm.org/?mlat=1.5&mlon=2.5"})
    void knownMapHosts(String url) {
        assertTrue(MapsUrls.isKnown(URI.create(url)), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://google.evil.com/maps/@1.5,2.5", "https://evil.com/maps.app.goo.gl", "https://goo.gl/abc",
            "https://maps.app.goo.gl.evil.com/x", "ftp://maps.google.com/x", "https://user@maps.app.goo.gl/x", "https://127.0.0.1/maps",
            "https://169.254.169.254/latest/meta-data", "https://mapsXgoogle.com/", "https://www.googleusercontent.com/maps", "file:///etc/passwd",
            "https://maps.app.goo.gl:8443/x", "http://www.google.com:22/maps/@1.5,2.5"})
    void anythingElseIsNotAMapLink(String url) {
        assertFalse(MapsUrls.isKnown(URI.create(url)), url);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://www.google.com/maps/place/Eiffel+Tower/@48.8583701,2.2944813,17z/data=!3m1 | 48.8583701 | 2.2944813",
            "https://www.google.com/maps/place/X/data=!4m6!3m5!1s0x47e66e2964e34e2d:0x8ddca9ee380ef7e0!8m2!3d48.8583701!4d2.2944813 | 48.8583701 | 2.2944813",
            "https://maps.google.com/?q=-33.8567844,151.2152967 | -33.8567844 | 151.2152967",
            "https://maps.google.com/?ll=40.7,-74.0&z=12 | 40.7 | -74.0",
            "https://maps.google.com/?q=35.6%2C139.7 | 35.6 | 139.7",
            "https://maps.apple.com/?ll=48.85,2.29&q=Eiffel%20Tower | 48.85 | 2.29",
            "https://maps.apple.com/place?coordinate=41.89,12.49&name=Colosseo | 41.89 | 12.49",
            "https://www.openstreetmap.org/?mlat=52.5163&mlon=13.3777#map=18/52.5/13.3 | 52.5 | 13.3",
            "https://www.openstreetmap.org/node/1#map=17/52.51630/13.37770 | 52.5163 | 13.3777",
            "https://osm.org/?mlat=52.5163&mlon=13.3777 | 52.5163 | 13.3777"})
    void positions(String url, double lat, double lng) {
        MapsUrls.Point p = MapsUrls.point(url);
        assertEquals(lat, p.lat(), 1e-9, url);
        assertEquals(lng, p.lng(), 1e-9, url);
    }

    @Test
    void noPositionOrOffTheGlobe() {
        assertNull(MapsUrls.point("https://maps.google.com/?cid=1234567"));
        assertNull(MapsUrls.point("https://www.google.com/maps/@95.5,10.5,12z"));
        assertNull(MapsUrls.point("https://maps.apple.com/?ll=10.5,190.5"));
        assertNull(MapsUrls.point(null));
    }

    @Test
    void namesAndFeatureIds() {
        URI google = URI.create("https://www.google.com/maps/place/Caf%C3%A9+de+Flore/data=!4m6!3m5!1s0x47e671d877937b0f:0xB975FCFA192F84D4!8m2!3d48.85!4d2.33");
        assertEquals("Café de Flore", MapsUrls.name(google));
        assertEquals("0x47e671d877937b0f:0xb975fcfa192f84d4", MapsUrls.googleFtid(google));
        assertEquals("0x1:0x2", MapsUrls.googleFtid(URI.create("https://maps.google.com/?q=x&ftid=0x1:0x2")));
        assertNull(MapsUrls.googleFtid(URI.create("https://www.google.com/maps/dir/data=!1s0x1:0x2")), "only a /place/ link");
        assertEquals("Eiffel Tower", MapsUrls.name(URI.create("https://maps.apple.com/?ll=48.85,2.29&q=Eiffel%20Tower")));
        assertEquals("Colosseo", MapsUrls.name(URI.create("https://maps.apple.com/place?coordinate=41.89,12.49&name=Colosseo")));
        assertNull(MapsUrls.name(URI.create("https://maps.apple.com/?q=48.85,2.29")));
        assertNull(MapsUrls.name(URI.create("https://www.openstreetmap.org/#map=17/48.85/2.29")));
    }

    @Test
    void whatIsFollowed() {
        assertTrue(MapsUrls.needsFollowing(URI.create("https://maps.app.goo.gl/x"), "https://maps.app.goo.gl/x"));
        assertTrue(MapsUrls.needsFollowing(URI.create("https://maps.google.com/?cid=1"), "https://maps.google.com/?cid=1"));
        assertFalse(MapsUrls.needsFollowing(URI.create("https://maps.google.com/?q=1.5,2.5"), "https://maps.google.com/?q=1.5,2.5"));
        assertFalse(MapsUrls.needsFollowing(URI.create("https://maps.apple.com/?q=Paris"), "https://maps.apple.com/?q=Paris"),
                "Apple and OpenStreetMap links are never fetched");
    }

    @Test
    void aPlacePageCarriesItsPosition() {
        MapsUrls.Point p = MapsUrls.pointInPage("<html>...window.APP_INITIALIZATION_STATE=[[[1234.5,2.29,48.85]...]"
                + "\"https://www.google.com/maps/preview/place/X/@48.8583701,2.2944813,17z\"");
        assertEquals(48.8583701, p.lat(), 1e-9);
        assertNull(MapsUrls.pointInPage("<html>nothing here</html>"));
    }
}
