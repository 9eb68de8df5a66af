package org.tidings.server.ingest;

/** What one refresh of one source did: its outcome, and how many new articles it stored. */
public record RefreshResult(String status, int inserted) {

    static RefreshResult nothingStored(String status) {
        return new RefreshResult(status, 0);
    }
}
