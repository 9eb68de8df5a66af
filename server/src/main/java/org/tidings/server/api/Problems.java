package org.tidings.server.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.tidings.server.i18n.ReaderLocales;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every refusal of the API as RFC 9457 problem details ({@code application/problem+json}), in the reader's
 * language: those of the security filters (401, 403, 429), which answer before any controller, and those of the
 * controllers ({@link ApiErrors}) alike.
 */
@Component
class Problems {

    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final MessageSource messages;
    private final ReaderLocales locales;
    private final JsonMapper json;

    Problems(MessageSource messages, ReaderLocales locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    void write(HttpServletRequest request, HttpServletResponse response, ApiProblem problem) throws IOException {
        Locale locale = locales.resolveLocale(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "/api#problem-" + problem.code());
        body.put("title", messages.getMessage("api.problem." + problem.code(), null, locale));
        body.put("status", problem.status().value());
        if (problem.detail() != null) {
            body.put("detail", messages.getMessage(problem.detail().key(), problem.detail().args().toArray(), locale));
        }
        body.put("instance", request.getRequestURI());
        response.resetBuffer();
        response.setStatus(problem.status().value());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        if (problem.status() == HttpStatus.UNAUTHORIZED) {
            String error = "invalid-token".equals(problem.code()) ? ", error=\"invalid_token\"" : "";
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tidings\"" + error);
        }
        if (problem.retryAfter() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (problem.retryAfter().toMillis() + 999) / 1000)));
        }
        json.writeValue(response.getOutputStream(), body);
    }
}
