package org.tidings.summary;

/**
 * One sentence of a source text: its position in the text's sentence list and its character
 * offsets in the source text ({@code text.substring(start, end)} is {@link #text()}), so a page can
 * highlight it in place.
 *
 * @param index position of the sentence in the text, from 0
 * @param start offset of the first character in the source text
 * @param end   offset just after the last character
 * @param text  the sentence as written
 */
public record Sentence(int index, int start, int end, String text) {
}
