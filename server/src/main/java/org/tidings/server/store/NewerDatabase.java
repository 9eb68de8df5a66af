package org.tidings.server.store;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains, instead of a stack trace, why the server does not start on a database that a newer
 * Tidings has migrated: this Tidings would read and write a schema it does not know. Flyway finds it
 * ({@code spring.flyway.ignore-migration-patterns} is empty, so a migration applied but unknown here
 * fails validation); Spring Boot prints this analysis in place of the exception.
 */
public final class NewerDatabase extends AbstractFailureAnalyzer<FlywayValidateException> {

    private static final Pattern UNKNOWN = Pattern.compile("applied migration not resolved locally: ([0-9.]+)");

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FlywayValidateException cause) {
        Matcher unknown = UNKNOWN.matcher(String.valueOf(cause.getMessage()));
        String newest = null;
        while (unknown.find()) newest = unknown.group(1);
        if (newest == null) return null;
        return new FailureAnalysis(
                "The database is at schema version " + newest + ", which a newer Tidings applied; this Tidings does not "
                        + "know that version and will not read or write the database.",
                "Start the newer Tidings again, or restore the backup taken before the upgrade (./tidings restore DIR, "
                        + "or pg_restore on PostgreSQL) and start this one on it.",
                cause);
    }
}
