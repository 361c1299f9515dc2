package br.com.crm.web.shell;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie is {@code Secure} when the module is served over HTTPS, directly or behind a TLS proxy
 * ({@code crm.http.https=true}): the browser then never sends it over plain HTTP. Off by default, because the
 * zero-setup run is plain HTTP on localhost, where a Secure cookie would never come back.
 */
@WebListener
public class SecureCookies implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (ConfigProvider.getConfig().getOptionalValue("crm.http.https", Boolean.class).orElse(false)) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }
}
