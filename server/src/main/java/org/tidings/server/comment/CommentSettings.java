package org.tidings.server.comment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How readers' comments are limited, as {@code tidings.comments.*} keys (environment:
 * {@code TIDINGS_COMMENTS_*}). Rate limits are token buckets: a reader may post {@code userBurst}
 * comments at once, then one more every {@code userEvery}; one network address likewise with
 * {@code addressBurst} and {@code addressEvery} (several readers may share an address).
 *
 * @param maxLength         longest comment, in characters (the column holds 4000)
 * @param maxLines          most line breaks in one comment: a wall of blank lines is not a comment
 * @param editWindow        how long after posting its author may still edit a comment
 * @param userBurst         comments one reader may post in a burst
 * @param userEvery         time after which one more comment is allowed to a reader
 * @param addressBurst      comments one network address may post in a burst
 * @param addressEvery      time after which one more comment is allowed to an address
 * @param newAccountAge     accounts younger than this are new: their comments with links wait for review
 * @param approvedToTrust   an account with fewer visible comments than this is new too
 * @param threadsPerPage    top-level comments shown at once under an article
 */
@ConfigurationProperties("tidings.comments")
public record CommentSettings(
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

    public CommentSettings {
        if (maxLength < 1 || maxLength > 4000) throw new IllegalArgumentException("tidings.comments.max-length must be 1..4000");
    }

    /** The defaults, for tests and tools. */
    public static CommentSettings defaults() {
        return new CommentSettings(4000, 60, Duration.ofMinutes(15), 5, Duration.ofSeconds(30), 30,
                Duration.ofSeconds(2), Duration.ofDays(3), 3, 50);
    }
}
