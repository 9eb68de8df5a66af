package org.tidings.server.store;

import java.time.Instant;

/** A feed Tidings fetches, with its settings and its health. */
public record Source(long id, String feedUrl, String name, String siteUrl, String language, String region, String section,
        boolean fullText, boolean enabled, Instant createdAt, Health health, Instant nextFetchAt, int fetchIntervalSeconds,
        Validators validators, boolean published) {

    /** On the edition's pages and in its search: enabled, and not a reader's private feed that no administrator published. */
    public boolean listed() {
        return enabled && published;
    }

    /** What the last fetches said about the source: what the sources page shows. */
    public record Health(Instant lastFetchAt, Instant lastSuccessAt, String lastStatus, Integer lastHttpStatus,
            String lastError, int consecutiveFailures, String disabledReason) {

        public boolean failing() {
            return consecutiveFailures > 0;
        }
    }

    /** What the publisher's server gave us to make the next fetch conditional. */
    public record Validators(String etag, String lastModified, String bodyHash) {}
}
