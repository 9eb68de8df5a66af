package org.tidings.text;

/**
 * One word of a text.
 *
 * @param surface       the word as written (an English possessive "'s" cut off where the tokenizer does that)
 * @param key           the folded form every lookup uses (see {@link Folding#key})
 * @param start         offset of the first character in the text
 * @param end           offset after the last character of {@code surface}
 * @param sentenceStart whether the word opens a sentence or clause, where a capital proves nothing
 */
public record Token(String surface, String key, int start, int end, boolean sentenceStart) {

    public boolean capitalised() {
        return Character.isUpperCase(surface.codePointAt(0));
    }

    /** Every letter in capitals, and more than one character ("NASA", "U.S."). */
    public boolean allCaps() {
        return surface.length() > 1 && surface.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }

    public boolean arabic() {
        return Folding.isArabic(surface);
    }
}
