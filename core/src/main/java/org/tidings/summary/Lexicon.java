package org.tidings.summary;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Word lists by language: stop words, negation cues and number words. */
final class Lexicon {

    private static final Set<String> EN_STOP = set(
            "a", "an", "the", "and", "or", "but", "if", "then", "so", "as", "of", "at", "by", "for", "with",
            "about", "against", "between", "into", "through", "during", "before", "after", "above", "below",
            "to", "from", "up", "down", "in", "out", "on", "off", "over", "under", "again", "further", "once",
            "here", "there", "when", "where", "why", "how", "what", "which", "who", "whom", "whose", "this",
            "that", "these", "those", "am", "is", "are", "was", "were", "be", "been", "being", "have", "has",
            "had", "having", "do", "does", "did", "doing", "will", "would", "shall", "should", "can", "could",
            "may", "might", "must", "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his",
            "she", "her", "it", "its", "they", "them", "their", "all", "any", "both", "each", "few", "more",
            "most", "other", "some", "such", "only", "own", "same", "than", "too", "very", "just", "also",
            "said", "says", "say", "told", "tell", "according", "while", "because", "until", "which", "whether",
            "mr", "mrs", "ms", "dr", "now", "even", "still", "yet", "many", "much", "per", "via", "like",
            "it's", "that's", "there's", "he's", "she's", "i'm", "we're", "they're", "you're", "let's", "let",
            "since", "besides", "despite", "though", "although", "however", "therefore", "thus", "instead",
            "meanwhile", "among", "within", "around", "across", "along", "behind", "beyond", "toward",
            "towards", "upon", "onto", "every", "another", "either", "whose", "yes", "ago",
            "everything", "something", "anything", "everyone", "someone", "anyone", "everybody", "somebody",
            "anybody", "whatever", "whenever", "wherever", "itself", "himself", "herself", "themselves",
            "ourselves", "myself", "yourself", "ours", "yours", "hers", "theirs", "else", "ever", "often",
            "always", "already", "perhaps", "maybe", "quite", "rather", "almost", "enough", "several", "less",
            "least", "though", "into", "onto", "got", "get", "gets", "getting", "made", "make", "makes");
    private static final Set<String> DE_STOP = set(
            "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "und",
            "oder", "aber", "als", "an", "auf", "aus", "bei", "bis", "durch", "für", "in", "im", "ins", "mit",
            "nach", "von", "vom", "vor", "zu", "zum", "zur", "über", "unter", "um", "ist", "sind", "war", "waren",
            "wird", "werden", "wurde", "wurden", "hat", "haben", "hatte", "sein", "seine", "seiner", "ihr",
            "ihre", "es", "er", "sie", "wir", "ich", "man", "sich", "auch", "noch", "nur", "schon", "so", "wie",
            "was", "wer", "wo", "wann", "warum", "dass", "daß", "den", "dieser", "diese", "dieses", "sagte",
            "sagt", "laut", "mehr", "sehr", "bereits", "kann", "können", "soll", "sollen", "es", "gibt");
    private static final Set<String> FR_STOP = set(
            "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "et", "ou", "mais", "à", "au", "aux",
            "en", "dans", "par", "pour", "sur", "avec", "sous", "chez", "entre", "est", "sont", "était", "été",
            "être", "a", "ont", "avait", "avoir", "il", "elle", "ils", "elles", "on", "nous", "vous", "je",
            "se", "s", "qui", "que", "qu", "quoi", "dont", "où", "quand", "comment", "pourquoi", "ce", "cette",
            "ces", "son", "sa", "ses", "leur", "leurs", "plus", "très", "aussi", "selon", "c", "y", "dit");
    private static final Set<String> ES_STOP = set(
            "el", "la", "los", "las", "un", "una", "unos", "unas", "de", "del", "al", "y", "o", "pero", "en",
            "con", "por", "para", "sobre", "entre", "es", "son", "fue", "era", "ser", "ha", "han", "había",
            "se", "su", "sus", "que", "qué", "quien", "quién", "cuando", "cuándo", "donde", "dónde", "como",
            "cómo", "lo", "le", "les", "este", "esta", "estos", "estas", "ese", "esa", "más", "muy", "también",
            "dijo", "según", "ya", "a", "desde", "hasta", "e", "u");
    private static final Set<String> PT_STOP = set(
            "o", "a", "os", "as", "um", "uma", "de", "do", "da", "dos", "das", "e", "ou", "mas", "em", "no",
            "na", "nos", "nas", "com", "por", "para", "pelo", "pela", "sobre", "entre", "é", "são", "foi",
            "era", "ser", "tem", "têm", "se", "seu", "sua", "que", "quem", "quando", "onde", "como", "ao",
            "aos", "à", "este", "esta", "esse", "essa", "mais", "muito", "também", "disse", "segundo", "já");
    private static final Set<String> IT_STOP = set(
            "il", "lo", "la", "i", "gli", "le", "un", "una", "di", "del", "della", "dei", "e", "o", "ma", "in",
            "con", "per", "su", "tra", "fra", "è", "sono", "era", "essere", "ha", "hanno", "che", "chi",
            "quando", "dove", "come", "da", "al", "alla", "si", "suo", "sua", "più", "anche", "ha", "detto");
    private static final Set<String> NL_STOP = set(
            "de", "het", "een", "en", "of", "maar", "in", "op", "aan", "met", "voor", "van", "naar", "bij",
            "uit", "door", "over", "is", "zijn", "was", "waren", "wordt", "werd", "heeft", "hebben", "had",
            "hij", "zij", "ze", "wij", "we", "ik", "die", "dat", "wat", "wie", "waar", "wanneer", "hoe",
            "ook", "nog", "al", "meer", "zei", "volgens", "er", "te", "om", "als");
    private static final Map<String, Set<String>> STOP = Map.of(
            "en", EN_STOP, "de", DE_STOP, "fr", FR_STOP, "es", ES_STOP, "pt", PT_STOP, "it", IT_STOP,
            "nl", NL_STOP);

