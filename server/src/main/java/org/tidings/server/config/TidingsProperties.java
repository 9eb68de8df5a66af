package org.tidings.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every setting of Tidings: {@code tidings.<name>}, or {@code TIDINGS_<NAME>} in the environment.
 * The README's configuration table documents each key and its default; keep the two in step. {@code tidings.port} and
 * {@code tidings.bind-address} are Spring's {@code server.port} and {@code server.address} (application.properties).
 *
 * @param publicUrl          empty: derived from the request
 * @param trustedProxies     reverse proxies whose X-Forwarded-* headers are believed: by default only this machine
 * @param seedDefaultSources not in demo
 * @param pageCache          served again only for the same address, language and edition; 0 renders every request
 * @param metricsToken       bearer token of a Prometheus scraper; empty: only a signed-in administrator reads the metrics
 */
@ConfigurationProperties("tidings")
public record TidingsProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("") String publicUrl,
        @DefaultValue({"127.0.0.0/8", "::1"}) List<String> trustedProxies,
        @DefaultValue Database database,
        @DefaultValue Admin admin,
        @DefaultValue Fetch fetch,
        @DefaultValue Scheduler scheduler,
        @DefaultValue("false") boolean demo,
        @DefaultValue("true") boolean seedDefaultSources,
        @DefaultValue Llm llm,
        @DefaultValue Mail mail,
        @DefaultValue Search search,
        @DefaultValue Comments comments,
        @DefaultValue Retention retention,
        @DefaultValue("5s") Duration pageCache,
        @DefaultValue("") String metricsToken,
        @DefaultValue Api api,
        @DefaultValue Images images) {

    /** The demo without a database of its own: its database and search index live in memory, and die with the process. */
    public boolean databaseInMemory() {
        return demo && database.url().isBlank();
    }

    /**
     * @param url         empty: the embedded H2 file database under the data directory
     * @param username    ignored for the embedded database
     * @param requestWait how long a request waits for a database connection before its page says the site is
     *                    unavailable (503); the pipeline's work waits longer, and so rides out a short outage
     */
    public record Database(
            @DefaultValue("") String url,
            @DefaultValue("") String username,
            @DefaultValue("") String password,
            @DefaultValue("10") int poolSize,
            @DefaultValue("1s") Duration requestWait) {}

    /** @param password used on first start only; empty: a one-time password, printed once to the log */
    public record Admin(
            @DefaultValue("admin") String username,
            @DefaultValue("") String password) {}

    /**
     * @param perHostConcurrency requests one process sends to one host at the same time
     * @param perHostDelay       least time between the starts of two requests to one host
     */
    public record Fetch(
            @DefaultValue("Tidings/0.1 (self-hosted news reader)") String userAgent,
            @DefaultValue("") String contactUrl,
            @DefaultValue("10s") Duration connectTimeout,
            @DefaultValue("20s") Duration readTimeout,
            @DefaultValue("60s") Duration totalTimeout,
            @DefaultValue("10MB") DataSize maxBytes,
            @DefaultValue("5") int maxRedirects,
            @DefaultValue List<String> allowedNetworks,
            @DefaultValue("2") int perHostConcurrency,
            @DefaultValue("1s") Duration perHostDelay) {

        /**
         * These settings for fetching from a server of Tidings' own on {@code network} (the demo's
         * sample publisher): that network allowed, and no per-host pause meant for others' servers.
         */
        public Fetch forOwnServer(String network) {
            return new Fetch(userAgent, contactUrl, connectTimeout, readTimeout, totalTimeout, maxBytes, maxRedirects,
                    Stream.concat(allowedNetworks.stream(), Stream.of(network)).toList(), perHostConcurrency, Duration.ZERO);
        }
    }

    public record Scheduler(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("5s") Duration tick,
            @DefaultValue("20") int batchSize,
            @DefaultValue("8") int concurrency,
            @DefaultValue("15m") Duration defaultInterval,
            @DefaultValue("5m") Duration minInterval,
            @DefaultValue("24h") Duration maxInterval,
            @DefaultValue("5m") Duration lease,
            @DefaultValue("") String workerId) {}

    /**
     * An OpenAI-compatible chat-completions server for the AI features; off while {@code url} or
     * {@code model} is empty.
     *
     * @param url               a URL already ending in {@code /v1} is used as is; localhost is allowed
     *                          (the fetcher's network guard is for publishers' pages, not for this)
     * @param timeout           connecting included
     * @param requestsPerMinute beyond it readers get the offline result
     * @param unsupported       either way, an unsupported sentence is never shown as fact
     */
    public record Llm(
            @DefaultValue("") String url,
            @DefaultValue("") String model,
            @DefaultValue("") String apiKey,
            @DefaultValue("20s") Duration timeout,
            @DefaultValue("20") int requestsPerMinute,
            @DefaultValue("drop") Unsupported unsupported,
            @DefaultValue("12000") int maxInputChars) {

        public boolean enabled() {
            return !url.isBlank() && !model.isBlank();
        }

        public enum Unsupported { DROP, MARK }
    }

    /** @param host empty: no e-mail is sent, the administrator issues reset links */
    public record Mail(
            @DefaultValue("") String host,
            @DefaultValue("587") int port,
            @DefaultValue("") String username,
            @DefaultValue("") String password,
            @DefaultValue("tidings@localhost") String from,
            @DefaultValue("starttls") String security) {

        public boolean configured() {
            return !host.isBlank();
        }
    }

    /**
     * @param refresh     0 stops following the database (the {@code reindex} command)
     * @param url         an OpenSearch cluster's address ({@code http://host:9200}, several separated by commas); empty: the
     *                    embedded index in the data directory
     * @param username    with {@code password}, for a cluster that asks for them (HTTP basic)
     * @param shards      of the articles' index on the cluster, and its {@code replicas} (taken when an index is built)
     * @param indexPrefix the cluster's index names start with it: {@code <prefix>-articles} is the alias searched
     */
    public record Search(
            @DefaultValue("1s") Duration refresh,
            @DefaultValue("") String url,
            @DefaultValue("") String username,
            @DefaultValue("") String password,
            @DefaultValue("1") int shards,
            @DefaultValue("1") int replicas,
            @DefaultValue("tidings") String indexPrefix) {

        public boolean onCluster() {
            return !url.isBlank();
        }
    }

    /**
     * How long things are kept, by the time of publication (0: for ever). Articles a reader saved or commented on are
     * kept whole. Pruning runs {@code every} so long, in batches of {@code batch} rows, each its own short transaction.
     *
     * @param articles  articles, with their copies, topics, digests and search documents
     * @param fullText  the text taken from the publisher's page (and the feed's full content): then only the lead stays
     * @param aiOutputs what a language model wrote, by when it wrote it: asked again when needed
     */
    public record Retention(
            @DefaultValue("0s") Duration articles,
            @DefaultValue("0s") Duration fullText,
            @DefaultValue("180d") Duration aiOutputs,
            @DefaultValue("1h") Duration every,
            @DefaultValue("500") int batch) {}

    /**
     * Rate limits are token buckets, per reader and per network address (several readers may share one).
     *
     * @param maxLength in characters; the column holds 4000
     */
    public record Comments(
            @DefaultValue("4000") int maxLength,
            @DefaultValue("60") int maxLines,
            @DefaultValue("15m") Duration editWindow,
            @DefaultValue("5") int userBurst,
            @DefaultValue("30s") Duration userEvery,
            @DefaultValue("30") int addressBurst,
            @DefaultValue("2s") Duration addressEvery,
            @DefaultValue("3d") Duration newAccountAge,
            @DefaultValue("3") int approvedToTrust,
            @DefaultValue("50") int threadsPerPage) {

        public Comments {
            if (maxLength < 1 || maxLength > 4000) throw new IllegalArgumentException("tidings.comments.max-length must be 1..4000");
            requireLimit("tidings.comments.user", userBurst, userEvery);
            requireLimit("tidings.comments.address", addressBurst, addressEvery);
        }
    }

    /**
     * The JSON API ({@code /api/v1}): rate limits are token buckets, per access token, or per network address for
     * requests without one.
     *
     * @param cors         origins (such as {@code https://app.example}) whose pages may call the API from a browser; none by default
     * @param requestBurst requests that may come at once
     * @param requestEvery one more request is allowed after each such interval (120 and 250ms: 240 a minute, sustained)
     */
    public record Api(
            @DefaultValue Cors cors,
            @DefaultValue("120") int requestBurst,
            @DefaultValue("250ms") Duration requestEvery) {

        public Api {
            requireLimit("tidings.api.request", requestBurst, requestEvery);
        }

        public record Cors(@DefaultValue List<String> origins) {}
    }

    /** The shortest interval of a rate limit (account/TokenBuckets keeps its buckets in microseconds). */
    private static final Duration SMALLEST_LIMIT_INTERVAL = Duration.ofNanos(1000);

    /**
     * A rate limit's {@code <prefix>-burst} and {@code <prefix>-every}, checked as the settings are read, so that a
     * limit the database cannot keep (it counts in whole microseconds) stops the start with a sentence naming the setting.
     */
    private static void requireLimit(String prefix, int burst, Duration every) {
        if (burst < 1) throw new IllegalArgumentException(prefix + "-burst must be at least 1");
        if (every.compareTo(SMALLEST_LIMIT_INTERVAL) < 0) {
            throw new IllegalArgumentException(prefix + "-every must be at least 1us (a microsecond)");
        }
    }

    /**
     * Readers' pictures, made by the image relay from publishers' images.
     *
     * @param cacheSize the thumbnails kept on disk ({@code <data-dir>/images}), beyond which the least recently used go
     */
    public record Images(
            @DefaultValue("512MB") DataSize cacheSize) {}
}
