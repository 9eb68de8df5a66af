package org.tidings.server.store;

/**
 * Which articles a list shows: all, or those of one section, topic or source, within an edition
 * (a language, and a region within it). Every part is optional (null: no restriction).
 *
 * @param section  a section slug ("technology")
 * @param topic    a topic slug ("federal-reserve")
 * @param sourceId one publisher's feed
 * @param lang     the edition's language ("en"): the article's detected language, else its source's
 * @param region   the edition's region ("gulf"): among the article's regions (its places' and its source's)
 */
public record Listing(String section, String topic, Long sourceId, String lang, String region) {

    public static final Listing ALL = new Listing(null, null, null, null, null);

    public Listing inEdition(String lang, String region) {
        return new Listing(section, topic, sourceId, lang, region);
    }

    public static Listing section(String slug) {
        return new Listing(slug, null, null, null, null);
    }

    public static Listing topic(String slug) {
        return new Listing(null, slug, null, null, null);
    }

    public static Listing source(long id) {
        return new Listing(null, null, id, null, null);
    }
}
