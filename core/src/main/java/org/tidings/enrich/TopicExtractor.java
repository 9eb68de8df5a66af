package org.tidings.enrich;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tidings.text.Token;
import org.tidings.text.Abbreviations;
import org.tidings.text.Folding;
import org.tidings.text.StopWords;
import org.tidings.text.Tokenizer;
import org.tidings.text.WordLists;

/**
 * Finds the people, organisations, places and key phrases of an article without a trained model: known names from
 * the gazetteer, then capitalised phrases classified by their words (titles before names, given names, organisation
 * suffixes), then repeated content words. Immutable and thread-safe.
 */
final class TopicExtractor {

    /** A mention in the headline counts as much as three in the text: the headline says what the article is about. */
    private static final double TITLE_WEIGHT = 3.0;
    /** Mentions in the first part of the text count a little more: news puts the subject in the lead. */
    private static final double LEAD_BONUS = 0.5;
    private static final double LEAD_SHARE = 0.15;
    /** Below this many words every name counts: a headline-sized text mentions each name once. */
    private static final int SHORT_TEXT_TOKENS = 80;
    /**
     * A key phrase must recur: one occurrence, even in the headline (weight 3), says nothing about what the article
     * is about ("jumps", "says"); the headline and one more mention, or three in the text, do.
     */
    private static final double MIN_PHRASE_WEIGHT = TITLE_WEIGHT + 0.5;
    /** Words shorter than this are rarely a subject ("set", "win"). */
    private static final int MIN_PHRASE_CHARS = 4;
    /** Capitalised runs longer than this are a title-cased sentence, not a name. */
    private static final int MAX_NAME_TOKENS = 6;
    private static final int MAX_PERSON_TOKENS = 4;
    /** Acronyms of organisations rarely run past five letters ("NASA", "OPEC", "UNICEF" is the exception). */
    private static final int MAX_ACRONYM = 6;
    /** A headline with this share of capitalised words is in Title Case: its capitals are no evidence of names. */
    private static final double TITLE_CASE_SHARE = 0.7;

    /** Arabic names run longer than Latin ones ("محمد بن راشد آل مكتوم"). */
    private static final int MAX_ARABIC_PERSON_TOKENS = 5;
    private static final String ARABIC_GLUED = "وبفك";
    /** "Apple and Google" are two names: a run is split at "and" unless the gazetteer knows the whole. */
    private static final Set<String> AND = Set.of("and", "&");
    private static final Set<String> PERSON_CONNECTORS = Set.of("bin", "bint", "ibn", "al", "el", "de", "van",
            "von", "der", "da", "di", "le", "la", "بن", "بنت", "ال", "عبد", "ابو");

    private final Gazetteer gazetteer;
    private final Set<String> stopWords;
    private final Set<String> generic;
    private final Set<String> agencies;
    private final Set<String> titles;
    private final Set<String> givenNames;
    private final Set<String> orgSuffixes;
    private final Set<String> orgPrefixes;
    private final Set<String> institutions;

    TopicExtractor(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.stopWords = StopWords.everyLanguage();
        Map<String, List<String>> entities = WordLists.sections("/org/tidings/enrich/entities.txt", ";");
        Set<String> notNames = new HashSet<>(keys(entities, "generic"));
        notNames.addAll(keys(entities, "month"));
        notNames.addAll(keys(entities, "weekday"));
        this.generic = Set.copyOf(notNames);
        this.agencies = keys(entities, "agency");
        this.titles = keys(entities, "title");
        this.givenNames = keys(entities, "given");
        this.orgSuffixes = keys(entities, "org-suffix");
        this.orgPrefixes = keys(entities, "org-prefix");
        this.institutions = keys(entities, "ar-institution");
    }

    /** The keys of the entries of one section of a word list. */
    private static Set<String> keys(Map<String, List<String>> sections, String section) {
        Set<String> keys = new HashSet<>();
        for (String entry : sections.getOrDefault(section, List.of())) {
            keys.add(Folding.phraseKey(entry));
        }
        return Set.copyOf(keys);
    }

    /** The topics and the raw place mentions (for the places of the article). */
    record Result(List<Topic> topics, List<Mention> places) {
    }

