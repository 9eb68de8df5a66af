package org.tidings.server.sources;

import java.util.Set;
import org.tidings.server.i18n.Message;
import org.tidings.server.store.Source;

/**
 * A source's last fetch in the operator's words: the codes the refresh stores ({@code not_modified}, {@code http_503},
 * {@code unreachable}, ...) as sentences of the bundles ({@code sources.status.*}), in the reader's language.
 */
public final class SourceStatus {

    /** The codes {@code ingest/FeedRefresher} and the fetcher's failure kinds store, each with a sentence of its own. */
    private static final Set<String> NAMED = Set.of("ok", "ok_recovered", "not_modified", "not_a_feed", "gone", "bad_url",
            "refused", "unreachable", "timeout", "too_large", "too_many_redirects", "protocol");

    private SourceStatus() {}

    /** The sentence for the last fetch's status; null before the first fetch. */
    public static Message of(Source.Health health) {
        String code = health.lastStatus();
        if (code == null) return null;
        if (NAMED.contains(code)) return Message.of("sources.status." + code);
        if (code.matches("http_\\d{3}")) return Message.of("sources.status.httpError", Integer.parseInt(code.substring(5)));
        return Message.of("sources.status.unknown", code);
    }
}
