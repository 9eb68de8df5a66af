package org.tidings.server.sources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tidings.server.store.SourceSettings;

class SourceFormTest {

    private static SourceForm form(String feedUrl, String siteUrl, String language) {
        return new SourceForm(feedUrl, "", siteUrl, language, " UK ", "World", true, true);
    }

    @Test
    void acceptsAFeedUrlAndNormalizesTheRest() {
        SourceForm f = form(" https://news.test/feed.xml ", "", "pt-BR");
        assertThat(f.problem()).isNull();
        SourceSettings s = f.toSettings();
        assertThat(s.feedUrl()).isEqualTo("https://news.test/feed.xml");
        assertThat(s.name()).as("named after the host when no name is given").isEqualTo("news.test");
        assertThat(s.language()).isEqualTo("pt-br");
        assertThat(s.region()).isEqualTo("uk");
        assertThat(s.section()).isEqualTo("world");
        assertThat(s.siteUrl()).isNull();
    }

    @Test
    void refusesWhatIsNotAWebAddress() {
        assertThat(form("", "", "").problem().key()).isEqualTo("form.problem.feedUrlMissing");
        assertThat(form("javascript:alert(1)", "", "").problem().key()).isEqualTo("form.problem.feedUrl");
        assertThat(form("file:///etc/passwd", "", "").problem().key()).isEqualTo("form.problem.feedUrl");
        assertThat(form("news.test/feed", "", "").problem().key()).isEqualTo("form.problem.feedUrl");
        assertThat(form("https://news.test/feed", "ftp://x", "").problem().key()).isEqualTo("form.problem.siteUrl");
        assertThat(form("https://news.test/feed", "", "english").problem().key()).isEqualTo("form.problem.language");
    }
}
