package org.tidings.server.image;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a thumbnail already on the disk (or "not modified" for one the browser has) before the security filters,
 * the session and Spring MVC, as the page cache answers pages: a reader's picture is the same bytes for everybody,
 * and through the whole chain a cached thumbnail cost thirty times what nginx takes for the same file. Like the page
 * cache, it runs before the HTTP metrics' observation: the relay counts the thumbnails answered from its cache
 * ({@code tidings.images}, outcome {@code thumbnail_cached}). The headers are those of {@link ImageProxy}'s answers,
 * worked out once per format. Anything else (a thumbnail still to make, a width not offered) goes on to
 * {@link ImageProxy}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CachedThumbnails extends OncePerRequestFilter {

    private static final Pattern THUMBNAIL = Pattern.compile("^/image/\\d{1,18}/([0-9a-f]{16})/(\\d{1,4})$");

    private final ImageProxy proxy;
    /** A thumbnail's headers but its entity tag, by format. */
    private final Map<PictureFormat, List<String[]>> pictureHeaders = new EnumMap<>(PictureFormat.class);
    /** A "not modified" answer's headers but its entity tag. */
    private final List<String[]> notModifiedHeaders = withoutEtag(ImageProxy.notModified("\"-\""));

    CachedThumbnails(ImageProxy proxy) {
        this.proxy = proxy;
        for (PictureFormat format : PictureFormat.values()) {
            pictureHeaders.put(format, withoutEtag(ImageProxy.pictureHeaders(format.contentType, "\"-\"")));
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !request.getRequestURI().startsWith("/image/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher path = THUMBNAIL.matcher(request.getRequestURI());
        if (!path.matches() || !Thumbnailer.WIDTHS.contains(Integer.parseInt(path.group(2)))) {
            chain.doFilter(request, response);
            return;
        }
        String key = path.group(1);
        int width = Integer.parseInt(path.group(2));
        PictureFormat format = PictureFormat.accepted(request.getHeader(HttpHeaders.ACCEPT));
        String etag = ImageProxy.etag(key, width, format);
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            copy(notModifiedHeaders, etag, response);
            return;
        }
        ImageRelay.Relayed kept = proxy.kept(key, width, format);
        if (kept == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = kept.image().body();
        copy(pictureHeaders.get(format), etag, response);
        response.setContentLength(body.length);
        response.setBufferSize(body.length); // one write to the socket, not one per 32 KB of the server's buffer
        response.getOutputStream().write(body);
    }

    private static List<String[]> withoutEtag(HttpHeaders headers) {
        List<String[]> kept = new ArrayList<>();
        headers.forEach((name, values) -> {
            if (!HttpHeaders.ETAG.equalsIgnoreCase(name)) values.forEach(value -> kept.add(new String[] {name, value}));
        });
        return List.copyOf(kept);
    }

    private static void copy(List<String[]> headers, String etag, HttpServletResponse response) {
        for (String[] header : headers) response.addHeader(header[0], header[1]);
        response.setHeader(HttpHeaders.ETAG, etag);
    }
}
