package org.tidings.text;

/**
 * One word of a text: its surface as written (possessive cut where the tokenizer does that), its {@link Folding#key},
 * offsets of {@code surface}, and whether it opens a sentence or clause (where a capital proves nothing).
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
