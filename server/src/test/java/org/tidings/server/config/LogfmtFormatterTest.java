package org.tidings.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

class LogfmtFormatterTest {

    @Test
    void writesOneLineWithTheEventsKeysAndQuotesWhatNeedsIt() {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent("x", context.getLogger("org.tidings.server.ingest.FeedRefresher"),
                Level.WARN, "fetching source {} failed: {}", null, new Object[] {7, "unknown host \"a\"\nb"});
        event.setTimeStamp(0);
        event.setKeyValuePairs(List.of(new KeyValuePair("event", "feed_failed"), new KeyValuePair("source_id", 7)));

        String line = new LogfmtFormatter().format(event);

        assertThat(line).isEqualTo("time=1970-01-01T00:00:00Z level=WARN logger=FeedRefresher event=feed_failed source_id=7 "
                + "msg=\"fetching source 7 failed: unknown host \\\"a\\\"\\nb\"\n");
    }
}
