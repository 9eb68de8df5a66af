package org.tidings.server.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.server.testing.Browser;
import org.tidings.server.testing.RunningServer;

/** Pages speak the reader's language: chosen, remembered, or taken from the browser; Arabic right to left. */
class InterfaceLanguageTest {

    @TempDir
    static Path dataDir;
    static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start(dataDir, "--tidings.scheduler.enabled=false");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void englishLeftToRightByDefault() {
        String page = server.browser().get("/sources").body();
        assertThat(page).contains("<html lang=\"en\" dir=\"ltr\" ").contains("The publishers Tidings follows");
    }

    @Test
    void theBrowsersLanguageIsUsedWhenTidingsSpeaksIt() {
        Browser reader = server.browser();
        assertThat(reader.get("/sources", Map.of("Accept-Language", "ar-AE,ar;q=0.9,en;q=0.5")).body())
                .contains("<html lang=\"ar\" dir=\"rtl\" ").contains("الناشرون الذين يتابعهم Tidings");
        assertThat(reader.get("/sources", Map.of("Accept-Language", "fr-FR,fr;q=0.9")).body())
                .as("a language Tidings does not speak falls back to English").contains("<html lang=\"en\"");
        assertThat(reader.get("/sources", Map.of("Accept-Language", ";;q=garbage")).statusCode()).isEqualTo(200);
    }

    @Test
    void aChosenLanguageIsRememberedAndWinsOverTheBrowser() {
        Browser reader = server.browser();
        var chosen = reader.get("/?lang=ar");
        assertThat(chosen.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("tidings_lang=ar").contains("HttpOnly"));
        assertThat(chosen.body()).contains("dir=\"rtl\"").contains("آخر الأخبار");
        assertThat(reader.get("/sources", Map.of("Accept-Language", "en")).body()).contains("dir=\"rtl\"");
        assertThat(reader.get("/sources?lang=en").body()).contains("dir=\"ltr\"");
        assertThat(reader.get("/sources").body()).contains("dir=\"ltr\"");
    }

    @Test
    void theLanguageLinksKeepThePageAndItsQuery() {
        String page = server.browser().get("/search?q=chile+quake&sort=newest&lang=en").body();
        assertThat(page).contains("href=\"/search?q=chile+quake&amp;sort=newest&amp;lang=ar\"");
    }

    @Test
    void errorPagesSpeakTheReadersLanguageToo() {
        var missing = server.browser().get("/article/424242?lang=ar");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("لا يوجد مقال رقمه").doesNotContain("There is no article");
    }

    @Test
    void onlyCompleteLanguagesAreOffered() {
        assertThat(ReaderLocales.supported("ar-EG")).isEqualTo(Locale.forLanguageTag("ar"));
        assertThat(ReaderLocales.supported("de")).isNull();
        assertThat(ReaderLocales.supported("")).isNull();
        assertThat(ReaderLocales.fromBrowser("de, ar;q=0.4")).isEqualTo(Locale.forLanguageTag("ar"));
        assertThat(ReaderLocales.fromBrowser(null)).isEqualTo(Locale.ENGLISH);
    }
}
