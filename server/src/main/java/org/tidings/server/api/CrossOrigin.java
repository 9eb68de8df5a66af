package org.tidings.server.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.tidings.server.i18n.Message;

/**
 * CORS for the origins an operator names ({@code tidings.api.cors.origins}): pages of those sites may call the API with
 * a token; no cookies are involved, so no credentials are allowed. Spring's rules, with one change: a request from
 * another origin is refused with problem details, like every other refusal of the API, not with Spring's plain text.
 */
final class CrossOrigin extends DefaultCorsProcessor {

    private final Problems problems;

    private CrossOrigin(Problems problems) {
        this.problems = problems;
    }

    /** The filter that answers preflights and marks allowed answers; it runs before the token is read. */
    static CorsFilter filter(List<String> origins, Problems problems) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(origins);
        config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        config.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_NONE_MATCH,
                HttpHeaders.ACCEPT_LANGUAGE));
        config.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION));
        config.setAllowCredentials(false);
        config.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration(ApiSecurity.PREFIX + "/**", config);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new CrossOrigin(problems));
        return filter;
    }

    @Override
    public boolean processRequest(CorsConfiguration config, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean allowed = super.processRequest(config, request, response);
        if (!allowed) {
            problems.write(request, response, new ApiProblem(HttpStatus.FORBIDDEN, "cross-origin", Message.of("api.problem.detail.origin")));
        }
        return allowed;
    }

    /** Answered by {@link #processRequest}, which has the request that problem details name. */
    @Override
    protected void rejectRequest(ServerHttpResponse response) {}
}
