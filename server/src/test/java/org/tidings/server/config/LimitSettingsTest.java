package org.tidings.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.tidings.server.testing.RunningServer;
import org.tidings.server.testing.Settings;

/**
 * The rate limits' settings: the limits are kept in the database in microseconds, so an interval under a microsecond
 * (or a burst under one) cannot be kept. Such a setting stops the start with one sentence naming it and the smallest
 * value it takes, as Spring Boot prints an invalid setting, rather than with a stack trace from the limits.
 */
@ExtendWith(OutputCaptureExtension.class)
class LimitSettingsTest {

    @TempDir
    Path data;

    @ParameterizedTest
    @CsvSource({
            "tidings.api.request-every,      1ns,   tidings.api.request-every must be at least 1us (a microsecond)",
            "tidings.comments.user-every,    999ns, tidings.comments.user-every must be at least 1us (a microsecond)",
            "tidings.comments.address-every, 0s,    tidings.comments.address-every must be at least 1us (a microsecond)",
            "tidings.api.request-burst,      0,     tidings.api.request-burst must be at least 1",
            "tidings.comments.user-burst,    0,     tidings.comments.user-burst must be at least 1",
            "tidings.comments.address-burst, -5,    tidings.comments.address-burst must be at least 1"})
    void aLimitTooSmallToKeepStopsTheStartWithASentenceNamingIt(String setting, String value, String sentence,
            CapturedOutput output) {
        assertThatThrownBy(() -> RunningServer.start(data, "--" + setting + "=" + value).close())
                .rootCause().hasMessage(sentence);
        assertThat(output.getAll()).as("printed as the reason the application failed to start")
                .contains("APPLICATION FAILED TO START", "Failed to bind properties under 'tidings.")
                .containsPattern("Reason: [\\w.]*Exception: " + Pattern.quote(sentence) + "\\R")
                .doesNotContain("TokenBuckets");
    }

    @Test
    void aMicrosecondAndABurstOfOneAreKept() {
        TidingsProperties settings = Settings.with(Map.of("tidings.api.request-every", "1us", "tidings.api.request-burst", "1",
                "tidings.comments.user-every", "1us", "tidings.comments.user-burst", "1",
                "tidings.comments.address-every", "1us", "tidings.comments.address-burst", "1"));
        assertThat(settings.api().requestEvery()).isEqualTo(Duration.ofNanos(1000));
        assertThat(settings.api().requestBurst()).isEqualTo(1);
        assertThat(settings.comments().userEvery()).isEqualTo(Duration.ofNanos(1000));
        assertThat(settings.comments().addressBurst()).isEqualTo(1);
    }
}
