package org.tidings.summary;

/**
 * One word of a sentence after normalization: its matching key ({@link org.tidings.text.Stems#sentence}), whether it
 * carries content (no stop word, no negation cue), looks like a name (capitalized inside the sentence, or mixed case),
 * is capitalized where capitals prove no name (sentence start, German nouns), its number (canonical, else null), and
 * whether it is a negation cue ("not", "never", "nicht", "pas").
 */
record Term(String key, boolean content, boolean name, boolean capital, String number, boolean negation) {
}
