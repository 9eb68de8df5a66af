package org.tidings.server.api;

import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.tidings.server.i18n.Message;

/**
 * A refusal of the API, answered as RFC 9457 problem details: its status, a {@code code} that names its kind (the
 * problem's {@code type} is {@code /api#problem-<code>}, and its title the bundle's {@code api.problem.<code>}), and a
 * sentence about this case ({@code detail}), or null.
 */
final class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient Message detail;
    private final Duration retryAfter;

    ApiProblem(HttpStatus status, String code, Message detail, Duration retryAfter) {
        super(code, null, false, false); // a refusal, not a failure: no stack trace to fill
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.retryAfter = retryAfter;
    }

    ApiProblem(HttpStatus status, String code, Message detail) {
        this(status, code, detail, null);
    }

    static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", Message.of("api.problem.detail.notFound." + what, String.valueOf(id)));
    }

    static ApiProblem badRequest(String detailKey, Object... args) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "bad-request", Message.of(detailKey, args));
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    Message detail() {
        return detail;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
