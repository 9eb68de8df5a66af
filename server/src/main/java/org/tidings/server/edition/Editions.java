package org.tidings.server.edition;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.tidings.server.store.ListingStore;

/** The reader's edition: the one they chose, remembered in a cookie as the language is, else everything. */
@Component
public class Editions implements HandlerInterceptor, WebMvcConfigurer {

    public static final String PARAMETER = "edition";
    static final String COOKIE = "tidings_edition";
    private static final String CURRENT = Editions.class.getName() + ".current";
    private static final String OFFERED = Editions.class.getName() + ".offered";
    /** Kept for a year, like the language: readers choose once. */
    private static final Duration REMEMBERED = Duration.ofDays(365);
    /** Sources change rarely: which editions exist is looked up again after this long. */
    private static final Duration RECHECK = Duration.ofMinutes(1);

    private record Offered(Instant at, List<Edition> editions) {}

    private final ListingStore listings;
    private final Clock clock;
    private volatile Offered offered = new Offered(Instant.MIN, List.of(Edition.WORLD));

    public Editions(ListingStore listings, Clock clock) {
        this.listings = listings;
        this.clock = clock;
    }

    /** The editions that have at least one enabled source of their language (and region). */
    private List<Edition> offered() {
        Offered o = offered;
        Instant now = clock.instant();
        if (o.at().plus(RECHECK).isBefore(now)) {
            // the editions known until now stand until the next check, also when this one fails (the database is away)
            offered = new Offered(now, o.editions());
            var coverage = listings.sourceCoverage();
            o = new Offered(now, Edition.CATALOGUE.stream()
                    .filter(e -> e.all() || coverage.stream().anyMatch(c -> c.lang().startsWith(e.lang())
                            && (e.region() == null || e.region().equalsIgnoreCase(c.region()))))
                    .toList());
            offered = o;
        }
        return o.editions();
    }

    public static Optional<Edition> byId(String id) {
        return Edition.CATALOGUE.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Static files, images and the app's files have no edition: they are served without the database. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/static/**", "/image/**", "/manifest.webmanifest", "/sw.js",
                "/api/**"); // the API names its edition in each request, and sets no cookie
    }

    /**
     * The edition asked for ({@code ?edition=}, then remembered), else the one remembered, else the one the browser's
     * language names, else everything. Only an edition on offer is ever chosen: one that is not (its sources gone, or
     * another site's) is forgotten, so that no page stays empty for a year.
     */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        List<Edition> offered = offered();
        Edition chosen = byId(request.getParameter(PARAMETER)).filter(offered::contains).orElse(null);
        if (chosen != null) {
            remember(request, response, chosen.id(), REMEMBERED);
        } else {
            String remembered = remembered(request);
            if (remembered != null) {
                chosen = byId(remembered).filter(offered::contains).orElse(null);
                if (chosen == null) remember(request, response, "", Duration.ZERO);
            } else {
                chosen = fromBrowser(request.getHeader("Accept-Language"), offered).orElse(null);
            }
        }
        request.setAttribute(CURRENT, chosen == null ? Edition.WORLD : chosen);
        request.setAttribute(OFFERED, offered);
        return true;
    }

    private static String remembered(HttpServletRequest request) {
        if (request.getCookies() == null) return null;
        for (Cookie c : request.getCookies()) if (COOKIE.equals(c.getName())) return c.getValue();
        return null;
    }

    private static void remember(HttpServletRequest request, HttpServletResponse response, String id, Duration kept) {
        response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, id).path("/").maxAge(kept)
                .httpOnly(true).sameSite("Lax").secure(request.isSecure()).build().toString());
    }

    /**
     * The edition of the browser's first language, when the site offers exactly one in it (Arabic: the Arabic edition).
     * A language with editions by region (English) names none of them: a browser's "en-US" is most often only its
     * default, wherever its reader lives, so the whole site is the better first page; the reader then chooses. The
     * later languages of the header are second choices: the whole site suits them better than another language's edition.
     */
    static Optional<Edition> fromBrowser(String acceptLanguage, List<Edition> offered) {
        List<Locale.LanguageRange> ranges;
        try {
            ranges = acceptLanguage == null ? List.of() : Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        if (ranges.isEmpty() || ranges.getFirst().getRange().equals("*")) return Optional.empty();
        String language = Locale.forLanguageTag(ranges.getFirst().getRange()).getLanguage();
        List<Edition> inIt = offered.stream().filter(e -> !e.all() && e.lang().equals(language)).toList();
        return inIt.size() == 1 ? Optional.of(inIt.getFirst()) : Optional.empty();
    }

    public static Edition current(HttpServletRequest request) {
        return request.getAttribute(CURRENT) instanceof Edition edition ? edition : Edition.WORLD;
    }

    /** For templates, which have no request at hand. */
    public static Edition current() {
        Object e = RequestContextHolder.currentRequestAttributes().getAttribute(CURRENT, RequestAttributes.SCOPE_REQUEST);
        return e instanceof Edition edition ? edition : Edition.WORLD;
    }

    /** The editions to offer on the page being rendered; only one: no switch is shown. */
    @SuppressWarnings("unchecked")
    public static List<Edition> offeredNow() {
        Object o = RequestContextHolder.currentRequestAttributes().getAttribute(OFFERED, RequestAttributes.SCOPE_REQUEST);
        return o instanceof List<?> list ? (List<Edition>) list : List.of();
    }
}
