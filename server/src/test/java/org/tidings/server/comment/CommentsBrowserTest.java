package org.tidings.server.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.Chromium;
import org.tidings.server.testing.RunningServer;

/**
 * The life of a comment in a real Chromium: a reader signs in, comments on an article (once with
 * markup that must stay text), replies to the thread; another reader reports the comment; a
 * moderator hides it from the queue; the readers no longer see it (its reply stays, under a
 * placeholder). No alert ever opens and the
 * console stays clean.
 */
class CommentsBrowserTest {

    @TempDir
    Path dataDir;

    @Test
    void aNewReaderSignsUpCommentsAndRepliesAnotherReportsAModeratorHidesAndTheCommentIsGone() throws Exception {
        try (RunningServer server = RunningServer.start(dataDir, "--tidings.scheduler.enabled=false",
                "--tidings.comments.user-burst=1000", "--tidings.comments.address-burst=1000")) {
            List<Long> articles = CommentServer.articles(server, 2);
            long article = articles.getFirst();
            CommentServer.account(server, "bruno", "READER", Duration.ofDays(30));
            Browser mona = CommentServer.account(server, "mona", "MODERATOR", Duration.ofDays(30));
            List<String> vectors = CommentTextTest.vectors().toList();
            for (String vector : vectors) CommentServer.comment(mona, articles.get(1), null, vector);
            ChromeDriver browser = Chromium.start(1280, 900, "UTC");
            try {
                // every stored-XSS vector on one page: shown as text, nothing runs
                browser.get(server.url("/article/" + articles.get(1) + "?threads=1000"));
                assertThat(browser.findElements(By.cssSelector(".comment-text"))).hasSize(vectors.size());
                assertThat(browser.executeScript("return document.querySelectorAll("
                        + "'.comment-text *:not(p):not(br):not(em):not(strong):not(a)').length")).isEqualTo(0L);
                assertThat(browser.executeScript("return document.scripts.length")).isEqualTo(1L);
                assertNoAlert(browser);
                Chromium.screenshot(browser, "comments-xss");

                signUp(browser, server, article, "Amina", AMINA);
                write(browser, By.id("comment-text"), "The council voted *twice*.\nThe minutes say so.");
                WebElement comment = browser.findElement(By.cssSelector(".comment-threads > li > .comment"));
                assertThat(comment.findElement(By.cssSelector(".comment-text em")).getText()).isEqualTo("twice");
                assertThat(comment.findElements(By.cssSelector(".comment-text br"))).hasSize(1);
                assertThat(browser.findElement(By.cssSelector(".comments .notice")).getText()).isNotBlank();
                String commentId = comment.getAttribute("id");

                write(browser, By.id("comment-text"), "<script>alert('xss')</script><img src=x onerror=alert(1)>");
                assertThat(browser.findElement(By.cssSelector(".comment-threads > li > .comment .comment-text")).getText())
                        .isEqualTo("<script>alert('xss')</script><img src=x onerror=alert(1)>");
                assertNoAlert(browser);

                WebElement thread = browser.findElement(By.id(commentId));
                thread.findElement(By.cssSelector(".comment-reply summary")).click();
                write(browser, By.cssSelector("#" + commentId + " .comment-reply textarea"), "And a third vote next week.");
                assertThat(browser.findElement(By.id(commentId)).findElement(By.xpath("..")).findElements(
                        By.cssSelector(".comment-replies .comment-text"))).extracting(WebElement::getText)
                        .containsExactly("And a third vote next week.");
                Chromium.screenshot(browser, "comments-thread");

                signIn(browser, server, article, "bruno");
                WebElement theirs = browser.findElement(By.id(commentId));
                theirs.findElement(By.cssSelector(".comment-report summary")).click();
                new Select(theirs.findElement(By.cssSelector(".comment-report select"))).selectByValue("spam");
                theirs.findElement(By.cssSelector(".comment-report button")).click();
                Chromium.awaitGone(browser, theirs);
                assertThat(browser.findElement(By.cssSelector(".comments .notice")).getText()).contains("moderator");

                signIn(browser, server, article, "mona");
                browser.get(server.url("/moderation"));
                WebElement queued = browser.findElement(By.id(commentId));
                assertThat(queued.getText()).contains("1 report", "Spam", "The council voted");
                Chromium.screenshot(browser, "comments-moderation");
                queued.findElement(By.cssSelector("button.moderate-hide")).click();
                Chromium.awaitGone(browser, queued);
                assertThat(browser.findElements(By.id(commentId))).isEmpty();

                for (String reader : List.of("bruno", AMINA)) {
                    signIn(browser, server, article, reader);
                    // the thread keeps its reply under a placeholder that shows neither the text nor its author
                    assertThat(browser.findElement(By.id(commentId)).getText()).as(reader)
                            .isEqualTo("This comment was removed by a moderator.");
                    assertThat(browser.findElement(By.id("comments")).getText()).doesNotContain("The council voted")
                            .contains("And a third vote next week.");
                }
                assertNoAlert(browser);
                List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                        .toList();
                assertThat(errors).as("console errors").isEmpty();
            } finally {
                browser.quit();
            }
        }
    }

    /** A reader who signs up through the site's own form. */
    private static final String AMINA = "amina@example.test";

    /** "Sign in to comment", then "Sign up" on the sign-in page, as a new reader would: signed in, back at the comments. */
    private static void signUp(ChromeDriver browser, RunningServer server, long article, String name, String email) {
        browser.manage().deleteAllCookies();
        browser.get(server.url("/article/" + article));
        browser.findElement(By.cssSelector(".sign-in-to-comment a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.partialLinkText("Sign up")).click();
        browser.findElement(By.name("displayName")).sendKeys(name);
        browser.findElement(By.name("email")).sendKeys(email);
        browser.findElement(By.name("password")).sendKeys(CommentServer.PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/article/" + article));
        assertThat(browser.findElements(By.id("comment-text"))).as("signed in by signing up").hasSize(1);
    }

    /** Signs in as a fresh session through the article's "Sign in to comment" link, which comes back to the comments. */
    private static void signIn(ChromeDriver browser, RunningServer server, long article, String name) {
        browser.manage().deleteAllCookies();
        browser.get(server.url("/article/" + article));
        browser.findElement(By.cssSelector(".sign-in-to-comment a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.name("username")).sendKeys(name);
        browser.findElement(By.name("password")).sendKeys(CommentServer.PASSWORD);
        browser.findElement(By.cssSelector(".login-form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/article/" + article));
        assertThat(browser.findElements(By.id("comment-text"))).hasSize(1);
    }

    private static void write(ChromeDriver browser, By field, String text) {
        WebElement area = browser.findElement(field);
        area.sendKeys(text);
        area.findElement(By.xpath("ancestor::form")).findElement(By.cssSelector("button[type=submit]")).click();
        Chromium.awaitGone(browser, area);
    }

    private static void assertNoAlert(ChromeDriver browser) {
        try {
            browser.switchTo().alert();
            throw new AssertionError("an alert opened");
        } catch (NoAlertPresentException expected) {
            // no script ran
        }
    }
}
