package org.tidings.server.site;

import java.util.Arrays;
import java.util.List;
import org.tidings.enrich.Section;

/** The sections readers can open: every section enrichment files articles under, but "general". */
public final class Sections {

    public static final List<String> SLUGS = Arrays.stream(Section.values()).filter(s -> s != Section.GENERAL)
            .map(Section::slug).toList();

    private Sections() {}

    public static boolean exists(String slug) {
        return SLUGS.contains(slug);
    }

    public static String messageKey(String slug) {
        return "section." + slug;
    }
}
