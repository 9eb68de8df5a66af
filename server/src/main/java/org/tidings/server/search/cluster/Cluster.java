package org.tidings.server.search.cluster;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.opensearch.client.transport.httpclient5.ResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidings.server.config.TidingsProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenSearch cluster reached through the official Java client (its Apache HttpClient 5 transport). Requests carry
 * JSON; an answer that is not a success is an {@link IOException} with the cluster's reason. Whether the cluster
 * answers is followed here: the first request that cannot reach it logs one message naming {@code tidings.search.url}
 * and raises {@link Away}, and the first answer after logs that it is back.
 */
public final class Cluster implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(Cluster.class);
    /** A cluster that does not connect within this is away: searches are not held up for long. */
    private static final Timeout CONNECT = Timeout.ofSeconds(2);
    /** Longer than any search or bulk batch takes on a working cluster. */
    private static final Timeout RESPONSE = Timeout.ofSeconds(30);
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The cluster cannot be reached (refused, timed out, no node answers). */
    public static final class Away extends IOException {
        Away(String url, Throwable cause) {
            super("OpenSearch at " + url + " cannot be reached", cause);
        }
    }

    /** An answer: its status and its JSON body (null when it had none). */
    record Answer(int status, JsonNode body) {}

    private final String url;
    private final ApacheHttpClient5Transport transport;
    private final OpenSearchGenericClient client;
    private final AtomicBoolean away = new AtomicBoolean(false);

    public Cluster(TidingsProperties.Search settings) {
        this.url = settings.url().strip();
        HttpHost[] hosts = Arrays.stream(url.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Cluster::host).toArray(HttpHost[]::new);
        ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(hosts)
                .setMapper(new JacksonJsonpMapper())
                .setConnectionConfigCallback(connection -> connection.setConnectTimeout(CONNECT).setSocketTimeout(RESPONSE))
                .setRequestConfigCallback(request -> request.setResponseTimeout(RESPONSE));
        if (!settings.username().isBlank()) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            for (HttpHost host : hosts) {
                credentials.setCredentials(new AuthScope(host),
                        new UsernamePasswordCredentials(settings.username(), settings.password().toCharArray()));
            }
            builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials));
        }
        transport = builder.build();
        client = new OpenSearchClient(transport).generic();
    }

    private static HttpHost host(String address) {
        try {
            return HttpHost.create(URI.create(address));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("tidings.search.url: " + address + " is not an address like http://host:9200", e);
        }
    }

    public String url() {
        return url;
    }

    /** Whether the last request reached the cluster. */
    public boolean answering() {
        return !away.get();
    }

    Answer send(String method, String path, Object body, int... alsoFine) throws IOException {
        return send(method, path, body == null ? null : JSON.writeValueAsBytes(body), "application/json", alsoFine);
    }

    /** Sends newline-delimited JSON (a bulk request). */
    Answer sendLines(String path, List<?> lines) throws IOException {
        StringBuilder ndjson = new StringBuilder();
        for (Object line : lines) ndjson.append(JSON.writeValueAsString(line)).append('\n');
        return send("POST", path, ndjson.toString().getBytes(StandardCharsets.UTF_8), "application/x-ndjson");
    }

    private Answer send(String method, String path, byte[] body, String type, int... alsoFine) throws IOException {
        var request = Requests.builder().method(method).endpoint(path);
        if (body != null) request.body(Body.from(body, type));
        Answer answer;
        try (Response response = client.execute(request.build())) {
            JsonNode json = response.getBody().map(b -> b.bodyAsBytes()).filter(b -> b.length > 0).map(JSON::readTree).orElse(null);
            answer = new Answer(response.getStatus(), json);
        } catch (ResponseException e) {
            // it answered, with a failure the transport raises itself (a 503 while shards start): not away
            back();
            throw new IOException("OpenSearch refused " + method + " " + path + ": " + e.getMessage(), e);
        } catch (IOException e) {
            if (away.compareAndSet(false, true)) {
                log.atWarn().addKeyValue("event", "search_cluster_away").addKeyValue("url", url).addKeyValue("error", e.toString())
                        .log("OpenSearch at {} (tidings.search.url) cannot be reached: the site serves everything but search,"
                                + " and the index catches up from its watermark when the cluster answers", url);
            }
            throw new Away(url, e);
        }
        back();
        if (answer.status() < 300 || Arrays.stream(alsoFine).anyMatch(s -> s == answer.status())) return answer;
        throw new IOException("OpenSearch refused " + method + " " + path + " (" + answer.status() + "): "
                + (answer.body() == null ? "" : answer.body().path("error").toString()));
    }

    private void back() {
        if (away.compareAndSet(true, false)) {
            log.atInfo().addKeyValue("event", "search_cluster_back").addKeyValue("url", url)
                    .log("OpenSearch at {} answers again", url);
        }
    }

    /** A JSON object from alternating names and values, in that order. */
    static Map<String, Object> object(Object... namesAndValues) {
        Map<String, Object> object = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) object.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return object;
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }
}
