package org.tidings.server.fetch;

/** A fetch that produced no usable response, with a reason an operator can act on. */
public final class FetchException extends Exception {

    /** What kind of failure, as the source's health line names it. */
    public enum Kind { REFUSED, UNREACHABLE, TIMEOUT, TOO_LARGE, TOO_MANY_REDIRECTS, PROTOCOL }

    private final Kind kind;

    public FetchException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
