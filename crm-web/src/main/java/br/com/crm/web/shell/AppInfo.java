package br.com.crm.web.shell;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about this build of the module. */
@Named
@ApplicationScoped
public class AppInfo {

    private final String version;
    private final String resourceVersion;

    public AppInfo() {
        Properties build = new Properties();
        try (InputStream in = AppInfo.class.getResourceAsStream("/crm-build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        version = build.getProperty("version", "unknown");
        resourceVersion = version + "-" + build.getProperty("built", "0");
    }

    public String getVersion() {
        return version;
    }

    /**
     * The {@code v} of the module's own scripts, styles and images in their URLs: new with every build, so that
     * browsers may keep them for a year (web.xml) and still fetch them anew after an upgrade.
     */
    public String getResourceVersion() {
        return resourceVersion;
    }
}
