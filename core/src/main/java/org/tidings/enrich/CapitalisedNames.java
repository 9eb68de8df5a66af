package org.tidings.enrich;

import static org.tidings.enrich.TopicExtractor.markUsed;
import static org.tidings.enrich.TopicExtractor.phrase;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.tidings.enrich.TopicExtractor.Weights;
import org.tidings.text.Abbreviations;
import org.tidings.text.Token;

/**
 * Names in Latin script found by their capitals: a run of capitalised words is split at titles, known names and
 * "and", then each piece is classified by its words (organisation suffixes, given names, acronyms) as a person, an
 * organisation or a subject. Immutable and thread-safe.
 */
final class CapitalisedNames {

    /** Capitalised runs longer than this are a title-cased sentence, not a name. */
    private static final int MAX_NAME_TOKENS = 6;
    private static final int MAX_PERSON_TOKENS = 4;
    /** Acronyms of organisations rarely run past five letters ("NASA", "OPEC", "UNICEF" is the exception). */
    private static final int MAX_ACRONYM = 6;
    /** "Apple and Google" are two names: a run is split at "and" unless the gazetteer knows the whole. */
    private static final Set<String> AND = Set.of("and", "&");

    private final Gazetteer gazetteer;
    private final EntityWords words;

    CapitalisedNames(Gazetteer gazetteer, EntityWords words) {
        this.gazetteer = gazetteer;
        this.words = words;
    }

    int scan(TopicTally doc, String text, List<Token> tokens, int start, Weights weights, boolean[] used,
             boolean titleCase) {
        int end = runEnd(text, tokens, start);
        int from = skipNotNames(doc, tokens, start, end);
        if (from < end && titleCase) {
            addKnownNamesOnly(doc, tokens, from, end, weights, used);
        } else if (from < end) {
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
        return text.substring(from, b.start()).isBlank();
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
                    && (doc.isCommonWord(token.key()) || words.stopWords().contains(token.key()));
            if (!words.generic().contains(token.key()) && !words.agencies().contains(token.key())
                    && !commonWordOpeningSentence && !Gazetteer.CONNECTORS.contains(token.key())
                    && !opensSentenceBeforeConnector(tokens, from, end)) {
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
                && !tokens.get(i + 1).capitalised() && !words.orgPrefixes().contains(token.key());
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
            boolean title = words.titles().contains(tokens.get(i).key());
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
        List<Token> run = tokens.subList(from, end);
        return run.size() > 1 && run.stream().allMatch(Token::allCaps)
                && run.stream().anyMatch(token -> token.surface().length() > MAX_ACRONYM);
    }

    private boolean isNotAName(Token token) {
        String key = token.key();
        return !Gazetteer.CONNECTORS.contains(key) && (words.generic().contains(key) || words.agencies().contains(key));
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
        if (length > 1 && doc.capitalisesNouns() && isRunOfNouns(doc, tokens, from, end)) {
            for (int i = from; i < end; i++) {
                addLoneWord(doc, tokens.get(i), weights.at(i));
            }
        } else if (isOrganisationShape(tokens, from, end) || length == 1 && isAcronym(tokens.get(from))) {
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
     * "Millionen Menschen", "Buchen Sie", "Erster Bauabschnitt": in German every noun is capitalised, so everyday
     * nouns in a row, or a run with a word German writes in lower case, are words side by side, not a name; each may
     * still be a topic of its own.
     */
    private boolean isRunOfNouns(TopicTally doc, List<Token> tokens, int from, int end) {
        return !isOrganisationShape(tokens, from, end) && !looksLikePersonName(tokens, from, end)
                && (IntStream.range(from, end).allMatch(i -> doc.isEverydayWord(tokens.get(i).key()))
                || IntStream.range(from, end).anyMatch(i -> doc.isCommonWord(tokens.get(i).key())));
    }

    /**
     * A lone capitalised word becomes a topic only if it recurs mid-sentence (a headline opens "Copper slumps"), or
     * when a full name claims it as a surname ("Alabbar said" after "Mohamed Alabbar").
     */
    private static void addLoneWord(TopicTally doc, Token token, double weight) {
        TopicTally.Candidate candidate = doc.add(null, token.surface(), weight, 1);
        if (!token.sentenceStart()) {
            candidate.midSentenceMentions++;
        }
    }

    /**
     * Two plain capitalised words ("Jon Sopel", "Arab Spring"): a person if the last recurs alone ("Sopel said"). Not
     * if either word also occurs in lower case ("Climate Change") or is a known name ("Tunisian Islamists").
     */
    private boolean looksLikeAPair(TopicTally doc, List<Token> tokens, int from, int end) {
        return end - from == 2 && IntStream.range(from, end).noneMatch(i -> {
            Token token = tokens.get(i);
            String key = token.key();
            return token.allCaps() || !key.chars().allMatch(Character::isLetter) || doc.isCommonWord(key)
                    || words.stopWords().contains(key) || Gazetteer.CONNECTORS.contains(key)
                    || gazetteer.match(tokens, i) != null;
        });
    }

    /** "Charles Plosser", "Mohammed bin Salman": a given name followed by one to three more capitalised words. */
    private boolean looksLikePersonName(List<Token> tokens, int from, int end) {
        return end - from >= 2 && words.givenNames().contains(tokens.get(from).key()) && tokens.subList(from + 1, end)
                .stream().noneMatch(token -> token.allCaps() || Character.isDigit(token.surface().charAt(0)));
    }

    /** "Acme Holdings", "Bank of England", "Labour Party": an organisation word at the end, or "X of" at the start. */
    private boolean isOrganisationShape(List<Token> tokens, int from, int end) {
        if (end - from < 2) {
            return false;
        }
        return words.orgSuffixes().contains(tokens.get(end - 1).key())
                || words.orgPrefixes().contains(tokens.get(from).key()) && tokens.get(from + 1).key().equals("of");
    }

    private boolean containsTitle(List<Token> tokens, int from, int end) {
        return tokens.subList(from, end - 1).stream().anyMatch(token -> words.titles().contains(token.key()));
    }

    /** Two to six capitals ("NASA", "IMF"); guards against shouted words by rejecting stop and generic words. */
    private boolean isAcronym(Token token) {
        String s = token.surface();
        return token.allCaps() && s.length() >= 2 && s.length() <= MAX_ACRONYM
                && !words.stopWords().contains(token.key()) && !words.generic().contains(token.key());
    }
}
