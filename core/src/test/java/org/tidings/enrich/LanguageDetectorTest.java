package org.tidings.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private static final LanguageDetector DETECTOR = new LanguageDetector();

    @Test
    void detectsCommonNewsLanguagesAsIso6391() {
        assertThat(lang("The central bank raised interest rates on Tuesday, surprising most economists.")).isEqualTo("en");
        assertThat(lang("أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في العاصمة")).isEqualTo("ar");
        assertThat(lang("Die Bundesregierung hat am Montag neue Maßnahmen gegen die Inflation beschlossen.")).isEqualTo("de");
        assertThat(lang("Le gouvernement a annoncé mardi de nouvelles mesures pour soutenir les entreprises.")).isEqualTo("fr");
        assertThat(lang("El presidente anunció el martes un nuevo plan para reducir el desempleo en el país.")).isEqualTo("es");
        assertThat(lang("प्रधानमंत्री ने मंगलवार को नई योजना की घोषणा की और कहा कि इससे किसानों को लाभ होगा")).isEqualTo("hi");
    }

    @Test
    void declaredLanguageDecidesAShortHeadlineWhenThePlausible() {
        String headline = "Apple unveils new iPad mini";
        assertThat(DETECTOR.detect(headline, "en").lang()).isEqualTo("en");
        assertThat(DETECTOR.detect(headline, "en-GB").lang()).isEqualTo("en");
    }

    @Test
    void declaredLanguageDoesNotOverrideALongTextInAnotherLanguage() {
        String german = "Die Bundesregierung hat am Montag neue Maßnahmen gegen die steigenden Preise beschlossen. "
                + "Der Finanzminister sagte, die Entlastungen sollen ab dem kommenden Monat gelten und vor allem "
                + "Familien mit kleinen Einkommen helfen. Die Opposition kritisierte das Paket als zu spät.";
        assertThat(DETECTOR.detect(german, "en").lang()).isEqualTo("de");
    }

    @Test
    void acceptsThreeLetterAndRegionalDeclarations() {
        assertThat(DETECTOR.detect("", "ar-AE").lang()).isEqualTo("ar");
        assertThat(DETECTOR.detect("", "ara").lang()).isEqualTo("ar");
        assertThat(DETECTOR.detect("", "EN_us").lang()).isEqualTo("en");
    }

    @Test
    void tooLittleTextIsUndeterminedWithoutADeclaration() {
        assertThat(lang("")).isEqualTo("und");
        assertThat(lang(null)).isEqualTo("und");
        assertThat(lang("12:30 — 4/5")).isEqualTo("und");
        assertThat(lang("<<<>>>{{{}}}%%%$$$###@@@!!!^^^&&&***((()))".repeat(20) + "ab")).isEqualTo("und");
        assertThat(DETECTOR.detect("OK", null).confidence()).isZero();
    }

    @Test
    void confidenceIsHighForClearProse() {
        var guess = DETECTOR.detect("The central bank raised interest rates on Tuesday, surprising most economists "
                + "who had expected the bank to wait until the summer before acting.", null);
        assertThat(guess.confidence()).isGreaterThan(0.8).isLessThanOrEqualTo(1.0);
    }

    private static String lang(String text) {
        return DETECTOR.detect(text, null).lang();
    }
}
