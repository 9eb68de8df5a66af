package org.tidings.server.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class HostLimiterTest {

    @Test
    void spacesTheStartsOfRequestsToOneHost() throws Exception {
        HostLimiter limiter = new HostLimiter(4, Duration.ofMillis(200));
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) limiter.acquire("news.test").close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void otherHostsDoNotWait() throws Exception {
        HostLimiter limiter = new HostLimiter(1, Duration.ofSeconds(5));
        long start = System.nanoTime();
        limiter.acquire("a.test").close();
        limiter.acquire("b.test").close();
        limiter.acquire("c.test").close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void limitsConcurrentRequestsToOneHost() throws Exception {
        HostLimiter limiter = new HostLimiter(1, Duration.ZERO);
        HostLimiter.Permit first = limiter.acquire("news.test");
        CompletableFuture<HostLimiter.Permit> second = CompletableFuture.supplyAsync(() -> {
            try {
                return limiter.acquire("NEWS.test");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            second.get(300, TimeUnit.MILLISECONDS);
            throw new AssertionError("the second request should wait for the first");
        } catch (TimeoutException expected) {
            // waiting, as it should
        }
        first.close();
        second.get(2, TimeUnit.SECONDS).close();
    }
}
