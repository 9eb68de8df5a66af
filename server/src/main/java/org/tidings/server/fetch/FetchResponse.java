package org.tidings.server.fetch;

import java.net.URI;

/**
 * What a server answered. The body is read only for successful answers and is at most the
 * configured size, decompressed.
 *
 * @param finalUri where the body came from, after redirects
 * @param movedTo  the new address when every redirect on the way was permanent (301, 308), else null
 * @param protocol the HTTP version the server answered with (HTTP/1.1, HTTP/2)
 */
public record FetchResponse(
        int status,
        byte[] body,
        String contentType,
        String etag,
        String lastModified,
        URI finalUri,
        URI movedTo,
        String retryAfter,
        String protocol) {

    FetchResponse withAddresses(URI finalUri, URI movedTo) {
        return new FetchResponse(status, body, contentType, etag, lastModified, finalUri, movedTo, retryAfter, protocol);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public boolean notModified() {
        return status == 304;
    }
}
