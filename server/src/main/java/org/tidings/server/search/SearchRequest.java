package org.tidings.server.search;

import java.time.LocalDate;
import java.util.Locale;

/**
 * What a reader asked. Each filter is null for any; {@code lang} is ISO 639-1, {@code from} and
 * {@code to} the first and last day published, in UTC; {@code page} counts from 1.
 */
public record SearchRequest(String query, Sort sort, Long source, String section, String lang, String region,
        LocalDate from, LocalDate to, int page) {

    public enum Sort {
        RELEVANCE, NEWEST;

        /** The order a request parameter names ({@code newest}), relevance otherwise. */
        public static Sort of(String name) {
            return name != null && name.strip().equalsIgnoreCase("newest") ? NEWEST : RELEVANCE;
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SearchRequest {
        query = query == null ? "" : query.strip();
        sort = sort == null ? Sort.RELEVANCE : sort;
        section = blankToNull(section);
        lang = blankToNull(lang);
        region = blankToNull(region);
        page = Math.max(1, page);
    }

    public SearchRequest withSort(Sort newSort) {
        return new SearchRequest(query, newSort, source, section, lang, region, from, to, page);
    }

    public SearchRequest withPage(int newPage) {
        return new SearchRequest(query, sort, source, section, lang, region, from, to, newPage);
    }

    public boolean filtered() {
        return source != null || section != null || lang != null || region != null || from != null || to != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
