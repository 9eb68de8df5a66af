package org.tidings.server.fetch;

import java.net.URI;

/**
 * What a server answered. The body is read only for successful answers and is at most the
 * configured size, decompressed.
 *
 * @param finalUri where the body came from, after redirects
 */
public record FetchResponse(
        int status,
        byte[] body,
        String contentType,
        String etag,
        String lastModified,
        URI finalUri,
        String retryAfter) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public boolean notModified() {
        return status == 304;
    }
}
