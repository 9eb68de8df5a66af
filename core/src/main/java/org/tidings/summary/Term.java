package org.tidings.summary;

/**
 * One word of a sentence after normalization.
 *
 * @param key      the matching key: lower case, possessive and common inflections removed, cut to
 *                 a prefix (see {@link org.tidings.text.Stems#sentence})
 * @param content  whether the word carries content (not a stop word, not a negation cue)
 * @param name     whether the word looks like a name (capitalized inside the sentence, or mixed case)
 * @param capital  whether the word is capitalized where capitals do not prove a name: first word
 *                 of a sentence, or any noun in German
 * @param number   the numeric value as a canonical string, or null
 * @param negation whether the word is a negation cue ("not", "never", "nicht", "pas"...)
 */
record Term(String key, boolean content, boolean name, boolean capital, String number, boolean negation) {
}