    Result extract(String title, String text, boolean arabicDisplay) {
        List<Token> titleTokens = Tokenizer.NAMES.tokens(title);
        List<Token> bodyTokens = Tokenizer.NAMES.tokens(text);
        Set<String> lowerCaseWords = lowerCaseWords(bodyTokens);
        TopicTally doc = new TopicTally(arabicDisplay, lowerCaseWords);
        boolean titleCase = isTitleCase(titleTokens);
        scan(doc, title, titleTokens, i -> TITLE_WEIGHT, titleCase);
        int lead = (int) (bodyTokens.size() * LEAD_SHARE);
        scan(doc, text, bodyTokens, i -> i < lead ? 1 + LEAD_BONUS : 1, false);
        boolean shortText = bodyTokens.size() + titleTokens.size() < SHORT_TEXT_TOKENS;
        List<Topic> topics = doc.rank(shortText, MIN_PHRASE_WEIGHT);
        return new Result(topics, doc.places());
    }

    private interface Weights {
        double at(int tokenIndex);
    }

    // ---- scanning -------------------------------------------------------------------------------------------

    private void scan(TopicTally doc, String text, List<Token> tokens, Weights weights, boolean titleCase) {
        boolean[] used = new boolean[tokens.size()];
        int i = 0;
        while (i < tokens.size()) {
            Token token = tokens.get(i);
            int next;
            if (token.arabic()) {
                next = scanArabic(doc, tokens, i, weights, used);
            } else if (token.capitalised()) {
                next = scanCapitalised(doc, text, tokens, i, weights, used, titleCase);
            } else {
                next = i + 1;
            }
            i = Math.max(next, i + 1);
        }
        collectPhrases(doc, tokens, weights, used);
    }

    private int scanCapitalised(TopicTally doc, String text, List<Token> tokens, int start, Weights weights,
                                boolean[] used, boolean titleCase) {
        int end = runEnd(text, tokens, start);
        int from = skipNotNames(doc, tokens, start, end);
        if (from == end) {
            return end;
        }
        if (titleCase) {
            addKnownNamesOnly(doc, tokens, from, end, weights, used);
        } else {
            classifyRun(doc, tokens, from, end, weights, used);
        }
        return end;
    }

    /** A run of capitalised words with only spaces between them (a comma, a possessive or a new sentence ends it). */
    private static int runEnd(String text, List<Token> tokens, int start) {
        int end = start + 1;
        while (end < tokens.size() && end - start < MAX_NAME_TOKENS * 2) {
            Token next = tokens.get(end);
            if (next.sentenceStart() || next.arabic() || !onlySpaceBetween(text, tokens.get(end - 1), next)) {
                break;
            }
            boolean connector = Gazetteer.CONNECTORS.contains(next.key()) && !next.capitalised()
                    && end + 1 < tokens.size() && tokens.get(end + 1).capitalised()
                    && onlySpaceBetween(text, next, tokens.get(end + 1));
            if (!next.capitalised() && !connector) {
                break;
            }
            end += connector ? 2 : 1;
        }
        return end;
    }

