package org.acse.e2e;

import static org.awaitility.Awaitility.await;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * What the browser journeys share: a real headless Chromium (Debian's, with its driver) at a given screen size,
 * signing in on the real Keycloak page, waiting for a page the way a person waits for it, and axe's check.
 */
final class Browser {
    private static final Duration PAGE_WAIT = Duration.ofSeconds(60);

    /** Serious and critical axe violations of every page a journey checked, reported once at its end. */
    static final class Accessibility {
        private final List<String> visited = new ArrayList<>();
        private final List<String> violations = new ArrayList<>();

        /** axe on the page as it is now. */
        void check(WebDriver driver) {
            String page = driver.getCurrentUrl().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}");
            visited.add(page);
            for (Rule rule : new AxeBuilder().analyze(driver).getViolations()) {
                if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                    violations.add(page + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " "
                            + rule.getNodes().stream()
                                    .map(n -> String.valueOf(n.getTarget()))
                                    .toList());
                }
            }
        }

        List<String> visited() {
            return visited;
        }

        List<String> violations() {
            return violations;
        }
    }

    /**
     * A browser asking for English at that window size: the pages and Keycloak's login are French all the same,
     * French first.
     */
    static WebDriver chromium(int width, int height) {
        return chromium(width, height, "en-GB,en");
    }

    /** A browser asking for those languages (Chromium's {@code intl.accept_languages}) at that window size. */
    static WebDriver chromium(int width, int height, String languages) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        Path profile;
        try {
            profile = Files.createTempDirectory("acse-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** Opens the web application, which sends the person to Keycloak's page; back on the role's home once ready. */
    static void signIn(WebDriver driver, String webUrl, String user) {
        openLogin(driver, webUrl);
        submitLogin(driver, webUrl, user);
    }

    /** The web application's front door: Keycloak's login page, once its form shows. */
    static void openLogin(WebDriver driver, String webUrl) {
        driver.get(webUrl + "/");
        await().atMost(PAGE_WAIT)
                .ignoreExceptions()
                .until(() -> driver.findElement(By.id("username")).isDisplayed());
    }

    /** On Keycloak's page: the demo password, then back in the web application once its page is ready. */
    static void submitLogin(WebDriver driver, String webUrl, String user) {
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(Identities.PASSWORD);
        driver.findElement(By.id("kc-login")).click();
        await().atMost(PAGE_WAIT)
                .ignoreExceptions()
                .until(() -> driver.getCurrentUrl().startsWith(webUrl));
        awaitReady(driver);
    }

    /**
     * "Se déconnecter" in the page's header (a form, never a link); done once Keycloak, its own session ended, shows
     * its login page again.
     */
    static void signOut(WebDriver driver) {
        click(driver, driver.findElement(By.id("logout")));
        await().atMost(PAGE_WAIT)
                .ignoreExceptions()
                .until(() -> driver.findElement(By.id("username")).isDisplayed());
    }

    /** The {@code Cache-Control} the current page is served with, read again from within the page. */
    static String cacheControl(WebDriver driver) {
        return String.valueOf(((JavascriptExecutor) driver)
                .executeAsyncScript("var done = arguments[arguments.length - 1];"
                        + "fetch(window.location.href, {credentials: 'same-origin', cache: 'no-store'})"
                        + ".then(function (r) { done(r.headers.get('cache-control')); })"
                        + ".catch(function (e) { done('failed: ' + e); });"));
    }

    /** The visible text of a page that renders itself (Keycloak's account console), once it holds one of those. */
    static String awaitText(WebDriver driver, String... expected) {
        try {
            return await().atMost(PAGE_WAIT)
                    .ignoreExceptions()
                    .until(() -> driver.findElement(By.tagName("body")).getText(), text -> {
                        for (String e : expected) {
                            if (text.contains(e)) {
                                return true;
                            }
                        }
                        return false;
                    });
        } catch (ConditionTimeoutException e) {
            String page = driver.findElement(By.tagName("body")).getText();
            throw new AssertionError(
                    "none of " + List.of(expected) + " on " + driver.getCurrentUrl() + "\n"
                            + page.substring(0, Math.min(page.length(), 3000)),
                    e);
        }
    }

    /** The page says it is ready ({@code body[data-ready]}); otherwise the failure shows what the page said. */
    static void awaitReady(WebDriver driver) {
        try {
            await().atMost(PAGE_WAIT)
                    .ignoreExceptions()
                    .until(() ->
                            "true".equals(driver.findElement(By.tagName("body")).getAttribute("data-ready")));
        } catch (ConditionTimeoutException e) {
            String page = driver.findElement(By.tagName("body")).getText();
            throw new AssertionError(
                    "page not ready: " + driver.getCurrentUrl() + "\n"
                            + page.substring(0, Math.min(page.length(), 3000)),
                    e);
        }
    }

    /** A click where a person clicks: scrolled into view first (a phone-sized page is long). */
    static void click(WebDriver driver, WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /**
     * The page as the person sees it, kept as {@code e2e-tests/target/screenshots/<name>.png}: the README's pictures
     * of each role's page are taken from these journeys (test data only, never a real person).
     */
    static void screenshot(WebDriver driver, String name) {
        Path dir = Path.of(System.getProperty("acse.root", "..")).resolve("e2e-tests/target/screenshots");
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #screenshot(WebDriver, String)}, with that part of the page at the top of the window. */
    static void screenshot(WebDriver driver, String name, By part) {
        ((JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'start'})", driver.findElement(part));
        screenshot(driver, name);
    }

    private Browser() {}
}
