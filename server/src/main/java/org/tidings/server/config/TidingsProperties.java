package org.tidings.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every setting of Tidings, in one place. Each key is {@code tidings.<name>} in
 * {@code application.properties} or on the command line ({@code --tidings.port=9090}), and
 * {@code TIDINGS_<NAME>} in the environment ({@code TIDINGS_PORT=9090},
 * {@code TIDINGS_DATABASE_URL=jdbc:postgresql://...}). The README's configuration table lists
 * the same keys and defaults.
 *
 * @param dataDir     where the embedded database and the search index live
 * @param port        HTTP port of the web server
 * @param bindAddress the address the web server listens on; 0.0.0.0 to serve the network
 * @param publicUrl   the address readers use, for links in feeds and e-mails; empty: derived from the request
 * @param database    which database to use
 * @param admin       the administrator account created on first start
 * @param fetch       how feeds and pages are fetched
 * @param scheduler   when sources are fetched
 * @param demo        run with the bundled sample edition instead of the default sources
 * @param seedDefaultSources register the default set of public feeds on first start (not in demo)
 * @param llm         an optional language model for the AI features; off unless configured
 * @param mail        the SMTP server for password reset e-mails; none: the administrator issues reset links
 * @param search      the search index
 * @param comments    how readers' comments are limited
 * @param pageCache   how long a reader's page, once rendered, is served again to readers who are not
 *                    signed in (same address, language and edition); 0 renders every request
 */
@ConfigurationProperties("tidings")
public record TidingsProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("8080") int port,
        @DefaultValue("127.0.0.1") String bindAddress,
        @DefaultValue("") String publicUrl,
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
        @DefaultValue("5s") Duration pageCache) {

    /**
     * @param url      JDBC URL; empty means the embedded H2 file database under the data directory.
     *                 For PostgreSQL: {@code jdbc:postgresql://host:5432/tidings}
     * @param username database user (ignored for the embedded database)
     * @param password database password
     * @param poolSize maximum connections in the pool
     */
    public record Database(
            @DefaultValue("") String url,
            @DefaultValue("") String username,
            @DefaultValue("") String password,
            @DefaultValue("10") int poolSize) {}

    /**
     * @param username the administrator's user name
     * @param password the administrator's password on first start; empty: a one-time password is
     *                 generated and printed once to the log
     */
    public record Admin(
            @DefaultValue("admin") String username,
            @DefaultValue("") String password) {}

    /**
     * @param userAgent       the User-Agent sent with every request; the contact URL is appended
     * @param contactUrl      where a publisher can reach the operator of this instance
     * @param connectTimeout  time allowed to open a connection
     * @param readTimeout     time allowed between two bytes of a response
     * @param totalTimeout    time allowed for a whole fetch, however slowly the bytes arrive
     * @param maxBytes        largest response body accepted, after decompression
     * @param maxRedirects    redirects followed before giving up
     * @param allowedNetworks networks that may be fetched although private or loopback
     *                        (CIDR, e.g. 127.0.0.1/32); by default none are
     * @param perHostConcurrency requests one process sends to one host at the same time
     * @param perHostDelay    least time between the starts of two requests to one host
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

    /**
     * @param enabled         fetch sources on a schedule (off: only on demand)
     * @param tick            how often the scheduler looks for due sources
     * @param batchSize       how many due sources one process claims at a time
     * @param concurrency     how many fetches one process runs at once
     * @param defaultInterval the interval between fetches of a healthy source
     * @param minInterval     the shortest interval ever used
     * @param maxInterval     the longest interval, also the longest error back-off
     * @param lease           how long a claim on a source lasts before another process may take it over
     * @param workerId        the name of this process in claims; empty: host name and process id
     */
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
     * An OpenAI-compatible chat-completions server (Ollama, llama.cpp server, vLLM, OpenAI...) for
     * abstractive summaries, plain-language explanations, translations and neutral headlines. Off
     * while {@code url} or {@code model} is empty: then no article text ever leaves the server.
     *
     * @param url               base address; requests go to {@code <url>/v1/chat/completions}
     *                          (a URL already ending in {@code /v1} is used as is). An operator's
     *                          own server on localhost is allowed (the fetcher's network guard is
     *                          for publishers' pages, not for this)
     * @param model             model name sent with every request, and shown on every output
     * @param apiKey            sent as a bearer token; empty: no Authorization header
     * @param timeout           time allowed for one answer, connecting included
     * @param requestsPerMinute requests sent at most per minute (cached answers are free); beyond
     *                          it readers get the offline result
     * @param unsupported       a generated sentence the article does not support is dropped
     *                          ({@code drop}) or shown marked as unsupported ({@code mark}); it is
     *                          never shown as fact
     * @param maxInputChars     article text sent at most, in characters (the start of the article)
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

    /**
     * @param host     SMTP server; empty: no e-mail is sent (password resets go through the administrator)
     * @param port     SMTP port (587 with STARTTLS, 465 with TLS, 25 plain)
     * @param username SMTP user; empty: no authentication
     * @param password SMTP password
     * @param from     the sender address of Tidings' e-mails
     * @param security {@code starttls} (required), {@code tls} (implicit, port 465) or {@code none}
     *                 (a relay on the same machine)
     */
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
     * @param refresh how often the index takes in what changed in the database (new articles, full
     *                texts, stories); 0 stops following (the {@code reindex} command)
     */
    public record Search(
            @DefaultValue("1s") Duration refresh) {}

    /**
     * Rate limits are token buckets: a reader may post {@code userBurst} comments at once, then one
     * more every {@code userEvery}; one network address likewise (several readers may share one).
     *
     * @param maxLength       longest comment, in characters (the column holds 4000)
     * @param maxLines        most line breaks in one comment: a wall of blank lines is not a comment
     * @param editWindow      how long after posting its author may still edit a comment
     * @param newAccountAge   accounts younger than this are new: their comments with links wait for review
     * @param approvedToTrust an account with fewer visible comments than this is new too
     * @param threadsPerPage  top-level comments shown at once under an article
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
        }
    }
}
