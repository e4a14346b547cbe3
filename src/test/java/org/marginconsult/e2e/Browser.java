package org.marginconsult.e2e;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, with no browser download: the suite uses the system browser
 * at /usr/bin/chromium (or MARGINCONSULT_CHROMIUM), which .ci/run installs with apt-get.
 */
final class Browser implements AutoCloseable {

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        String executable = System.getenv().getOrDefault("MARGINCONSULT_CHROMIUM", "/usr/bin/chromium");
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(executable))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    BrowserContext newContext() {
        return newContext(new NewContextOptions().setLocale("en-US"));
    }

    /** A context with the given options, in the suite's time zone (for example without JavaScript). */
    BrowserContext newContext(NewContextOptions options) {
        return chromium.newContext(options.setTimezoneId("Europe/Paris"));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
