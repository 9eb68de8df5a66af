package org.tidings.server.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.tidings.server.i18n.Message;
import org.tidings.server.store.DatabaseOutage;

/**
 * Every error of a request to {@code /api/v1/}, whichever part of Spring met it (no such address, a method the address
 * does not take, a parameter that does not parse, a controller's refusal, the database away), as problem details rather
 * than the site's error page. It is asked first, and only answers for the API's addresses.
 */
@Component
class ApiErrors implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private final Problems problems;

    ApiErrors(Problems problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1; // after Spring Boot's recorder of errors, before Spring's own resolvers
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        if (!request.getRequestURI().startsWith(ApiSecurity.PREFIX + "/")) return null;
        try {
            problems.write(request, response, problem(e));
        } catch (IOException written) {
            log.atDebug().addKeyValue("event", "api_problem_unsent").log("The client went before its problem was sent");
        }
        return new ModelAndView(); // answered: nothing to render
    }

    static ApiProblem problem(Exception e) {
        return switch (e) {
            case ApiProblem p -> p;
            case NoResourceFoundException nr -> new ApiProblem(HttpStatus.NOT_FOUND, "no-endpoint", null);
            case NoHandlerFoundException nh -> new ApiProblem(HttpStatus.NOT_FOUND, "no-endpoint", null);
            case HttpRequestMethodNotSupportedException m -> new ApiProblem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                    Message.of("api.problem.detail.method", m.getMethod()));
            case HttpMediaTypeNotSupportedException m -> new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", null);
            case MissingServletRequestParameterException m -> ApiProblem.badRequest("api.problem.detail.missing", m.getParameterName());
            case TypeMismatchException m -> ApiProblem.badRequest("api.problem.detail.parameter", m.getPropertyName() == null
                    ? String.valueOf(m.getValue()) : m.getPropertyName());
            case HttpMessageNotReadableException m -> new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-json", null);
            case AuthenticationException a -> new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", null);
            case DataAccessException d when DatabaseOutage.explains(d) -> unavailable(d);
            case TransactionException t when DatabaseOutage.explains(t) -> unavailable(t);
            case ErrorResponse r when r.getStatusCode().is4xxClientError() -> new ApiProblem(HttpStatus.valueOf(r.getStatusCode().value()),
                    codeOf(r.getStatusCode().value()), null);
            default -> {
                log.atError().addKeyValue("event", "api_failure").setCause(e).log("API request failed");
                yield new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", null);
            }
        };
    }

    /** The codes of the statuses Spring's own exceptions carry ({@code ResponseStatusException} from the comment desk). */
    private static String codeOf(int status) {
        return switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 406 -> "not-acceptable";
            case 405 -> "method-not-allowed";
            case 415 -> "unsupported-media-type";
            default -> "bad-request";
        };
    }

    private static ApiProblem unavailable(RuntimeException e) {
        log.atWarn().addKeyValue("event", "api_database_unavailable").addKeyValue("error", e.toString()).log("Database unavailable");
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", null, java.time.Duration.ofSeconds(5));
    }
}
