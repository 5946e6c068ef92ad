package org.trek.account;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.trek.platform.AppConfig;

/** Session cookie: HttpOnly (web.xml), SameSite=Lax, and Secure whenever APP_URL is https. */
@WebListener
public class SessionCookieSetup implements ServletContextListener {

    @Inject
    AppConfig config;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setSecure(config.appUrlIsHttps());
        cookie.setAttribute("SameSite", "Lax");
    }
}
