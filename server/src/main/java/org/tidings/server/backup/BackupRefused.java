package org.tidings.server.backup;

/** A backup or a restore that did not happen, with the sentence that tells the operator why and what to do. */
public final class BackupRefused extends RuntimeException {

    BackupRefused(String sentence) {
        super(sentence);
    }

    BackupRefused(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