    private static boolean onlySpaceBetween(String text, Token a, Token b) {
        int from = a.end();
        if (from < b.start() && text.charAt(from) == '.' && Abbreviations.keepsPeriod(a)) {
            from++;
        }
        for (int i = from; i < b.start(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Leading words that are no names: "The", months, weekdays, news agencies, and a sentence's first word when the
     * text also uses it in lower case ("Officials said" is not a name because "officials" occurs elsewhere).
     */
    private int skipNotNames(TopicTally doc, List<Token> tokens, int from, int end) {
        while (from < end) {
            Token token = tokens.get(from);
            if (gazetteer.match(tokens, from) != null) {
                return from;
            }
            boolean commonWordOpeningSentence = token.sentenceStart()
                    && (doc.isCommonWord(token.key()) || stopWords.contains(token.key()));
            if (!generic.contains(token.key()) && !agencies.contains(token.key()) && !commonWordOpeningSentence
                    && !Gazetteer.CONNECTORS.contains(token.key()) && !opensSentenceBeforeConnector(tokens, from, end)) {
                return from;
            }
            from++;
        }
        return end;
    }

    /**
     * "Shares of Contoso", "Head of Fabrikam": a sentence's first word before "of" is a common word capitalised by
     * its position, unless it opens an organisation's name ("Bank of England").
     */
    private boolean opensSentenceBeforeConnector(List<Token> tokens, int i, int end) {
        Token token = tokens.get(i);
        return token.sentenceStart() && i + 1 < end && Gazetteer.CONNECTORS.contains(tokens.get(i + 1).key())
                && !tokens.get(i + 1).capitalised() && !orgPrefixes.contains(token.key());
    }

    /** Title Case headlines: only gazetteer names count, never a guessed name. */
    private void addKnownNamesOnly(TopicTally doc, List<Token> tokens, int from, int end, Weights weights,
                                   boolean[] used) {
        int i = from;
        while (i < end) {
            Gazetteer.Match match = gazetteer.match(tokens, i);
            if (match != null && i + match.length() <= end) {
                doc.addKnown(match.entry(), weights.at(i), match.length());
                markUsed(used, i, i + match.length());
                i += match.length();
            } else {
                i++;
            }
        }
    }

    /** Splits a capitalised run at titles and known names, and classifies what is left. */
    private void classifyRun(TopicTally doc, List<Token> tokens, int from, int end, Weights weights, boolean[] used) {
        markUsed(used, from, end);
        if (isOrganisationShape(tokens, from, end) && !containsTitle(tokens, from, end)) {
            doc.add(Topic.Kind.ORGANIZATION, phrase(tokens, from, end), weights.at(from), end - from);
            return;
        }
        boolean afterTitle = false;
        int pieceStart = from;
        int i = from;
        while (i < end) {
            Gazetteer.Match match = gazetteer.match(tokens, i);
            boolean title = titles.contains(tokens.get(i).key());
            if (match != null && i + match.length() <= end && !(afterTitle && i == pieceStart && match.length() == 1
                    && match.entry().ambiguous())) {
                classifyPiece(doc, tokens, pieceStart, i, afterTitle, weights);
                doc.addKnown(match.entry(), weights.at(i), match.length());
                i += match.length();
                pieceStart = i;
                afterTitle = false;
            } else if (title || isNotAName(tokens.get(i))) {
                classifyPiece(doc, tokens, pieceStart, i, afterTitle, weights);
                i++;
                pieceStart = i;
                afterTitle = title;
            } else {
                i++;
            }
        }
        classifyPiece(doc, tokens, pieceStart, end, afterTitle, weights);
    }

    /** "LME OFFICIALS SAID": several words in capitals with a long one among them are shouting, not an acronym. */
    private static boolean isShouting(List<Token> tokens, int from, int end) {
        boolean longWord = false;
        for (int i = from; i < end; i++) {
            Token token = tokens.get(i);
            if (!token.allCaps()) {
                return false;
            }
            longWord |= token.surface().length() > MAX_ACRONYM;
        }
        return end - from > 1 && longWord;
    }

    private boolean isNotAName(Token token) {
        String key = token.key();
        return !Gazetteer.CONNECTORS.contains(key) && (generic.contains(key) || agencies.contains(key));
    }

    /** An unknown capitalised phrase: a person, an organisation, or a proper subject ("World Cup"). */
    private void classifyPiece(TopicTally doc, List<Token> tokens, int from, int end, boolean afterTitle,
                               Weights weights) {
        for (int i = from + 1; i < end - 1; i++) {
            if (AND.contains(tokens.get(i).key())) {
                classifyPiece(doc, tokens, from, i, afterTitle, weights);
                classifyPiece(doc, tokens, i + 1, end, false, weights);
                return;
            }
        }
        while (end > from && Gazetteer.CONNECTORS.contains(tokens.get(end - 1).key())) {
            end--;
        }
        while (from < end && Gazetteer.CONNECTORS.contains(tokens.get(from).key())) {
            from++;
        }
        int length = end - from;
        if (length <= 0 || length > MAX_NAME_TOKENS || isShouting(tokens, from, end)) {
            return;
        }
        String name = phrase(tokens, from, end);
        double weight = weights.at(from);
        if (isOrganisationShape(tokens, from, end) || length == 1 && isAcronym(tokens.get(from))) {
            doc.add(Topic.Kind.ORGANIZATION, name, weight, length);
        } else if (length <= MAX_PERSON_TOKENS && (afterTitle || looksLikePersonName(tokens, from, end))) {
            doc.add(Topic.Kind.PERSON, name, weight, length);
        } else if (looksLikeAPair(doc, tokens, from, end)) {
            doc.add(Topic.Kind.SUBJECT, name, weight, length).pair = true;
        } else if (length == 1) {
            addLoneWord(doc, tokens.get(from), weight);
        } else {
            doc.add(Topic.Kind.SUBJECT, name, weight, length);
        }
    }

    /**
     * A lone capitalised word is a name only when the capital is not owed to the sentence ("Copper slumps", "Trading
     * firm ..." open headlines); it becomes a topic only if it recurs mid-sentence, or when a full name claims it as
     * a surname ("Alabbar said" after "Mohamed Alabbar"), whatever its position.
     */
    private static void addLoneWord(TopicTally doc, Token token, double weight) {
        TopicTally.Candidate candidate = doc.add(null, token.surface(), weight, 1);
        if (!token.sentenceStart()) {
            candidate.midSentenceMentions++;
        }
    }

    /**
     * Two plain capitalised words ("Jon Sopel", "Arab Spring") may be a person: it is one when its last word recurs
     * alone ("Sopel said"), see {@code TopicTally.resolveSurnames}. Guards against "Climate Change"-style capitalised
     * phrases by requiring that neither word occurs in lower case, and against "Tunisian Islamists" by refusing
     * known names.
     */
    private boolean looksLikeAPair(TopicTally doc, List<Token> tokens, int from, int end) {
        if (end - from != 2) {
            return false;
        }
        for (int i = from; i < end; i++) {
            Token token = tokens.get(i);
            String key = token.key();
            if (token.allCaps() || !key.chars().allMatch(Character::isLetter) || doc.isCommonWord(key)
                    || stopWords.contains(key) || Gazetteer.CONNECTORS.contains(key) || gazetteer.match(tokens, i) != null) {
                return false;
            }
        }
        return true;
    }

    /** "Charles Plosser", "Mohammed bin Salman": a given name followed by one to three more capitalised words. */
    private boolean looksLikePersonName(List<Token> tokens, int from, int end) {
        if (end - from < 2 || !givenNames.contains(tokens.get(from).key())) {
            return false;
        }
        for (int i = from + 1; i < end; i++) {
            Token token = tokens.get(i);
            if (token.allCaps() || Character.isDigit(token.surface().charAt(0))) {
                return false;
            }
        }
        return true;
    }

    /** "Acme Holdings", "Bank of England", "Labour Party": an organisation word at the end, or "X of" at the start. */
    private boolean isOrganisationShape(List<Token> tokens, int from, int end) {
        if (end - from < 2) {
            return false;
        }
        boolean suffix = orgSuffixes.contains(tokens.get(end - 1).key());
        boolean prefix = orgPrefixes.contains(tokens.get(from).key()) && tokens.get(from + 1).key().equals("of");
        return suffix || prefix;
    }

    private boolean containsTitle(List<Token> tokens, int from, int end) {
        for (int i = from; i < end - 1; i++) {
            if (titles.contains(tokens.get(i).key())) {
                return true;
            }
        }
        return false;
    }

    /** Two to six capitals ("NASA", "IMF"); guards against shouted words by rejecting stop and generic words. */
    private boolean isAcronym(Token token) {
        String s = token.surface();
        return token.allCaps() && s.length() >= 2 && s.length() <= MAX_ACRONYM && !stopWords.contains(token.key())
                && !generic.contains(token.key());
    }

    // ---- Arabic ---------------------------------------------------------------------------------------------

    /** Arabic has no capitals: known names from the gazetteer, and names after a title ("الشيخ محمد بن راشد"). */
    private int scanArabic(TopicTally doc, List<Token> tokens, int i, Weights weights, boolean[] used) {
        Gazetteer.Match match = gazetteer.match(tokens, i);
        if (match != null) {
            doc.addKnown(match.entry(), weights.at(i), match.length());
            markUsed(used, i, i + match.length());
            return i + match.length();
        }
        if (!titles.contains(tokens.get(i).key())) {
            return i + 1;
        }
        int nameStart = i + 1;
        while (nameStart < tokens.size() && nameStart <= i + 3 && isArabicDescriptor(tokens, nameStart)) {
            nameStart++;
        }
        int nameEnd = nameStart;
        while (nameEnd < tokens.size() && nameEnd - nameStart < MAX_ARABIC_PERSON_TOKENS && isArabicNameWord(tokens, nameEnd,
                nameStart)) {
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
        return token.arabic() && (titles.contains(token.key()) || token.key().startsWith("ال")
                || gazetteer.match(tokens, i) != null);
    }

    private boolean isArabicNameWord(List<Token> tokens, int i, int nameStart) {
        Token token = tokens.get(i);
        if (!token.arabic() || stopWords.contains(token.key()) || titles.contains(token.key())
                || institutions.contains(token.key())) {
            return false;
        }
        if (PERSON_CONNECTORS.contains(token.key())) {
            return i > nameStart;
        }
        boolean previousIsConnector = i > nameStart && PERSON_CONNECTORS.contains(tokens.get(i - 1).key());
        return previousIsConnector || !token.key().startsWith("ال") && gazetteer.match(tokens, i) == null;
    }

    // ---- key phrases ----------------------------------------------------------------------------------------

    /** Content words and two-word phrases that recur ("interest rates", "الطاقة المتجددة"). */
    private void collectPhrases(TopicTally doc, List<Token> tokens, Weights weights, boolean[] used) {
        Token previous = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (used[i] || !isContentWord(doc, token)) {
                previous = null;
                continue;
            }
            doc.addPhrase(phraseSurface(token), phraseKey(token), weights.at(i));
            if (previous != null && !token.sentenceStart()) {
                doc.addPhrase(phraseSurface(previous) + " " + token.surface(),
                        phraseKey(previous) + " " + phraseKey(token), weights.at(i));
            }
            previous = token;
        }
    }

    private boolean isContentWord(TopicTally doc, Token token) {
        String key = token.key();
        if (key.length() < MIN_PHRASE_CHARS || stopWords.contains(key) || generic.contains(key) || isElided(key)
                || !Character.isLetter(key.codePointAt(0)) || key.chars().anyMatch(Character::isDigit)) {
            return false;
        }
        return token.arabic() || !token.capitalised() || token.sentenceStart() && doc.isCommonWord(key);
    }

    /** "d'un", "l'Assemblée", "qu'il": French and Italian elisions glue a function word to the next. */
    private static boolean isElided(String key) {
        int apostrophe = key.indexOf('\'');
        return apostrophe > 0 && apostrophe <= 2;
    }

    /** Arabic phrases are counted without a glued "and", "with" or "for" ("والطاقة", "للطاقة" are "الطاقة"). */
    /** The word as shown, without the glued prefix that {@link #phraseKey} drops. */
    private static String phraseSurface(Token token) {
        String surface = token.surface();
        String key = token.key();
        String folded = phraseKey(token);
        if (folded.equals(key)) {
            return surface;
        }
        return key.startsWith("لل") ? "ال" + surface.substring(2) : surface.substring(1);
    }

    private static String phraseKey(Token token) {
        String key = token.key();
        if (!token.arabic() || key.length() <= 5) {
            return key;
        }
        if (key.startsWith("لل")) {
            return "ال" + key.substring(2);
        }
        boolean gluedToArticle = ARABIC_GLUED.indexOf(key.charAt(0)) >= 0 && key.startsWith("ال", 1);
        return gluedToArticle ? key.substring(1) : key;
    }

    private static String phrase(List<Token> tokens, int from, int end) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < end; i++) {
            if (i > from) {
                s.append(' ');
            }
            s.append(tokens.get(i).surface());
        }
        return s.toString();
    }

    private static void markUsed(boolean[] used, int from, int end) {
        for (int i = from; i < Math.min(end, used.length); i++) {
            used[i] = true;
        }
    }

    private static Set<String> lowerCaseWords(List<Token> tokens) {
        Set<String> words = new HashSet<>();
        for (Token token : tokens) {
            if (!token.arabic() && Character.isLowerCase(token.surface().codePointAt(0))) {
                words.add(token.key());
            }
        }
        return words;
    }

    private boolean isTitleCase(List<Token> tokens) {
        int words = 0;
        int capitalised = 0;
        for (Token token : tokens) {
            if (!token.arabic() && Character.isLetter(token.surface().codePointAt(0))
                    && token.key().length() > 3) {
                words++;
                capitalised += token.capitalised() ? 1 : 0;
            }
        }
        return words >= 3 && capitalised >= words * TITLE_CASE_SHARE;
    }
}
