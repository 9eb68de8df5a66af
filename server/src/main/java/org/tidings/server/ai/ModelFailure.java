package org.tidings.server.ai;

/** Why a language model gave nothing usable; the reader then gets the offline result. */
final class ModelFailure extends Exception {

    /** The outcomes counted in metrics ({@code tidings.ai.llm{outcome=...}}) and logged. */
    enum Reason {
        TIMEOUT, UNREACHABLE, HTTP_ERROR, MALFORMED, EMPTY, UNSUPPORTED, RATE_LIMITED, ERROR;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    final Reason reason;

    ModelFailure(Reason reason, String detail) {
        super(detail, null, false, false); // no stack trace: a failure here is an outcome, not a bug
        this.reason = reason;
    }
}
