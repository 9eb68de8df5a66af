package org.tidings.server.sources;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.tidings.server.i18n.Message;
import org.tidings.server.store.Source;
import org.tidings.server.store.SourceSettings;

/**
 * The add/edit source form as posted; bad input is turned away here, at the edge, with a reason to act on. Language,
 * region and section are chosen from lists ({@link SourceChoices}); a code typed in the box beside a list is taken
 * instead, checked as strictly. {@code confirmedUrl} is the feed URL the operator agreed to add although it could not
 * be read as a feed.
 */
public record SourceForm(String feedUrl, String name, String siteUrl, String language, String languageOther,
        String region, String regionOther, String section, String sectionOther, boolean fullText, boolean enabled,
        String confirmedUrl) {

    static SourceForm empty() {
        return new SourceForm("", "", "", "", "", "", "", "", "", true, true, "");
    }

    /** A stored source's values, each in its list when the list has it, else in the box beside it. */
    static SourceForm of(Source s) {
        String language = nz(s.language()), region = nz(s.region()), section = nz(s.section());
        boolean languageListed = language.isEmpty() || SourceChoices.LANGUAGES.contains(language);
        boolean regionListed = region.isEmpty() || SourceChoices.REGIONS.contains(region);
        boolean sectionListed = section.isEmpty() || SourceChoices.SECTIONS.contains(section);
        return new SourceForm(s.feedUrl(), s.name(), nz(s.siteUrl()),
                languageListed ? language : SourceChoices.OTHER, languageListed ? "" : language,
                regionListed ? region : SourceChoices.OTHER, regionListed ? "" : region,
                sectionListed ? section : SourceChoices.OTHER, sectionListed ? "" : section, s.fullText(), s.enabled(), "");
    }

    /** The reason the form cannot be saved, or null when it can. */
    Message problem() {
        if (feedUrl == null || feedUrl.isBlank()) return Message.of("form.problem.feedUrlMissing");
        if (!isHttpUrl(feedUrl.strip())) return Message.of("form.problem.feedUrl");
        if (siteUrl != null && !siteUrl.isBlank() && !isHttpUrl(siteUrl.strip())) return Message.of("form.problem.siteUrl");
        if (name != null && name.length() > 300) return Message.of("form.problem.name");
        for (String[] chosen : List.of(new String[] {language, languageOther, "language"},
                new String[] {region, regionOther, "region"}, new String[] {section, sectionOther, "section"})) {
            if (SourceChoices.OTHER.equals(chosen[0]) && blank(chosen[1])) return Message.of("form.problem.otherEmpty." + chosen[2]);
        }
        String lang = chosen(language, languageOther);
        if (lang != null && !SourceChoices.isLanguage(lang)) return Message.of("form.problem.language", lang);
        String reg = chosen(region, regionOther);
        if (reg != null && !SourceChoices.isRegion(reg)) return Message.of("form.problem.region", reg);
        String sec = chosen(section, sectionOther);
        if (sec != null && SourceChoices.section(sec) == null) return Message.of("form.problem.section", sec);
        return null;
    }

    SourceSettings toSettings() {
        String url = feedUrl.strip();
        String displayName = blank(name) ? URI.create(url).getHost() : name.strip();
        String sec = chosen(section, sectionOther);
        return new SourceSettings(url, displayName, blankToNull(siteUrl), chosen(language, languageOther),
                chosen(region, regionOther), sec == null ? null : SourceChoices.section(sec), fullText, enabled);
    }

    /** Whether the operator has agreed to add this very address although it could not be read as a feed. */
    boolean confirmed() {
        return !blank(confirmedUrl) && !blank(feedUrl) && confirmedUrl.strip().equals(feedUrl.strip());
    }

    /** The code typed beside the list when there is one (whatever the list says), else the list's; lower case, or null. */
    private static String chosen(String listed, String typed) {
        if (!blank(typed)) return typed.strip().toLowerCase(Locale.ROOT);
        return blank(listed) || SourceChoices.OTHER.equals(listed) ? null : listed.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isHttpUrl(String s) {
        try {
            URI uri = new URI(s);
            return uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s.strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
