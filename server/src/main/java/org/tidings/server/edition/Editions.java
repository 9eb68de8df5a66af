package org.tidings.server.edition;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
        registry.addInterceptor(this).excludePathPatterns("/static/**", "/image/**", "/manifest.webmanifest", "/sw.js");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Edition chosen = byId(request.getParameter(PARAMETER)).orElse(null);
        if (chosen != null) {
            response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, chosen.id()).path("/").maxAge(REMEMBERED)
                    .httpOnly(true).sameSite("Lax").secure(request.isSecure()).build().toString());
        } else if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (COOKIE.equals(c.getName())) chosen = byId(c.getValue()).orElse(chosen);
            }
        }
        request.setAttribute(CURRENT, chosen == null ? Edition.WORLD : chosen);
        request.setAttribute(OFFERED, offered());
        return true;
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
