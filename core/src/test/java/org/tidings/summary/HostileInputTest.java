package org.tidings.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Huge, binary and degenerate input: no exception, a bounded result. */
class HostileInputTest {

    @Test
    void aHugeArticleIsDigested() {
        String paragraph = GroundingSet.resource("/summary/articles/nytimes-4.txt");
        String huge = paragraph.repeat(Math.max(1, 2_000_000 / paragraph.length()));
        ArticleDigest digest = Summarizer.digest(huge, "en");
        assertThat(digest.summary()).hasSize(3);
        assertThat(Summarizer.answer("How much interest will be due?", digest).found()).isTrue();
    }

    @Test
    void oneEndlessLineWithoutPunctuationIsOneSentence() {
        String line = "word ".repeat(300_000);
        assertThat(Summarizer.sentences(line, "en")).hasSize(1);
        assertThat(Summarizer.digest(line, "es").summary()).isEmpty();
    }

    @Test
    void binaryGarbageDoesNotBreakAnything() {
        byte[] bytes = new byte[60_000];
        new Random(7).nextBytes(bytes);
        String garbage = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        List<Sentence> sentences = Summarizer.sentences(garbage, "en");
        for (Sentence s : sentences) {
            assertThat(garbage.substring(s.start(), s.end())).isEqualTo(s.text());
        }
        Summarizer.digest(garbage, "fr");
        Summarizer.answer(garbage, garbage, "de");
        Summarizer.check(List.of(garbage), sentences, "en");
        Summarizer.digestStory(List.of(
                new SourceArticle("1", "a", Instant.EPOCH, garbage, "xx"),
                new SourceArticle("2", "b", null, garbage, null),
                new SourceArticle("3", null, null, garbage, "")));
    }

    @Test
    void truncatedTextAndOddCharactersKeepOffsetsRight() {
        String text = "“Quoted… and cut off mid-sen\r\n\r\n\u0000\uFFFD 1,000,000 people?! Yes.\u2028Next line";
        for (Sentence s : Summarizer.sentences(text, "en")) {
            assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text());
        }
        assertThat(Summarizer.sentences("\uD83D", "en")).isEmpty();
    }
}
