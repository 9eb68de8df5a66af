package org.tidings.server.i18n;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The interface language: the one the reader chose (remembered in a cookie), else their browser's first that
 * Tidings speaks, else English. Only languages whose bundles are complete are offered: no page mixes two.
 */
@Component("localeResolver")
public final class ReaderLocales implements LocaleResolver, HandlerInterceptor, WebMvcConfigurer {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("ar"));
    public static final String PARAMETER = "lang";
    static final String COOKIE = "tidings_lang";
    /** A choice of language is kept for a year: readers set it once. */
    private static final Duration REMEMBERED = Duration.ofDays(365);

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Locale chosen = supported(request.getParameter(PARAMETER));
        if (chosen != null) setLocale(request, response, chosen);
        return true;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Locale chosen = supported(request.getParameter(PARAMETER));
        if (chosen != null) return chosen;
        return Stream.ofNullable(request.getCookies()).flatMap(Arrays::stream).filter(c -> COOKIE.equals(c.getName()))
                .map(c -> supported(c.getValue())).filter(Objects::nonNull).findFirst()
                .orElseGet(() -> fromBrowser(request.getHeader("Accept-Language")));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        if (response == null || locale == null || supported(locale.getLanguage()) == null) return;
        response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, locale.getLanguage()).path("/")
                .maxAge(REMEMBERED).httpOnly(true).sameSite("Lax").secure(request.isSecure()).build().toString());
    }

    /** The supported locale for a language tag, or null when Tidings does not speak it. */
    public static Locale supported(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) return null;
        String language = Locale.forLanguageTag(tag.strip()).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(null);
    }

    static Locale fromBrowser(String acceptLanguage) {
        try {
            Locale match = acceptLanguage == null ? null : Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return match == null ? Locale.ENGLISH : match;
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }

    /** Right-to-left scripts among the languages Tidings may speak. */
    public static boolean rightToLeft(Locale locale) {
        return switch (locale.getLanguage()) {
            case "ar", "fa", "he", "ur" -> true;
            default -> false;
        };
    }
}
