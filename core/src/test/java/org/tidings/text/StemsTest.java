package org.tidings.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StemsTest {

    @Test
    void headlineStemsJoinInflections() {
        assertThat(Stems.headline("files")).isEqualTo(Stems.headline("filed")).isEqualTo(Stems.headline("filing"));
        assertThat(Stems.headline("companies")).isEqualTo("company");
        assertThat(Stems.headline("crashes")).isEqualTo("crash");
        assertThat(Stems.headline("gox")).isEqualTo("gox");
        assertThat(Stems.headline("virus")).isEqualTo("virus");
    }

    @Test
    void sentenceTermsAreEnglishBasesCutToAPrefix() {
        assertThat(Stems.sentence("killing", "en")).isEqualTo("kill");
        assertThat(Stems.sentence("presidential", "en")).isEqualTo("presid");
        assertThat(Stems.sentence("obama's", "en")).isEqualTo("obama");
        assertThat(Stems.sentence("remplacera", "fr")).isEqualTo(Stems.sentence("remplacer", "fr")).isEqualTo("rempla");
        assertThat(Stems.sentence("killed", "fr")).isEqualTo("killed");
    }
}
