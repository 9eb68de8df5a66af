package org.tidings.server.greader;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.URIUtil;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Google Reader clients put a stream id in the path, usually URL-encoded ({@code stream/contents/feed%2Fhttps%3A%2F%2F...}),
 * sometimes not ({@code reader/atom/feed/https://...}). An encoded slash is what the web server and Spring Security
 * refuse everywhere else, rightly: so the web server lets it through only to be handled here, before any servlet, where
 * the stream id of those two paths moves into the query ({@code ?s=...}), which carries any text; any other path with
 * an encoded slash is still refused with the web server's protected 400 page.
 */
@Component
class StreamIdsInPaths implements WebServerFactoryCustomizer<JettyServletWebServerFactory>, HttpConfiguration.Customizer {

    /** The paths whose remainder is a stream id. */
    static final String[] STREAM_PATHS = {GoogleReaderApi.PREFIX + "/reader/api/0/stream/contents/", GoogleReaderApi.PREFIX + "/reader/atom/"};

    private static final UriCompliance COMPLIANCE = UriCompliance.DEFAULT.with("tidings-greader",
            UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR);

    @Override
    public void customize(JettyServletWebServerFactory factory) {
        factory.addServerCustomizers(server -> {
            for (var connector : server.getConnectors()) {
                var http = connector.getConnectionFactory(HttpConnectionFactory.class);
                if (http == null) continue;
                http.getHttpConfiguration().setUriCompliance(COMPLIANCE);
                http.getHttpConfiguration().addCustomizer(this);
            }
        });
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        HttpURI uri = request.getHttpURI();
        String raw = uri.getPath();
        for (String prefix : STREAM_PATHS) {
            if (raw != null && raw.startsWith(prefix) && raw.length() > prefix.length()) {
                String streamId = URIUtil.decodePath(raw.substring(prefix.length()));
                String query = "s=" + URLEncoder.encode(streamId, StandardCharsets.UTF_8)
                        + (uri.getQuery() == null || uri.getQuery().isEmpty() ? "" : "&" + uri.getQuery());
                HttpURI rewritten = HttpURI.build().scheme(uri.getScheme()).host(uri.getHost()).port(uri.getPort())
                        .pathQuery(prefix.substring(0, prefix.length() - 1) + "?" + query).asImmutable();
                return new Request.Wrapper(request) {
                    @Override
                    public HttpURI getHttpURI() {
                        return rewritten;
                    }
                };
            }
        }
        if (uri.hasViolation(UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR)) throw new BadMessageException(400);
        return request;
    }
}
