package org.tidings.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.security.crypto.password.PasswordEncoder;
import java.time.Instant;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.tidings.server.store.AccountStore;
import org.tidings.server.store.SourceSettings;
import org.tidings.server.store.SourceStore;
import org.tidings.server.testing.Chromium;
import org.tidings.server.testing.RunningServer;

/** The administrator's pages on a 390 px phone, in English and Arabic: nothing wider than the screen, no stray labels. */
class AdminPagesBrowserTest {

    @TempDir
    Path dataDir;

    @Test
    void theAdministratorsPagesFitAPhone() throws Exception {
        try (RunningServer server = RunningServer.start(dataDir, "--tidings.scheduler.enabled=false")) {
            server.bean(AccountStore.class).create("Bob", server.bean(PasswordEncoder.class).encode("a long test password"), "READER");
            ChromeDriver browser = Chromium.start(390, 844, "UTC");
            try {
                browser.get(server.url("/login"));
                browser.findElement(By.name("username")).sendKeys("admin");
                browser.findElement(By.name("password")).sendKeys("correct horse battery staple");
                browser.findElement(By.cssSelector(".login-form button")).click();
                new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
                for (String language : new String[] {"en", "ar"}) {
                    for (String path : new String[] {"/admin/accounts", "/admin/sources", "/moderation"}) {
                        browser.get(server.url(path + "?lang=" + language));
                        Long overflow = (Long) browser.executeScript(
                                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                        assertThat(overflow).as(path + " in " + language + ": wider than the screen by").isLessThanOrEqualTo(0L);
                    }
                }
                browser.get(server.url("/admin/accounts?lang=en"));
                assertThat(browser.findElement(By.cssSelector("table.accounts tbody")).getText()).contains("Bob");
                var label = browser.findElement(By.xpath("//table[@class='accounts']//label[contains(., 'Role of Bob')]/span"));
                assertThat(label.getRect().getWidth()).as("the column heading names the role; the label is for screen readers")
                        .isLessThanOrEqualTo(1);
                Chromium.screenshot(browser, "admin-accounts-390");
            } finally {
                browser.quit();
            }
        }
    }

    /**
     * An operator's first pages, on a phone and a desktop, in English and Arabic: the forced choice of a password after
     * signing in with a one-time one, the banner when most sources fail, and the source form's lists whose "other"
     * reveals a box for a code.
     */
    @Test
    void theFirstRunPagesAndTheSourceFormFitAndSpeakTheReadersLanguage() throws Exception {
        try (RunningServer server = RunningServer.start(dataDir, "--tidings.scheduler.enabled=false")) {
            AccountStore accounts = server.bean(AccountStore.class);
            PasswordEncoder encoder = server.bean(PasswordEncoder.class);
            SourceStore sources = server.bean(SourceStore.class);
            for (String paper : new String[] {"one", "two", "three"}) {
                var source = sources.add(new SourceSettings("http://127.0.0.1:9/" + paper, "Paper " + paper, null, "en", null,
                        null, false, true), Duration.ofMinutes(30));
                sources.onFailed(source.id(), "unreachable", null, "unknown host: paper.test", Instant.now().plusSeconds(600));
            }
            for (int width : new int[] {390, 1280}) {
                for (String language : new String[] {"en", "ar"}) {
                    String name = "first-" + width + "-" + language;
                    accounts.createWithPasswordToChange(name, encoder.encode("printed once 12345"), Roles.ADMIN);
                    ChromeDriver browser = Chromium.start(width, 844, "UTC");
                    try {
                        browser.get(server.url("/login?lang=" + language));
                        browser.findElement(By.name("username")).sendKeys(name);
                        browser.findElement(By.name("password")).sendKeys("printed once 12345");
                        browser.findElement(By.cssSelector(".login-form button")).click();
                        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                        wait.until(ExpectedConditions.urlContains("/account/choose-password"));
                        assertThat(browser.findElement(By.tagName("h1")).getText())
                                .isEqualTo(language.equals("en") ? "Choose your password" : "اختر كلمة مرورك");
                        assertFits(browser, "choose-password " + name);
                        browser.get(server.url("/admin/sources"));
                        assertThat(browser.getCurrentUrl()).as("every page leads there first").contains("/account/choose-password");
                        browser.findElement(By.name("password")).sendKeys("tide tables and lanterns");
                        browser.findElement(By.cssSelector(".login-form button")).click();
                        wait.until(ExpectedConditions.urlContains("/admin/sources"));

                        String banner = browser.findElement(By.cssSelector(".fetch-trouble")).getText();
                        assertThat(banner).contains(language.equals("en") ? "3 of the 3 enabled sources failed" : "فشل 3 من 3", "DNS");
                        var list = new Select(browser.findElement(By.name("section")));
                        assertThat(list.getOptions().stream().map(WebElement::getText).toList())
                                .contains(language.equals("en") ? "Technology" : "تكنولوجيا", language.equals("en") ? "Other…" : "غير ذلك…");
                        WebElement other = browser.findElement(By.name("sectionOther"));
                        assertThat(other.isDisplayed()).as("the box for another section waits for 'other'").isFalse();
                        list.selectByValue("other");
                        assertThat(other.isDisplayed()).isTrue();
                        assertThat(new Select(browser.findElement(By.name("language"))).getOptions().stream().map(WebElement::getText))
                                .contains(language.equals("en") ? "French" : "الفرنسية");
                        assertFits(browser, "admin sources " + name);
                        Chromium.screenshot(browser, "first-run-sources-" + width + "-" + language);
                    } finally {
                        browser.quit();
                    }
                }
            }
        }
    }

    private static void assertFits(ChromeDriver browser, String what) {
        Long overflow = (Long) browser.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as(what + ": wider than the screen by").isLessThanOrEqualTo(0L);
    }
}
