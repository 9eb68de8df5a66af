package org.tidings.server.fetch;

import java.net.URI;

/**
 * What a server answered. The body is read only for successful answers and is at most the
 * configured size, decompressed.
 *
 * @param finalUri where the body came from, after redirects
 * @param movedTo  the new address when every redirect on the way was permanent (301, 308), else null
 */
public record FetchResponse(
        int status,
        byte[] body,
        String contentType,
        String etag,
        String lastModified,
        URI finalUri,
        URI movedTo,
        String retryAfter) {

    FetchResponse withAddresses(URI finalUri, URI movedTo) {
        return new FetchResponse(status, body, contentType, etag, lastModified, finalUri, movedTo, retryAfter);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public boolean notModified() {
        return status == 304;
    }
}
