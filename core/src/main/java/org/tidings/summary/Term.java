package org.tidings.summary;

/**
 * One word of a sentence after normalization: its matching key (lower case, possessive and common inflections
 * removed, cut to a prefix: {@link org.tidings.text.Stems#sentence}), and whether it carries content (no stop word,
 * no negation cue), looks like a name (capitalized inside the sentence, or mixed case), is capitalized where capitals
 * prove no name (first word of a sentence, any German noun), states a number (canonical, else null) or is a negation
 * cue ("not", "never", "nicht", "pas"...).
 */
record Term(String key, boolean content, boolean name, boolean capital, String number, boolean negation) {
}
