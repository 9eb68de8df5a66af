package org.tidings.server.edition;

import java.util.List;
import org.tidings.server.store.Listing;

/**
 * A reader's edition: the articles of one language (detected, else their source's) and maybe one enrichment
 * region, or everything (both null). The id is what {@code ?edition=} sends and its name's message key suffix.
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
