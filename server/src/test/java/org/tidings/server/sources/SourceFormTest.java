package org.tidings.server.sources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tidings.server.store.SourceSettings;

class SourceFormTest {

    private static SourceForm form(String feedUrl, String siteUrl, String language) {
        return new SourceForm(feedUrl, "", siteUrl, "", language, "uk", "", "world", "", true, true, null);
    }

    /** The language, region and section as the lists and the boxes beside them send them. */
    private static SourceForm chosen(String language, String languageOther, String region, String regionOther,
            String section, String sectionOther) {
        return new SourceForm("https://news.test/feed.xml", "News Test", "", language, languageOther, region, regionOther,
                section, sectionOther, true, true, null);
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

    @Test
    void theListsGiveKnownCodesAndTheBoxesWellFormedOthers() {
        SourceSettings listed = chosen("fr", "", "fr", "", "science", "").toSettings();
        assertThat(listed).extracting(SourceSettings::language, SourceSettings::region, SourceSettings::section)
                .containsExactly("fr", "fr", "science");
        SourceForm others = chosen("other", "sw", "other", "NZ", "other", "Tech");
        assertThat(others.problem()).isNull();
        assertThat(others.toSettings()).extracting(SourceSettings::language, SourceSettings::region, SourceSettings::section)
                .as("a section name the site knows by another word is that section").containsExactly("sw", "nz", "technology");
        assertThat(chosen("", "", "", "", "", "").toSettings())
                .extracting(SourceSettings::language, SourceSettings::region, SourceSettings::section).containsOnlyNulls();
    }

    @Test
    void nonsenseIsRefusedWithAReasonNotSavedSilently() {
        assertThat(chosen("other", "", "", "", "", "").problem().key()).isEqualTo("form.problem.otherEmpty.language");
        assertThat(chosen("", "", "other", " ", "", "").problem().key()).isEqualTo("form.problem.otherEmpty.region");
        assertThat(chosen("", "", "", "", "other", "").problem().key()).isEqualTo("form.problem.otherEmpty.section");
        assertThat(chosen("other", "xx-!!", "", "", "", "").problem().key()).isEqualTo("form.problem.language");
        assertThat(chosen("other", "qq", "", "", "", "").problem().key()).as("no language has the code qq")
                .isEqualTo("form.problem.language");
        assertThat(chosen("", "", "other", "atlantis", "", "").problem().key()).isEqualTo("form.problem.region");
        assertThat(chosen("", "", "other", "zz", "", "").problem().key()).isEqualTo("form.problem.region");
        var section = chosen("", "", "", "", "other", "nonsense-section").problem();
        assertThat(section.key()).isEqualTo("form.problem.section");
        assertThat(section.args()).containsExactly("nonsense-section");
        assertThat(chosen("", "", "", "", "other", "News").problem().key()).as("news is every section: no section")
                .isEqualTo("form.problem.section");
        assertThat(chosen("", "", "", "", "nonsense-section", "").problem().key()).as("a list value made up by hand")
                .isEqualTo("form.problem.section");
    }

    @Test
    void aStoredSourceShowsItsCodesInTheListsOrBesideThem() {
        var stored = new org.tidings.server.store.Source(1, "https://news.test/feed.xml", "News", null, "sv", "gulf", "sports",
                true, true, java.time.Instant.EPOCH, new org.tidings.server.store.Source.Health(null, null, null, null, null, 0, null),
                java.time.Instant.EPOCH, 1800, new org.tidings.server.store.Source.Validators(null, null, null), true);
        SourceForm f = SourceForm.of(stored);
        assertThat(f).extracting(SourceForm::language, SourceForm::languageOther, SourceForm::region, SourceForm::section)
                .containsExactly("other", "sv", "gulf", "sports");
        assertThat(f.toSettings()).extracting(SourceSettings::language, SourceSettings::region, SourceSettings::section)
                .containsExactly("sv", "gulf", "sports");
    }

    @Test
    void onlyTheAddressShownInTheQuestionIsConfirmed() {
        var f = new SourceForm("https://down.test/feed", "Down", "", "", "", "", "", "", "", true, true, "https://down.test/feed");
        assertThat(f.confirmed()).isTrue();
        var changed = new SourceForm("https://other.test/feed", "Down", "", "", "", "", "", "", "", true, true, "https://down.test/feed");
        assertThat(changed.confirmed()).isFalse();
    }
}
