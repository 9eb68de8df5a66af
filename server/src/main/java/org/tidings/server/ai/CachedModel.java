package org.tidings.server.ai;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.tidings.server.account.TokenBuckets;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.store.GeneratedTextStore;

/**
 * The model's answer to a prompt, kept with the prompt's hash and reused until the prompt changes.
 * A cache that fails is a miss, and an answer that cannot be kept is still used.
 */
final class CachedModel {

    private static final Logger log = LoggerFactory.getLogger(CachedModel.class);

    record Answer(String text, boolean cached) {}

    private final ChatCompletions model;
    /** Bounds a paid provider's bill and a small local model's queue, whatever the traffic; null: no request at all. */
    private final TokenBuckets budget;
    private final int perMinute;
    private final GeneratedTextStore cache;

    CachedModel(TidingsProperties.Llm settings, GeneratedTextStore cache) {
        this.model = new ChatCompletions(settings.url(), settings.model(), settings.apiKey(), settings.timeout());
        this.perMinute = settings.requestsPerMinute();
        this.budget = perMinute < 1 ? null
                : new TokenBuckets(perMinute, Duration.ofMinutes(1).dividedBy(perMinute), Clock.systemUTC());
        this.cache = cache;
    }

    String name() {
        return model.model();
    }

    Answer answer(GeneratedTextStore.Key key, Prompts.Prompt prompt) throws ModelFailure {
        String hash = hash(prompt.system() + "\u0000" + prompt.user());
        Optional<String> cached = cached(key, hash);
        if (cached.isPresent()) return new Answer(cached.get(), true);
        if (budget == null || !budget.tryTake("model")) {
            throw new ModelFailure(ModelFailure.Reason.RATE_LIMITED, "over " + perMinute + " requests a minute");
        }
        String answer = model.complete(prompt.system(), prompt.user());
        try {
            cache.save(key, hash, answer);
        } catch (DataAccessException e) {
            cacheFailed(key, "could not keep the answer: {}", e);
        }
        return new Answer(answer, false);
    }

    private Optional<String> cached(GeneratedTextStore.Key key, String hash) {
        try {
            return cache.find(key, hash);
        } catch (DataAccessException e) {
            cacheFailed(key, "could not read the cache: {}", e);
            return Optional.empty();
        }
    }

    private static void cacheFailed(GeneratedTextStore.Key key, String message, DataAccessException e) {
        log.atWarn().addKeyValue("event", "llm_cache_failed").addKeyValue("article_id", key.subjectId())
                .log(message, e.getMessage());
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((Prompts.VERSION + "\u0000" + text).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
