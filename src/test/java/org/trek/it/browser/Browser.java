package org.trek.it.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.trek.it.TrekServer;

/**
 * A real headless Chromium (Debian's chromium + chromedriver, never a downloaded browser) for end-to-end screen
 * tests. Every page it opens is on the test server at 127.0.0.1; background networking is switched off.
 * Screenshots go to target/screenshots (kept as CI artifacts).
 */
public final class Browser implements AutoCloseable {
    private final TrekServer server;
    private final ChromeDriver driver;
    private final Path tempProfile;
    private final Path downloads;

    public Browser(TrekServer server) {
        this(server, true);
    }

    /** javascript false: pages run with JavaScript switched off (WebDriver's own scripts still work). */
    public Browser(TrekServer server, boolean javascript) {
        this.server = server;
        try {
            tempProfile = Files.createTempDirectory("trek-chromium");
            downloads = Files.createTempDirectory("trek-downloads");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("it.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--window-size=1280,900",
                "--user-data-dir=" + tempProfile);
        // Files the pages offer for download land in a temp dir of their own, without a prompt.
        java.util.Map<String, Object> prefs = new java.util.HashMap<>(java.util.Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "download.directory_upgrade", true,
                "safebrowsing.enabled", false));
        if (!javascript) {
            prefs.put("profile.managed_default_content_settings.javascript", 2);
        }
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("it.chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(3));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // headless Chromium honours the download directory only when told through DevTools as well
        driver.executeCdpCommand("Browser.setDownloadBehavior", java.util.Map.of("behavior", "allow",
                "downloadPath", downloads.toString(), "eventsEnabled", false));
    }

    /** Waits until a finished download whose name ends with the suffix appears; returns its path. */
    public Path awaitDownload(String suffix, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (var files = Files.list(downloads)) {
                var done = files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst();
                if (done.isPresent()) {
                    return done.get();
                }
                Thread.sleep(100);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no *" + suffix + " download within " + timeout + " in " + downloads);
    }

    /** Signs out through the header's form. */
    public void signOut() {
        driver.findElement(By.cssSelector("header form button")).click();
    }

    public static boolean available() {
        return Files.isExecutable(Path.of(System.getProperty("it.chromium", "/usr/bin/chromium")))
                && Files.isExecutable(Path.of(System.getProperty("it.chromedriver", "/usr/bin/chromedriver")));
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(server.baseUrl() + path);
        return this;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public Browser type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
        return this;
    }

    public Browser click(String css) {
        find(css).click();
        return this;
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(server.baseUrl()) ? url.substring(server.baseUrl().length()) : url;
    }

    /**
     * The page's visible text; retried while a navigation replaces the page under the lookup. Chromium reports that
     * race either as a stale element or as "Node with given id does not belong to the document" (a plain
     * WebDriverException), so both are retried; a closed session is not.
     */
    public String text() {
        for (int attempt = 0; ; attempt++) {
            try {
                return driver.findElement(By.tagName("body")).getText();
            } catch (org.openqa.selenium.NoSuchSessionException e) {
                throw e;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (attempt >= 20) {
                    throw e;
                }
                try {
                    Thread.sleep(150);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Signs in through the form and waits until the browser has left the login page. */
    public void signIn(String login, String password) {
        open("/login").type("#login", login).type("#password", password).click("form button[type=submit]");
        awaitLeaving("/login");
    }

    /**
     * Waits (at most 15 s) until the current path no longer starts with the prefix: a click on a submit button can
     * return before the browser has followed the answer's redirect.
     */
    public Browser awaitLeaving(String pathPrefix) {
        return await(() -> !path().startsWith(pathPrefix));
    }

    /** Waits (at most 15 s) until the page shows this text, e.g. the flash message after a post/redirect. */
    public Browser awaitText(String text) {
        return await(() -> text().contains(text));
    }

    /** Polls every 100 ms, for at most 15 s, until the condition holds (the callers assert what they need after). */
    private Browser await(java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return this;
    }

    /** Fails when the current page is wider than the window (the phone checks: nothing may scroll sideways). */
    public void assertNoSidewaysScroll(String where) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        Number scroll = (Number) js.executeScript("return document.documentElement.scrollWidth");
        Number width = (Number) js.executeScript("return document.documentElement.clientWidth");
        if (scroll.intValue() > width.intValue()) {
            throw new AssertionError(where + " scrolls sideways: " + scroll + " > " + width);
        }
    }

    /** Saves a PNG screenshot as target/screenshots/NAME.png. */
    public Path screenshot(String name) {
        try {
            Path dir = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(tempProfile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
        try (var files = Files.walk(downloads)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
