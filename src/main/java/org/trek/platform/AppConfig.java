package org.trek.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every setting the application reads, in one place, with its default. Values come from MicroProfile Config,
 * so an environment variable (APP_URL), a system property (-DAPP_URL=...) or microprofile-config.properties
 * can set them. The README's configuration table lists the same names.
 */
@ApplicationScoped
public class AppConfig {

    private final Config config = ConfigProvider.getConfig(AppConfig.class.getClassLoader());

    public Optional<String> get(String name) {
        return config.getOptionalValue(name, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    public String get(String name, String defaultValue) {
        return get(name).orElse(defaultValue);
    }

    public int getInt(String name, int defaultValue) {
        return get(name).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                return defaultValue;
            }
        }).orElse(defaultValue);
    }

    public long getLong(String name, long defaultValue) {
        return get(name).map(v -> {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                return defaultValue;
            }
        }).orElse(defaultValue);
    }

    public boolean getBoolean(String name, boolean defaultValue) {
        return get(name).map(v -> v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes"))
                .orElse(defaultValue);
    }

    public List<String> getList(String name) {
        return get(name).map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    public int port() {
        return getInt("PORT", 8080);
    }

    /** The public base URL, without a trailing slash: issuer, metadata and links are built from it. */
    public String appUrl() {
        String url = get("APP_URL", "http://127.0.0.1:" + port());
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return url;
    }

    /** scheme://host[:port] of APP_URL, used for Origin checks. */
    public String appOrigin() {
        URI uri = URI.create(appUrl());
        String origin = uri.getScheme() + "://" + uri.getHost();
        return uri.getPort() == -1 ? origin : origin + ":" + uri.getPort();
    }

    public boolean appUrlIsHttps() {
        return appUrl().startsWith("https://");
    }

    public Path dataDir() {
        return Path.of(get("TREK_DATA_DIR", "./data")).toAbsolutePath().normalize();
    }

    public List<String> trustedProxies() {
        return getList("TRUSTED_PROXIES");
    }
}
