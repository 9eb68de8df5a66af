package org.tidings.server.config;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.time.Instant;
import org.slf4j.event.KeyValuePair;
import org.springframework.boot.logging.structured.StructuredLogFormatter;

/** One log line per event in logfmt: the event's key-values come after time, level and logger, then the message. */
public final class LogfmtFormatter implements StructuredLogFormatter<ILoggingEvent> {

    @Override
    public String format(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(160);
        line.append("time=").append(Instant.ofEpochMilli(event.getTimeStamp()));
        line.append(" level=").append(event.getLevel());
        String logger = event.getLoggerName();
        append(line, "logger", logger.substring(logger.lastIndexOf('.') + 1));
        if (event.getKeyValuePairs() != null) {
            for (KeyValuePair kv : event.getKeyValuePairs()) append(line, kv.key, String.valueOf(kv.value));
        }
        append(line, "msg", event.getFormattedMessage());
        if (event.getThrowableProxy() != null) {
            append(line, "error", ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        return line.append('\n').toString();
    }

    private static void append(StringBuilder line, String key, String value) {
        line.append(' ').append(key).append('=');
        if (value != null && !value.isEmpty() && value.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '=')) {
            line.append(value);
            return;
        }
        line.append('"');
        if (value != null) {
            for (char c : value.toCharArray()) {
                switch (c) {
                    case '"' -> line.append("\\\"");
                    case '\\' -> line.append("\\\\");
                    case '\n' -> line.append("\\n");
                    case '\r' -> line.append("\\r");
                    case '\t' -> line.append("\\t");
                    default -> line.append(c);
                }
            }
        }
        line.append('"');
    }
}
