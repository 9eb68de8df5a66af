package org.tidings.summary;

/**
 * One sentence of a source text: its position in the text's sentence list (from 0) and its character offsets in the
 * source text ({@code text.substring(start, end)} is {@link #text()}), so a page can highlight it in place.
 */
public record Sentence(int index, int start, int end, String text) {
}
