package org.tidings.server.ingest;

/** What one refresh of one source did. */
public record RefreshResult(String status, int inserted, int updated, int unchanged, int skipped, String error) {

    static RefreshResult failed(String status, String error) {
        return new RefreshResult(status, 0, 0, 0, 0, error);
    }

    static RefreshResult notModified() {
        return new RefreshResult("not_modified", 0, 0, 0, 0, null);
    }
}
