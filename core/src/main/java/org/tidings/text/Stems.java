package org.tidings.text;

import java.text.Normalizer;

/** Light stemming: English plural and verb endings, and a prefix cut that works alike in every language. */
public final class Stems {

    /**
     * Terms are cut to this many characters ("presid(ent|ential)"): shorter merges unrelated words ("stat(e|ion)"),
     * longer misses inflections. The grounding set scores 5, 6 and 7 alike: six is a middle, not a measured optimum.
     */
    private static final int PREFIX = 6;

    private Stems() {
    }

    /** "files", "filed" and "filing" meet; at least three letters stay, so short words and names ("Gox") stay whole. */
    public static String headline(String s) {
        if (s.length() < 4 || !Character.isLetter(s.charAt(s.length() - 1))) {
            return s;
        }
        if (s.endsWith("ies") && s.length() > 4) {
            s = s.substring(0, s.length() - 3) + "y";
        } else if (s.endsWith("ing") && s.length() >= 6) {
            s = s.substring(0, s.length() - 3);
        } else if (s.endsWith("ed") && s.length() >= 5) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("sses") || s.endsWith("xes") || s.endsWith("ches") || s.endsWith("shes")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("s") && !s.endsWith("ss") && !s.endsWith("us") && !s.endsWith("is")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.endsWith("e") && s.length() >= 4 ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * A lower-case sentence word as a matching term: English endings removed, then cut to {@link #PREFIX} characters,
     * a cheap stemmer for every language ("remplacera"/"remplacer", "publicaron"/"publicado").
     */
    public static String sentence(String lower, String language) {
        String nfc = Normalizer.normalize(lower, Normalizer.Form.NFC);
        String s = "en".equals(language) ? englishBase(nfc) : nfc;
        return s.length() > PREFIX ? s.substring(0, PREFIX) : s;
    }

    private static String englishBase(String s) {
        if (s.endsWith("'s") || s.endsWith("’s")) {
            s = s.substring(0, s.length() - 2);
        }
        if (s.endsWith("ies") && s.length() > 4) {
            return s.substring(0, s.length() - 3) + "y";
        }
        if (s.endsWith("ing") && s.length() > 5) {
            return s.substring(0, s.length() - 3);
        }
        if (s.endsWith("ed") && s.length() > 4) {
            return s.substring(0, s.length() - 2);
        }
        if (s.endsWith("es") && s.length() > 4 && !s.endsWith("ses")) {
            return s.substring(0, s.length() - 1);
        }
        if (s.endsWith("s") && s.length() > 3 && !s.endsWith("ss") && !s.endsWith("us") && !s.endsWith("is")) {
            return s.substring(0, s.length() - 1);
        }
        return s;
    }
}
