package org.tidings.server.web;

import java.time.Instant;

/**
 * What every page needs besides its own content: who is reading, the CSRF token for its forms,
 * and the moment it is rendered (for relative times).
 */
public record PageContext(String username, boolean admin, String csrfParameter, String csrfToken, String path,
        Instant now) {

    public boolean signedIn() {
        return username != null;
    }

    public String ago(Instant t) {
        return Times.relative(t, now);
    }

    public String iso(Instant t) {
        return Times.iso(t);
    }

    public String exact(Instant t) {
        return Times.exact(t);
    }
}
