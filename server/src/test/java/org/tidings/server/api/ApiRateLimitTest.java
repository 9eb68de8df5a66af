package org.tidings.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tidings.server.testing.TestDatabase;

/**
 * The API's rate limit through real HTTP: past its burst a client is answered 429 problem details with Retry-After,
 * each token with a bucket of its own, and requests without a token with their address's. The limit is kept in the
 * database like every other (SharedLimitsTest shows two processes sharing one): one server on the embedded one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiRateLimitTest {

    static final int BURST = 5;
    ApiServer api;

    @BeforeAll
    void start() {
        api = new ApiServer(TestDatabase.H2, "--tidings.api.request-burst=" + BURST, "--tidings.api.request-every=1h");
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void pastItsBurstAClientWaitsAndOthersDoNot() {
        String first = ApiServer.token(api.reader("first@example.org"), "First", "read");
        String second = ApiServer.token(api.reader("second@example.org"), "Second", "read");
        for (int i = 0; i < BURST; i++) assertThat(api.get("/api/v1/me", first).status()).isEqualTo(200);
        ApiServer.Answer refused = api.get("/api/v1/me", first);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asString()).isEqualTo("/api#problem-rate-limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(3000L, 3600L);

        assertThat(api.get("/api/v1/me", second).status()).as("another token has its own bucket").isEqualTo(200);
        for (int i = 0; i < BURST; i++) assertThat(api.get("/api/v1/sections", null).status()).isEqualTo(200);
        assertThat(api.send("GET", "/api/v1/sections", null, null, Map.of()).status()).as("no token: the address's bucket")
                .isEqualTo(429);
        assertThat(api.get("/api/v1/me", second).status()).isEqualTo(200);
    }
}
