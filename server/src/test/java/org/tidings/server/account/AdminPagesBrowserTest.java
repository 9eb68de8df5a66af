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
import org.tidings.server.store.AccountStore;
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
}
