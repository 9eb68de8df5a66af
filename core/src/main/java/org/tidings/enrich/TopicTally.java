package org.tidings.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.tidings.text.Casing;
import org.tidings.text.Folding;
import org.tidings.text.FrequentWords;
import org.tidings.text.Slugs;
import org.tidings.text.StopWords;

/**
 * The candidate topics of one article as they are counted over its title and text, and their ranking: names merged
 * with their surnames, recurring key phrases, scores relative to the strongest topic. One per article; not shared.
 */
final class TopicTally {

    /** A name mentioned once in a long text, never in the headline, is usually a passing reference. */
    private static final double MIN_NAME_WEIGHT = 2.0;
    /** "German reliance on Russian gas" is partly about Germany and Russia, but less than a story in Berlin. */
    private static final double DEMONYM_FACTOR = 0.5;
    /** Key phrases rank below names of equal weight: names make better hashtags. */
    private static final double PHRASE_DISCOUNT = 0.6;
    private static final int MAX_PHRASES = 4;
    /**
     * A lone word that is neither a person, an organisation nor a place ("Umfrage", "Tweet") ranks below a name or a
     * phrase of equal weight: a reader learns less from it, and publishers tag it less often.
     */
    private static final double LONE_SUBJECT_DISCOUNT = 0.8;
    /**
     * A two-word phrase wins over its own words at equal weight ("interest rates" over "rates"): each word counts
     * half a mention; more would let a rare pair beat a word that recurs throughout.
     */
    private static final double PHRASE_WORD_BONUS = 0.5;
    private static final int MAX_TOPICS = 12;
    /** A lone capitalised word must recur to be a topic: once, it is as often a capitalised common word. */
    private static final int MIN_LONE_WORD_MENTIONS = 2;

    private final String language;
    private final boolean arabicDisplay;
    private final Set<String> lowerCaseWords;
    private final Map<String, Candidate> names = new LinkedHashMap<>();
    private final Map<String, Candidate> phrases = new LinkedHashMap<>();
    private final List<Mention> placeMentions = new ArrayList<>();

    /** @param language the article's language; known names are shown in Arabic when it is Arabic */
    TopicTally(String language, Set<String> lowerCaseWords) {
        this.language = language;
        this.arabicDisplay = "ar".equals(language);
        this.lowerCaseWords = lowerCaseWords;
    }

    /**
     * Whether the text also writes this word in lower case, or the language counts it among its common words
     * ("Gibt", "Available"): then its capital is the sentence's, not a name's.
     */
    boolean isCommonWord(String key) {
        return lowerCaseWords.contains(key) || FrequentWords.isCommon(key, language) || capitalisesNouns() && isAdjectiveForm(key);
    }

    /** German adjective endings: "dunkles", "dunkle", "dunklen", "dunkler", "dunklem". */
    private static final List<String> ADJECTIVE_ENDINGS = List.of("e", "en", "er", "es", "em");

