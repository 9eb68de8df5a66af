package org.tidings.summary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerTest {

    private static final ArticleDigest SUDAN =
            Summarizer.digest(GroundingSet.resource("/summary/articles/nytimes-1.txt"), "en");
    private static final ArticleDigest MARIO =
            Summarizer.digest(GroundingSet.resource("/summary/articles/msn.txt"), "en");

    @Test
    void aQuestionTheArticleAnswersGetsItsSupportingSentences() {
        Answer answer = Summarizer.answer("What will Sudan do in return?", SUDAN);
        assertThat(answer.found()).isTrue();
        assertThat(answer.text()).contains("In return, Sudan will improve access for aid groups");
        assertThat(answer.support()).isNotEmpty().hasSizeLessThanOrEqualTo(QuestionAnswerer.MAX_SUPPORT);
        assertThat(answer.score()).isGreaterThanOrEqualTo(QuestionAnswerer.MIN_SCORE);
    }

    @Test
    void theBestSupportComesFirstAndCitesTheArticlesSentence() {
        Answer answer = Summarizer.answer("When will Super Mario Run launch on the iPhone?", MARIO);
        assertThat(answer.found()).isTrue();
        assertThat(answer.text()).contains("December 15");
        Sentence best = answer.support().getFirst();
        assertThat(MARIO.sentences().get(best.index())).isEqualTo(best);
    }

    @Test
    void aWhenQuestionIsAnsweredByASentenceThatSaysWhen() {
        String text = "Engineers will inspect the bridge before it can reopen.\n\n"
                + "The mayor thanked the volunteers who cleared the coastal road.\n\n"
                + "The authority expects the bridge to reopen on Thursday.";
        Answer answer = Summarizer.answer("When will the bridge reopen?", text, "en");
        assertThat(answer.found()).isTrue();
        assertThat(answer.text()).contains("Thursday");
        assertThat(answer.support()).noneMatch(s -> s.text().startsWith("Engineers"));
    }

    @Test
    void aWhoQuestionNeedsANameTheQuestionDoesNotHave() {
        Answer answer = Summarizer.answer("Who imposed a trade embargo against Sudan?", SUDAN);
        assertThat(answer.found()).isTrue();
        assertThat(answer.text()).contains("Bill Clinton");
        assertThat(QuestionAnswerer.expects("¿Cuántos pasajeros había?")).isEqualTo(QuestionAnswerer.Expects.NUMBER);
        assertThat(QuestionAnswerer.expects("Whoever said that?")).isEqualTo(QuestionAnswerer.Expects.ANYTHING);
    }

    @Test
    void aQuestionTheArticleDoesNotAnswerGetsAnHonestNotSaid() {
        Answer answer = Summarizer.answer("What is the population of Brazil?", SUDAN);
        assertThat(answer.found()).isFalse();
        assertThat(answer.support()).isEmpty();
        assertThat(answer.text()).isEmpty();
    }

    @Test
    void aQuestionThatSharesOnlyTheTopicIsNotAnswered() {
        Answer answer = Summarizer.answer("What did Sudan's football team win last year?", SUDAN);
        assertThat(answer.found()).isFalse();
        assertThat(answer.score()).isLessThan(QuestionAnswerer.MIN_SCORE);
    }

    @Test
    void emptyOrContentlessQuestionsAreNotAnswered() {
        assertThat(Summarizer.answer("", SUDAN).found()).isFalse();
        assertThat(Summarizer.answer(null, SUDAN).found()).isFalse();
        assertThat(Summarizer.answer("What is it?", SUDAN).found()).isFalse();
        assertThat(Summarizer.answer("Why?", "", "en").found()).isFalse();
    }

    @Test
    void questionsInOtherLanguagesWork() {
        Answer answer = Summarizer.answer("Combien de passagers étaient à bord de l'Airbus ?",
                GroundingSet.resource("/summary/articles/liberation-1.txt"), "fr");
        assertThat(answer.found()).isTrue();
        assertThat(answer.text()).contains("206 passagers");
    }
}
