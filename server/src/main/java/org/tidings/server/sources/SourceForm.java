package org.tidings.server.sources;

import java.net.URI;
import java.util.Locale;
import org.tidings.server.i18n.Message;
import org.tidings.server.store.Source;
import org.tidings.server.store.SourceSettings;

/** The add/edit source form as posted; bad input is turned away here, at the edge, with a reason to act on. */
public record SourceForm(String feedUrl, String name, String siteUrl, String language, String region,
        String section, boolean fullText, boolean enabled) {

    static SourceForm empty() {
        return new SourceForm("", "", "", "", "", "", true, true);
    }

    static SourceForm of(Source s) {
        return new SourceForm(s.feedUrl(), s.name(), nz(s.siteUrl()), nz(s.language()), nz(s.region()),
                nz(s.section()), s.fullText(), s.enabled());
    }

    /** The reason the form cannot be saved, or null when it can. */
    Message problem() {
        if (feedUrl == null || feedUrl.isBlank()) return Message.of("form.problem.feedUrlMissing");
        if (!isHttpUrl(feedUrl.strip())) return Message.of("form.problem.feedUrl");
        if (siteUrl != null && !siteUrl.isBlank() && !isHttpUrl(siteUrl.strip())) return Message.of("form.problem.siteUrl");
        if (name != null && name.length() > 300) return Message.of("form.problem.name");
        if (language != null && !language.isBlank() && !language.strip().matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?")) {
            return Message.of("form.problem.language");
        }
        return null;
    }

    SourceSettings toSettings() {
        String url = feedUrl.strip();
        String displayName = name == null || name.isBlank() ? URI.create(url).getHost() : name.strip();
        return new SourceSettings(url, displayName, blankToNull(siteUrl), lower(language), lower(region),
                lower(section), fullText, enabled);
    }

    private static boolean isHttpUrl(String s) {
        try {
            URI uri = new URI(s);
            return uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (Exception e) {
            return false;
        }
    }

    private static String lower(String s) {
        return s == null || s.isBlank() ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