    /** Negation cues by language; a cue negates the next content word. */
    private static final Map<String, Set<String>> NEGATIONS = Map.of(
            "en", Set.of("not", "no", "never", "nobody", "none", "nothing", "neither", "nor", "without", "cannot"),
            "de", Set.of("nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals", "ohne",
                    "niemand", "nichts"),
            "fr", Set.of("ne", "n", "pas", "jamais", "aucun", "aucune", "sans", "rien", "ni"),
            "es", Set.of("no", "nunca", "ningún", "ninguno", "ninguna", "sin", "tampoco", "nadie", "nada", "ni"),
            "pt", Set.of("não", "nunca", "nenhum", "nenhuma", "sem", "ninguém", "nada", "nem"),
            "it", Set.of("non", "mai", "nessuno", "nessuna", "senza", "niente", "nulla", "né"),
            "nl", Set.of("niet", "geen", "nooit", "zonder", "niemand", "niets"));

    /** Number words, so that "two years" matches "2 years" and "first" differs from "third". */
    private static final Map<String, String> EN_NUMBER_WORDS = englishNumberWords();
    private static final Map<String, String> OTHER_NUMBER_WORDS = otherNumberWords();

    private Lexicon() {
    }

    /** A set that tolerates repeated words in the lists above. */
    private static Set<String> set(String... words) {
        return Set.copyOf(Arrays.asList(words));
    }

    /** The language's stop words; English ones for languages without a list. */
    static Set<String> stopWords(String language) {
        return STOP.getOrDefault(language, EN_STOP);
    }

    static boolean isNegation(String lower, String language) {
        return NEGATIONS.getOrDefault(language, Set.of()).contains(lower);
    }

    /** The digits a number word stands for ("two" is "2", "third" is "3th"), or null. */
    static String numberWord(String lower, String language) {
        return ("en".equals(language) ? EN_NUMBER_WORDS : OTHER_NUMBER_WORDS).get(lower);
    }

    private static Map<String, String> englishNumberWords() {
        Map<String, String> words = new HashMap<>();
        String[] en = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                "nineteen", "twenty"};
        for (int i = 0; i < en.length; i++) {
            words.put(en[i], Integer.toString(i));
        }
        String[] tens = {"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        for (int i = 0; i < tens.length; i++) {
            words.put(tens[i], Integer.toString(30 + 10 * i));
        }
        String[] ordinals = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                "ninth", "tenth"};
        for (int i = 0; i < ordinals.length; i++) {
            words.put(ordinals[i], (i + 1) + "th");
        }
        words.put("dozen", "12");
        words.put("hundred", "100");
        words.put("thousand", "1000");
        words.put("million", "1000000");
        words.put("billion", "1000000000");
        words.put("trillion", "1000000000000");
        return Map.copyOf(words);
    }

    private static Map<String, String> otherNumberWords() {
        Map<String, String> words = new HashMap<>();
        // From two upwards, because "un/une/ein/uno/um" are also articles.: from two upwards, because "un/une/ein/uno/um" are also articles.
        putAll(words, "2", "deux", "zwei", "dos", "dois", "duas", "due", "twee");
        putAll(words, "3", "trois", "drei", "tres", "três", "tre", "drie");
        putAll(words, "4", "quatre", "vier", "cuatro", "quatro", "quattro");
        putAll(words, "5", "cinq", "fünf", "cinco", "cinque", "vijf");
        putAll(words, "6", "six", "sechs", "seis", "sei", "zes");
        putAll(words, "7", "sept", "sieben", "siete", "sete", "sette", "zeven");
        putAll(words, "8", "huit", "acht", "ocho", "oito", "otto");
        putAll(words, "9", "neuf", "neun", "nueve", "nove", "negen");
        putAll(words, "10", "dix", "zehn", "diez", "dez", "dieci", "tien");
        putAll(words, "100", "cent", "hundert", "cien", "cem", "cento", "honderd");
        putAll(words, "1000", "mille", "tausend", "mil", "duizend");
        putAll(words, "1000000", "millions", "millionen", "millones", "milhões", "milioni", "miljoen");
        return Map.copyOf(words);
    }

    private static void putAll(Map<String, String> words, String value, String... keys) {
        for (String key : keys) {
            words.putIfAbsent(key, value);
        }
    }
}
