package org.tidings.server.ai;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAI chat-completions protocol (Ollama, llama.cpp, vLLM speak it too); every failure is a {@link ModelFailure}. */
final class ChatCompletions {

    /** Largest answer read: a few paragraphs of text are a few kilobytes; anything far larger is broken. */
    static final int MAX_RESPONSE_BYTES = 1 << 20;
    /** Low: the features restate the article; creativity is what the grounding check has to throw away. */
    static final double TEMPERATURE = 0.2;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI endpoint;
    private final String model;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient http;

    ChatCompletions(String baseUrl, String model, String apiKey, Duration timeout) {
        this.endpoint = endpoint(baseUrl);
        this.model = model;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static URI endpoint(String baseUrl) {
        String base = baseUrl.strip().replaceAll("/+$", "");
        return URI.create(base.endsWith("/v1") ? base + "/chat/completions" : base + "/v1/chat/completions");
    }

    String model() {
        return model;
    }

    /** Stripped; never empty. */
    String complete(String system, String user) throws ModelFailure {
        String body = JSON.writeValueAsString(Map.of(
                "model", model,
                "temperature", TEMPERATURE,
                "stream", false,
                "messages", List.of(Map.of("role", "system", "content", system), Map.of("role", "user", "content", user))));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (!apiKey.isBlank()) request.header("Authorization", "Bearer " + apiKey);
        HttpResponse<InputStream> response = send(request.build());
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
        } catch (HttpTimeoutException e) {
            throw new ModelFailure(ModelFailure.Reason.TIMEOUT, "no answer within " + timeout);
        } catch (IOException e) {
            throw new ModelFailure(ModelFailure.Reason.UNREACHABLE, "answer cut off: " + e.getMessage());
        }
        if (response.statusCode() != 200) {
            throw new ModelFailure(ModelFailure.Reason.HTTP_ERROR, "status " + response.statusCode());
        }
        if (bytes.length > MAX_RESPONSE_BYTES) {
            throw new ModelFailure(ModelFailure.Reason.MALFORMED, "answer larger than " + MAX_RESPONSE_BYTES + " bytes");
        }
        return content(new String(bytes, StandardCharsets.UTF_8));
    }

    private HttpResponse<InputStream> send(HttpRequest request) throws ModelFailure {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new ModelFailure(ModelFailure.Reason.UNREACHABLE, "cannot connect to " + endpoint.getAuthority());
        } catch (HttpTimeoutException e) {
            throw new ModelFailure(ModelFailure.Reason.TIMEOUT, "no answer within " + timeout);
        } catch (IOException e) {
            throw new ModelFailure(ModelFailure.Reason.UNREACHABLE, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelFailure(ModelFailure.Reason.TIMEOUT, "interrupted");
        }
    }

    /** The text of the first choice, as {@code {"choices":[{"message":{"content":"..."}}]}}. */
    static String content(String json) throws ModelFailure {
        JsonNode content;
        try {
            content = JSON.readTree(json).path("choices").path(0).path("message").path("content");
        } catch (JacksonException e) {
            throw new ModelFailure(ModelFailure.Reason.MALFORMED, "not JSON");
        }
        if (!content.isString()) throw new ModelFailure(ModelFailure.Reason.MALFORMED, "no choices[0].message.content");
        String text = content.asString().strip();
        if (text.isEmpty()) throw new ModelFailure(ModelFailure.Reason.EMPTY, "empty answer");
        return text;
    }
}
