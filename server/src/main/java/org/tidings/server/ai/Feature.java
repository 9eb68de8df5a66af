package org.tidings.server.ai;

import java.util.Arrays;
import java.util.Locale;

/** What a reader may ask the optional language model for, named in the address as {@code ?ai=<param>}. */
public enum Feature {
    /** An abstractive summary in the article's language, every sentence checked against the article. */
    SUMMARY,
    /** The article explained in plain words, checked the same way. */
    SIMPLE,
    /** The summary's sentences in the reader's language, line by line beside their originals. */
    TRANSLATE,
    /** A neutral, informative headline instead of a teasing one, checked against title and text. */
    HEADLINE;

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Null for anything else. */
    static Feature parse(String param) {
        return param == null ? null : Arrays.stream(values()).filter(f -> f.param().equals(param.strip())).findFirst().orElse(null);
    }
}
