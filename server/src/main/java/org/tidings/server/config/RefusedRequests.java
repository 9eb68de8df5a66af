package org.tidings.server.config;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The answer to a request the web server refuses before Tidings sees it (a NUL or an encoded slash in the path, an
 * oversized header, an unknown HTTP version): the status in plain words, nothing echoed from the request, and the
 * protection every page of Tidings carries, so that such a page can neither run script nor be framed by another site.
 * Requests that reach Tidings get its own error page ({@code error.jte}).
 */
@Component
class RefusedRequests extends ErrorHandler implements WebServerFactoryCustomizer<JettyServletWebServerFactory> {

    private static final HttpField[] PROTECTION = {
            new HttpField("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"),
            new HttpField("X-Frame-Options", "DENY"),
            new HttpField("X-Content-Type-Options", "nosniff"),
            new HttpField(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8")};

    @Override
    public void customize(JettyServletWebServerFactory factory) {
        factory.addServerCustomizers(server -> server.setErrorHandler(this));
    }

    /** A request that was read but refused before any servlet, such as a NUL in its path. */
    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
            Callback callback) {
        HttpFields.Mutable headers = response.getHeaders();
        protect(headers);
        response.write(true, page(status), callback);
    }

    /** A request that could not even be read: an oversized header, an unknown version. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable headers) {
        protect(headers);
        return page(status);
    }

    private static void protect(HttpFields.Mutable headers) {
        for (HttpField field : PROTECTION) headers.put(field);
        headers.put(ERROR_CACHE_CONTROL);
    }

    private static ByteBuffer page(int status) {
        String reason = HttpStatus.getMessage(status);
        return ByteBuffer.wrap((status + " " + (reason == null ? "" : reason) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
