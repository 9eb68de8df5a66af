package org.tidings.server.site;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.tidings.server.config.TidingsProperties;

/**
 * Serves a successful page or feed again, for a few seconds, with the headers it was rendered with (CSP included),
 * to readers with no session or credentials asking for the same address, language and edition; never a response to
 * a session or one that sets a cookie. It runs before the security filters, which would do nothing else for such
 * requests, so that a page served again costs little more than its bytes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageCache extends OncePerRequestFilter {

    /** The reader's pages and feeds; administration, sign-in, images and static files are not cached here. */
    private static final Pattern CACHEABLE = Pattern.compile(
            "^/$|^/feed\\.xml$|^/(article|story|section|topic|source)/[^/]+(/feed\\.xml)?$|^/sources$|^/sitemap\\.xml$");
    /** Posts that change comments drop every cached page, so a hidden comment goes at once (other processes' copies expire). */
    private static final Pattern CHANGES_COMMENTS = Pattern.compile("^/article/[^/]+/comments$|^/comments/|^/moderation/");
    /** Pages kept: every section, topic and article page read in the last seconds, in both languages. */
    static final int ENTRIES = 4096;
    /** Larger pages are rendered each time rather than held. */
    static final int MAX_BYTES = 512 * 1024;
    private static final String[] VARY_COOKIES = {"tidings_lang", "tidings_edition"};
    /** Headers that belong to one response, not to the page. */
    private static final Set<String> OWN_HEADERS = Set.of("set-cookie", "date", "content-length",
            "transfer-encoding", "content-type", "connection", "keep-alive");
    /** A reader waits this long at most for another reader's render of the same page, then renders their own. */
    static final Duration RENDER_WAIT = Duration.ofSeconds(10);

    private record Page(long expiresNanos, String contentType, List<String[]> headers, byte[] body) {}

    private final long ttlNanos;
    private final SiteAddress site;
    private final Map<String, Page> pages = Collections.synchronizedMap(new LinkedHashMap<>(ENTRIES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Page> eldest) {
            return size() > ENTRIES;
        }
    });
    /** Renders under way, by page: readers asking for a page being rendered wait for it rather than render it too. */
    private final Map<String, CompletableFuture<Page>> rendering = new ConcurrentHashMap<>();

    PageCache(TidingsProperties properties, SiteAddress site) {
        this.ttlNanos = properties.pageCache().toNanos();
        this.site = site;
    }

    /** {@code tidings.page-cache=0s} renders every request. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return ttlNanos <= 0;
    }

    /**
     * An expired page is rendered again by one reader while the others get the expired copy (for at most one more
     * time-to-live) or wait for the render, so that a busy page is never rendered by every reader at once.
     */
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"GET".equals(request.getMethod()) && CHANGES_COMMENTS.matcher(request.getRequestURI()).find()) {
            try {
                chain.doFilter(request, response);
            } finally {
                pages.clear();
            }
            return;
        }
        String key = key(request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        long now = System.nanoTime();
        Page page = pages.get(key);
        if (page != null && now - page.expiresNanos() < 0) {
            serve(page, response);
            return;
        }
        var mine = new CompletableFuture<Page>();
        var other = rendering.putIfAbsent(key, mine);
        if (other != null) {
            if (page != null && now - page.expiresNanos() < ttlNanos) {
                serve(page, response);
                return;
            }
            Page rendered = null;
            try {
                rendered = other.get(RENDER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // render it for this reader
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (rendered != null) serve(rendered, response);
            else chain.doFilter(request, response);
            return;
        }
        Page rendered = null;
        try {
            rendered = render(request, response, chain, key, now);
        } finally {
            rendering.remove(key, mine);
            mine.complete(rendered);
        }
    }

    private static void serve(Page page, HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType(page.contentType());
        for (String[] header : page.headers()) response.addHeader(header[0], header[1]);
        response.setContentLength(page.body().length);
        // the whole page in one buffer, so that it leaves in one write rather than in 8 KB pieces
        response.setBufferSize(page.body().length);
        response.getOutputStream().write(page.body());
    }

    /** Renders the page for this reader, and keeps it when it may be served to others; null when it may not. */
    private Page render(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String key, long now)
            throws ServletException, IOException {
        ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, capture);
        byte[] body = capture.getContentAsByteArray();
        Page rendered = null;
        if (capture.getStatus() == 200 && capture.getContentType() != null && body.length <= MAX_BYTES
                && capture.getHeaders("Set-Cookie").isEmpty() && request.getSession(false) == null) {
            List<String[]> headers = capture.getHeaderNames().stream()
                    .filter(name -> !OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT)))
                    .flatMap(name -> capture.getHeaders(name).stream().map(value -> new String[] {name, value})).toList();
            rendered = new Page(now + ttlNanos, capture.getContentType(), headers, body);
            pages.put(key, rendered);
        }
        capture.copyBodyToResponse();
        return rendered;
    }

    /** The page's identity, or null when this request must be rendered for this reader alone. */
    private String key(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || !CACHEABLE.matcher(request.getRequestURI()).matches()) return null;
        if (request.getRequestedSessionId() != null || request.getHeader("Authorization") != null) return null;
        String query = request.getQueryString();
        // choosing sets a cookie: rendered, unless it is a feed's edition (a feed sets nothing for its reader)
        if (query != null && (query.contains("lang=")
                || query.contains("edition=") && !request.getRequestURI().endsWith("/feed.xml"))) return null;
        // the site's address is in its links (feeds, OpenGraph): a page is kept per address it was asked for at
        StringBuilder key = new StringBuilder(site.base(request)).append(request.getRequestURI());
        if (query != null) key.append('?').append(query);
        Cookie[] cookies = Objects.requireNonNullElse(request.getCookies(), new Cookie[0]);
        for (String name : VARY_COOKIES) {
            key.append('|');
            for (Cookie c : cookies) if (name.equals(c.getName())) key.append(c.getValue());
        }
        return key.append('|').append(Objects.requireNonNullElse(request.getHeader("Accept-Language"), "")).toString();
    }
}
