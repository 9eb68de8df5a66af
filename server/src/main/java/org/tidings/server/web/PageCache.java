package org.tidings.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.tidings.server.config.TidingsProperties;

/**
 * Serves a reader's page again, for a few seconds, without rendering it again: the same page to
 * every reader who is not signed in and asks for the same address in the same language and
 * edition. What it never does: cache a response for a reader with a session (signed in, or in the
 * middle of a form), a response that sets a cookie (a change of language or edition), or anything
 * but a successful page or feed. It runs after the security filters, so every answer carries the
 * same security headers as a rendered one.
 */
@Configuration(proxyBeanMethods = false)
class PageCache {

    /** The reader's pages and feeds; administration, sign-in, images and static files are not cached here. */
    private static final Pattern CACHEABLE = Pattern.compile(
            "^/$|^/feed\\.xml$|^/(article|story|section|topic|source)/[^/]+(/feed\\.xml)?$|^/sources$|^/sitemap\\.xml$");
    /** Pages kept: every section, topic and article page read in the last seconds, in both languages. */
    static final int ENTRIES = 4096;
    /** Larger pages are rendered each time rather than held. */
    static final int MAX_BYTES = 512 * 1024;
    private static final String[] VARY_COOKIES = {"tidings_lang", "tidings_edition"};

    private record Page(long expiresNanos, int status, String contentType, String contentLanguage, byte[] body) {}

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> pageCacheFilter(TidingsProperties properties) {
        Duration ttl = properties.pageCache();
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(ttl.toNanos()));
        registration.setOrder(0); // after Spring Security's chain (-100), before the dispatcher
        registration.setEnabled(!ttl.isZero() && !ttl.isNegative());
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final long ttlNanos;
        private final Map<String, Page> pages = new LinkedHashMap<>(ENTRIES, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Page> eldest) {
                return size() > ENTRIES;
            }
        };

        Filter(long ttlNanos) {
            this.ttlNanos = ttlNanos;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String key = key(request);
            if (key == null) {
                chain.doFilter(request, response);
                return;
            }
            long now = System.nanoTime();
            Page page;
            synchronized (pages) {
                page = pages.get(key);
            }
            if (page != null && now - page.expiresNanos() < 0) {
                response.setStatus(page.status());
                response.setContentType(page.contentType());
                if (page.contentLanguage() != null) response.setHeader("Content-Language", page.contentLanguage());
                response.setContentLength(page.body().length);
                response.getOutputStream().write(page.body());
                return;
            }
            ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, capture);
            byte[] body = capture.getContentAsByteArray();
            if (capture.getStatus() == 200 && capture.getContentType() != null && body.length <= MAX_BYTES
                    && capture.getHeaders("Set-Cookie").isEmpty() && request.getSession(false) == null) {
                Page fresh = new Page(now + ttlNanos, 200, capture.getContentType(), capture.getHeader("Content-Language"), body);
                synchronized (pages) {
                    pages.put(key, fresh);
                }
            }
            capture.copyBodyToResponse();
        }

        /** The page's identity, or null when this request must be rendered for this reader alone. */
        private static String key(HttpServletRequest request) {
            if (!"GET".equals(request.getMethod()) || !CACHEABLE.matcher(request.getRequestURI()).matches()) return null;
            if (request.getRequestedSessionId() != null || request.getUserPrincipal() != null) return null;
            String query = request.getQueryString();
            if (query != null && (query.contains("lang=") || query.contains("edition="))) {
                // choosing sets a cookie: rendered, unless it is a feed's edition (a feed sets nothing for its reader)
                if (!request.getRequestURI().endsWith("/feed.xml") || query.contains("lang=")) return null;
            }
            StringBuilder key = new StringBuilder(request.getRequestURI());
            if (query != null) key.append('?').append(query);
            Cookie[] cookies = request.getCookies();
            for (String name : VARY_COOKIES) {
                key.append('|');
                if (cookies != null) {
                    for (Cookie c : cookies) if (name.equals(c.getName())) key.append(c.getValue());
                }
            }
            String languages = request.getHeader("Accept-Language");
            return key.append('|').append(languages == null ? "" : languages).toString();
        }
    }
}
