package org.tidings.server.site;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.tidings.server.config.Version;
import org.tidings.server.edition.Editions;
import org.tidings.server.i18n.Message;
import org.tidings.server.i18n.Names;
import org.tidings.server.i18n.ReaderLocales;
import org.tidings.server.store.SourceStore;

/** What every page needs besides its content; each of its sentences goes through {@link #t}: the bundles hold the words. */
public record PageContext(String username, boolean admin, boolean moderator, IntSupplier waitingForModeration,
        Supplier<SourceStore.Fetching> fetching, Supplier<CsrfToken> csrf, String path, String query, Instant now, Locale locale, MessageSource messages) {

    /** This page in another interface language: the same address and query (a search keeps its words and filters). */
    public String inLanguage(String language) {
        return UriComponentsBuilder.fromPath(path).query(query).replaceQueryParam(ReaderLocales.PARAMETER, language)
                .build().toUriString();
    }

    /** This page in another edition: the same address and query, from its first page (the edition has pages of its own). */
    public String inEdition(String edition) {
        return UriComponentsBuilder.fromPath(path).query(query).replaceQueryParam(Editions.PARAMETER, edition)
                .replaceQueryParam("page").build().toUriString();
    }

    /** The CSRF token, asked for only by pages with forms: it starts a session, which a reader who only reads needs not. */
    public String csrfToken() {
        return Optional.ofNullable(csrf.get()).map(CsrfToken::getToken).orElse("");
    }

    public String csrfParameter() {
        return Optional.ofNullable(csrf.get()).map(CsrfToken::getParameterName).orElse("_csrf");
    }

    public boolean signedIn() {
        return username != null;
    }

    /** The sentence of the bundles under this key, in the reader's language. A missing key fails loudly. */
    public String t(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** A sentence with the bundle's own markup (keys ending in {@code .html}), arguments escaped; render with {@code $unsafe}. */
    public String markup(String key, Object... args) {
        if (!key.endsWith(".html")) throw new IllegalArgumentException("not a markup key: " + key);
        return t(key, Arrays.stream(args)
                .map(a -> a instanceof CharSequence text ? HtmlUtils.htmlEscape(text.toString()) : a).toArray());
    }

    public String t(Message message) {
        return t(message.key(), message.args().toArray());
    }

    /** The page's language, for {@code <html lang>}. */
    public String lang() {
        return locale.toLanguageTag();
    }

    /** The page's direction, for {@code <html dir>}: Arabic pages are laid out right to left. */
    public String dir() {
        return ReaderLocales.rightToLeft(locale) ? "rtl" : "ltr";
    }

    /** A language code ("fr") by its name in the reader's language. */
    public String languageName(String code) {
        return Names.language(code, locale);
    }

    /** A region code ("uk", "gulf", "fr") by its name in the reader's language. */
    public String regionName(String code) {
        return Names.region(code, messages, locale);
    }

    /** A section by the name the section bar gives it; a section the site does not offer, by its slug. */
    public String sectionName(String slug) {
        return Sections.exists(slug) ? t(Sections.messageKey(slug)) : Names.capitalised(slug);
    }

    /**
     * For an administrator, how the sources' fetches go when most of them fail (the banner that says what to check);
     * null when they do not, or for anybody else.
     */
    public SourceStore.Fetching mostSourcesFailing() {
        if (!admin) return null;
        SourceStore.Fetching counted = fetching.get();
        return counted != null && counted.mostFailing() ? counted : null;
    }

    /** The version of Tidings, shown to administrators. */
    public String version() {
        return Version.current();
    }

    public String ago(Instant t) {
        return Times.relative(t, now, locale);
    }

    public String date(Instant t) {
        return Times.date(t, locale);
    }

    public String iso(Instant t) {
        return Times.iso(t);
    }

    public String exact(Instant t) {
        return Times.exact(t, locale);
    }
}
