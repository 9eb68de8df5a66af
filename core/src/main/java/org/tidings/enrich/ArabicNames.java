package org.tidings.enrich;

import static org.tidings.enrich.TopicExtractor.markUsed;
import static org.tidings.enrich.TopicExtractor.phrase;

import java.util.List;
import java.util.Set;

import org.tidings.enrich.TopicExtractor.Weights;
import org.tidings.text.Token;

/** Arabic has no capitals: known names from the gazetteer, and names after a title ("الشيخ محمد بن راشد"). */
final class ArabicNames {

    /** Arabic names run longer than Latin ones ("محمد بن راشد آل مكتوم"). */
    private static final int MAX_ARABIC_PERSON_TOKENS = 5;
    private static final Set<String> PERSON_CONNECTORS = Set.of("bin", "bint", "ibn", "al", "el", "de", "van",
            "von", "der", "da", "di", "le", "la", "بن", "بنت", "ال", "عبد", "ابو");

    private final Gazetteer gazetteer;
    private final EntityWords words;

    ArabicNames(Gazetteer gazetteer, EntityWords words) {
        this.gazetteer = gazetteer;
        this.words = words;
    }

    int scan(TopicTally doc, List<Token> tokens, int i, Weights weights, boolean[] used) {
        Gazetteer.Match match = gazetteer.match(tokens, i);
        if (match != null) {
            doc.addKnown(match.entry(), weights.at(i), match.length());
            markUsed(used, i, i + match.length());
            return i + match.length();
        }
        if (!words.titles().contains(tokens.get(i).key())) {
            return i + 1;
        }
        int nameStart = i + 1;
        while (nameStart < tokens.size() && nameStart <= i + 3 && isArabicDescriptor(tokens, nameStart)) {
            nameStart++;
        }
        int nameEnd = nameStart;
        while (nameEnd < tokens.size() && nameEnd - nameStart < MAX_ARABIC_PERSON_TOKENS
                && isArabicNameWord(tokens, nameEnd, nameStart)) {
            nameEnd++;
        }
        while (nameEnd > nameStart && PERSON_CONNECTORS.contains(tokens.get(nameEnd - 1).key())) {
            nameEnd--;
        }
        if (nameEnd > nameStart) {
            doc.add(Topic.Kind.PERSON, phrase(tokens, nameStart, nameEnd), weights.at(nameStart), nameEnd - nameStart);
            markUsed(used, i, nameEnd);
        }
        return Math.max(nameEnd, i + 1);
    }

    /** Words between a title and a name: more titles, and words with the article ("الأمريكي", "الخارجية"). */
    private boolean isArabicDescriptor(List<Token> tokens, int i) {
        Token token = tokens.get(i);
        return token.arabic() && (words.titles().contains(token.key()) || token.key().startsWith("ال")
                || gazetteer.match(tokens, i) != null);
    }

    private boolean isArabicNameWord(List<Token> tokens, int i, int nameStart) {
        Token token = tokens.get(i);
        if (!token.arabic() || words.stopWords().contains(token.key()) || words.titles().contains(token.key())
                || words.institutions().contains(token.key())) {
            return false;
        }
        if (PERSON_CONNECTORS.contains(token.key())) {
            return i > nameStart;
        }
        boolean previousIsConnector = i > nameStart && PERSON_CONNECTORS.contains(tokens.get(i - 1).key());
        return previousIsConnector || !token.key().startsWith("ال") && gazetteer.match(tokens, i) == null;
    }
}
