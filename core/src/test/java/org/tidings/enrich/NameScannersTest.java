package org.tidings.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tidings.text.Token;
import org.tidings.text.Tokenizer;

/** The scanners of {@link TopicExtractor} one by one: each adds what it finds at a position to the tally. */
class NameScannersTest {

    private static final Gazetteer GAZETTEER = new Gazetteer();
    private static final EntityWords WORDS = EntityWords.load();

    private static List<Topic> ranked(TopicTally tally) {
        return tally.rank(true, 1.5);
    }

    @Test
    void capitalisedNamesClassifyARunFromItsWords() {
        String text = "Yesterday Charles Plosser spoke.";
        List<Token> tokens = Tokenizer.NAMES.tokens(text);
        TopicTally tally = new TopicTally("en", Set.of());
        int next = new CapitalisedNames(GAZETTEER, WORDS)
                .scan(tally, text, tokens, 1, i -> 1, new boolean[tokens.size()], false);
        assertThat(next).isEqualTo(3);
        assertThat(ranked(tally)).extracting(Topic::kind, Topic::name)
                .containsExactly(tuple(Topic.Kind.PERSON, "Charles Plosser"));
    }

    @Test
    void inTitleCaseOnlyKnownNamesCount() {
        String text = "Acme Widgets Opens Office In London";
        List<Token> tokens = Tokenizer.NAMES.tokens(text);
        TopicTally tally = new TopicTally("en", Set.of());
        new CapitalisedNames(GAZETTEER, WORDS).scan(tally, text, tokens, 0, i -> 1, new boolean[tokens.size()], true);
        assertThat(ranked(tally)).extracting(Topic::slug).containsExactly("london");
    }

    @Test
    void arabicNamesFollowATitle() {
        List<Token> tokens = Tokenizer.NAMES.tokens("قال الرئيس الأمريكي دونالد ترامب إن المحادثات مستمرة");
        TopicTally tally = new TopicTally("ar", Set.of());
        ArabicNames names = new ArabicNames(GAZETTEER, WORDS);
        boolean[] used = new boolean[tokens.size()];
        assertThat(names.scan(tally, tokens, 0, i -> 1, used)).isEqualTo(1);
        assertThat(names.scan(tally, tokens, 1, i -> 1, used)).isEqualTo(5);
        assertThat(ranked(tally)).extracting(Topic::name).containsExactly("دونالد ترامب");
    }

    @Test
    void keyPhrasesAreRecurringContentWordsAndPairs() {
        List<Token> tokens = Tokenizer.NAMES.tokens("interest rates rose and interest rates will rise again");
        TopicTally tally = new TopicTally("en", Set.of());
        new KeyPhrases(WORDS).collect(tally, tokens, i -> 1, new boolean[tokens.size()]);
        assertThat(tally.rank(false, 2)).extracting(Topic::name).contains("interest rates").doesNotContain("and");
    }
}
