package org.tidings.summary;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Word lists by language: negation cues and number words (stop words are {@link org.tidings.text.StopWords}). */
final class Lexicon {

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
