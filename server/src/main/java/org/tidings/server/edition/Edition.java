package org.tidings.server.edition;

import java.util.List;
import org.tidings.server.store.Listing;

/**
 * A reader's edition: the articles of one language, and of one region within it, or everything.
 * The id is what the edition switch sends ({@code ?edition=en-gulf}) and the message key's suffix
 * of its name ({@code edition.en-gulf}).
 *
 * @param lang   the language of its articles (their detected one, else their source's), or null for all
 * @param region the region its articles are about or come from (an enrichment region code), or null for all
 */
public record Edition(String id, String lang, String region) {

    /** Everything, in every language: the edition of a reader who has not chosen one. */
    public static final Edition WORLD = new Edition("world", null, null);

    /** The editions offered when there are sources: English by the default sources' regions, Arabic as one readership. */
    public static final List<Edition> CATALOGUE = List.of(WORLD,
            new Edition("en-gulf", "en", "gulf"),
            new Edition("en-india", "en", "india"),
            new Edition("en-uk", "en", "uk"),
            new Edition("en-us", "en", "us"),
            new Edition("ar", "ar", null));

    /** The listing restricted to this edition. */
    public Listing filter(Listing listing) {
        return all() ? listing : listing.inEdition(lang, region);
    }

    public boolean all() {
        return lang == null && region == null;
    }

    public String messageKey() {
        return "edition." + id;
    }
}