    /**
     * Where every noun is capitalised, a capitalised word that the text also writes in lower case with another
     * adjective ending ("Dunkles Shampoo" beside "dunkle Haare", "Künstliche" beside "künstlichen") is an adjective
     * at a sentence's start, not a name.
     */
    private boolean isAdjectiveForm(String key) {
        for (String ending : ADJECTIVE_ENDINGS) {
            if (key.endsWith(ending) && key.length() - ending.length() >= 3) {
                String stem = key.substring(0, key.length() - ending.length());
                if (ADJECTIVE_ENDINGS.stream().anyMatch(other -> lowerCaseWords.contains(stem + other))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the article's language capitalises every noun (German): there capitals tell nouns, not names. */
    boolean capitalisesNouns() {
        return Casing.capitalisesNouns(language);
    }

    /** A gazetteer name: places are also kept as mentions; demonyms and ambiguous names are only that. */
    void addKnown(Gazetteer.Entry entry, double weight, int tokens) {
        if (entry.kind() == Topic.Kind.PLACE && entry.country() != null) {
            double placeWeight = entry.demonym() ? weight * DEMONYM_FACTOR : weight;
            placeMentions.add(new Mention(entry.country(), entry.ambiguous(), placeWeight));
            if (entry.ambiguous() || entry.demonym()) {
                return;
            }
        }
        String display = arabicDisplay && entry.arabic() != null ? entry.arabic() : entry.canonical();
        String key = "known:" + entry.kind() + ":" + entry.canonical();
        Candidate known = names.computeIfAbsent(key,
                k -> new Candidate(entry.kind(), display, entry.canonical(), tokens, 1));
        known.known = true;
        known.weight += weight;
    }

    Candidate add(Topic.Kind kind, String name, double weight, int tokens) {
        Candidate candidate = names.computeIfAbsent(Folding.phraseKey(name),
                k -> new Candidate(kind, name, name, tokens, 1));
        if (candidate.kind == null || kind == Topic.Kind.PERSON && candidate.kind == Topic.Kind.SUBJECT) {
            candidate.kind = kind;
        }
        candidate.weight += weight;
        return candidate;
    }

    void addPhrase(String surface, String key, double weight) {
        phrases.computeIfAbsent(key, k -> new Candidate(Topic.Kind.SUBJECT, surface.toLowerCase(Locale.ROOT),
                surface.toLowerCase(Locale.ROOT), key.split(" ").length, PHRASE_DISCOUNT)).weight += weight;
    }

    /** The topics, most relevant first, scores relative to the first. */
    List<Topic> rank(boolean shortText, double minPhraseWeight) {
        resolveSurnames();
        List<Candidate> candidates = new ArrayList<>(names.values().stream()
                .filter(c -> c.kind != null && (shortText || c.weight >= MIN_NAME_WEIGHT) && !isCommonWordTopic(c))
                .toList());
        candidates.addAll(keyPhrases(minPhraseWeight));
        candidates = mergeInflectedForms(candidates);
        candidates.sort(Comparator.comparingDouble((Candidate c) -> -c.score()));
        double top = candidates.isEmpty() ? 1 : candidates.getFirst().score();
        List<Topic> topics = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        for (Candidate c : candidates) {
            String slug = Slugs.slug(c.slugName);
            if (topics.size() < MAX_TOPICS && !slug.isEmpty() && slugs.add(slug)) {
                topics.add(new Topic(c.kind, c.display, slug, Enricher.round(c.score() / top)));
            }
        }
        return List.copyOf(topics);
    }

    /**
     * "Oscar" and "Oscars", "HPV-Impfung" and "HPV-Impfungen", "Fundacja" and "Fundacji" name one thing: the forms
     * become one topic, under the form the article uses most, with the weight of all of them. Two names the gazetteer
     * knows stay apart (Austria, Australia).
     */
    private static List<Candidate> mergeInflectedForms(List<Candidate> candidates) {
        List<Candidate> heaviestFirst = new ArrayList<>(candidates);
        heaviestFirst.sort(Comparator.comparingDouble((Candidate c) -> -c.weight));
        Map<Candidate, String[]> words = new HashMap<>();
        heaviestFirst.forEach(c -> words.put(c, Folding.phraseKey(c.slugName).split("[ -]")));
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : heaviestFirst) {
            Candidate form = kept.stream().filter(k -> !(k.known && c.known) && inflectedForms(words.get(k), words.get(c)))
                    .findFirst().orElse(null);
            if (form == null) {
                kept.add(c);
            } else {
                form.weight += c.weight;
            }
        }
        return kept;
    }

    /** Longest ending by which two forms of one word may differ: "-s", "-en", "-ern", Polish "-a"/"-i"/"-ę". */
    private static final int MAX_ENDING = 3;
    /** Shortest common beginning of two forms of one word: shorter words differ by more than their ending. */
    private static final int MIN_STEM = 4;

    /** Two phrases of as many words, each pair of words the same or forms of one word (same stem, short endings). */
    private static boolean inflectedForms(String[] wa, String[] wb) {
        if (wa.length != wb.length || Arrays.equals(wa, wb)) return false;
        for (int i = 0; i < wa.length; i++) {
            if (wa[i].equals(wb[i])) continue;
            int stem = 0;
            while (stem < Math.min(wa[i].length(), wb[i].length()) && wa[i].charAt(stem) == wb[i].charAt(stem)) stem++;
            if (stem < MIN_STEM || wa[i].length() - stem > MAX_ENDING || wb[i].length() - stem > MAX_ENDING) return false;
        }
        return true;
    }

    /**
     * One word that the language uses every day ("Available", "Rent", "Gibt", "Zůstává", "X") says nothing of what
     * an article is about, however often it recurs: it is no topic unless it is a name the gazetteer knows or a
     * person's name after a title ("Mr Brown").
     */
    private boolean isCommonWordTopic(Candidate c) {
        return !c.known && c.kind != Topic.Kind.PERSON && c.tokens == 1 && isEverydayWord(c.slugName);
    }

    /**
     * A function word ("Troisième"), a common word; in German, whose capitals mark every noun, also a frequent noun
     * ("Uhr", "Jahr", "Menschen"): an everyday noun names no subject there, any more than "time" would in English.
     */
    boolean isEverydayWord(String word) {
        if (StopWords.everyLanguage().contains(Folding.key(word))) {
            return true;
        }
        return capitalisesNouns() ? FrequentWords.isFrequent(word, language) : FrequentWords.isCommon(word, language);
    }

    /** "Plosser" after "Charles Plosser" is the same person; "Goldman" after "Goldman Sachs" the same firm. */
    private void resolveSurnames() {
        Map<String, Candidate> byLastWord = new HashMap<>();
        Map<String, Candidate> byFirstWord = new HashMap<>();
        for (Candidate c : names.values()) {
            String[] words = Folding.phraseKey(c.slugName).split(" ");
            if (words.length > 1 && (c.kind == Topic.Kind.PERSON || c.pair)) {
                byLastWord.putIfAbsent(words[words.length - 1], c);
            } else if (words.length > 1 && c.kind == Topic.Kind.ORGANIZATION) {
                byFirstWord.putIfAbsent(words[0], c);
            }
        }
        names.entrySet().removeIf(e -> {
            if (e.getKey().contains(" ") || e.getKey().startsWith("known:")) {
                return false;
            }
            Candidate full = byLastWord.getOrDefault(e.getKey(), byFirstWord.get(e.getKey()));
            if (full == null) {
                return false;
            }
            full.weight += e.getValue().weight;
            if (full.pair) {
                full.kind = Topic.Kind.PERSON;
            }
            return true;
        });
        names.forEach((key, c) -> {
            Candidate phrase = lowerCaseWords.contains(key) ? phrases.get(key) : null;
            if (c.kind == null && phrase != null) {
                phrase.weight += c.weight;
            } else if (c.kind == null && c.midSentenceMentions >= MIN_LONE_WORD_MENTIONS
                    && c.weight >= MIN_NAME_WEIGHT) {
                c.kind = Topic.Kind.SUBJECT;
            }
        });
    }

    /** Recurring phrases; a two-word phrase takes the place of its words when it carries most of their weight. */
    private List<Candidate> keyPhrases(double minWeight) {
        List<Candidate> kept = phrases.entrySet().stream()
                .filter(e -> e.getValue().weight >= minWeight && !isName(e.getKey())).map(Map.Entry::getValue)
                .filter(c -> !isCommonWordTopic(c))
                .sorted(Comparator.comparingDouble((Candidate c) -> -(c.weight + PHRASE_WORD_BONUS * c.tokens))).toList();
        List<Candidate> chosen = new ArrayList<>();
        for (Candidate c : kept) {
            if (chosen.size() < MAX_PHRASES && chosen.stream().noneMatch(o -> overlaps(o, c))) {
                chosen.add(c);
            }
        }
        return chosen;
    }

    /** A word the text writes capitalised as a name ("Contoso"), not one it also writes in lower case. */
    private boolean isName(String key) {
        Candidate name = names.get(key);
        return name != null && name.kind != null;
    }

    private boolean overlaps(Candidate a, Candidate b) {
        return a.display.contains(b.display) || b.display.contains(a.display);
    }

    List<Mention> places() {
        return List.copyOf(placeMentions);
    }

    static final class Candidate {
        Topic.Kind kind;
        final String display;
        final String slugName;
        double weight;
        int midSentenceMentions;
        /** A name the gazetteer knows. */
        boolean known;
        /** Two plain capitalised words: a person if its last word recurs alone. */
        boolean pair;
        final int tokens;
        final double discount;

        Candidate(Topic.Kind kind, String display, String slugName, int tokens, double discount) {
            this.kind = kind;
            this.display = display;
            this.slugName = slugName;
            this.tokens = tokens;
            this.discount = discount;
        }

        double score() {
            return weight * discount * (kind == Topic.Kind.SUBJECT && tokens == 1 ? LONE_SUBJECT_DISCOUNT : 1);
        }
    }
}
