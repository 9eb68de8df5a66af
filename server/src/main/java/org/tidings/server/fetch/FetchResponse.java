package org.tidings.server.fetch;

import java.net.URI;

/**
 * What a server answered; the body only for successful answers, decompressed, at most the configured size.
 *
 * @param finalUri after redirects
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
