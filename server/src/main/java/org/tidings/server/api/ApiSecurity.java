package org.tidings.server.api;

import java.time.Clock;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.tidings.server.account.AccessTokens;
import org.tidings.server.account.TokenBuckets;
import org.tidings.server.config.TidingsProperties;
import org.tidings.server.i18n.Message;
import org.tidings.server.store.LimitStore;

/**
 * The API's own security: requests carry a personal access token or nothing, never a session cookie, so there is no
 * session to read or make and no cross-site form to guard against (a browser never sends a bearer token by itself:
 * CSRF protection has nothing to protect). Reading public news needs nothing; the reader's own things need a token;
 * every change needs a read-write token. Refusals are problem details.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

    static final String PREFIX = "/api/v1";

    /** Before the site's chain, which takes every other request. */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AccessTokens tokens, Problems problems, TidingsProperties properties, Clock clock,
            LimitStore store) throws Exception {
        TidingsProperties.Api settings = properties.api();
        // in the database, so that a client's limit is the same through every process behind a balancer
        TokenBuckets limits = TokenBuckets.shared("api-request", settings.requestBurst(), settings.requestEvery(), clock, store);
        http.securityMatcher(PREFIX + "/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, PREFIX + "/me", PREFIX + "/me/**").hasAuthority(AccessTokens.Scope.READING)
                        .requestMatchers(HttpMethod.GET, PREFIX + "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, PREFIX + "/**").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, PREFIX + "/**").permitAll()
                        .anyRequest().hasAuthority(AccessTokens.Scope.WRITING))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, refused) -> problems.write(request, response,
                                new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", Message.of("api.problem.detail.tokenNeeded"))))
                        .accessDeniedHandler((request, response, refused) -> problems.write(request, response,
                                new ApiProblem(HttpStatus.FORBIDDEN, "read-only-token", Message.of("api.problem.detail.readOnly")))))
                // answers change with the token and revalidate each time: ETags make that cheap (see apiEtags())
                .headers(headers -> headers.cacheControl(cache -> cache.disable())
                        .addHeaderWriter((request, response) -> {
                            response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
                            response.addHeader(HttpHeaders.VARY, "Authorization, Accept-Language");
                        }));
        List<String> origins = settings.cors().origins().stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        http.cors(cors -> cors.disable());
        if (!origins.isEmpty()) http.addFilterBefore(CrossOrigin.filter(origins, problems), AnonymousAuthenticationFilter.class);
        http.addFilterBefore(new BearerTokens(tokens, limits, problems), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    /**
     * An ETag on every successful read, from the bytes of the answer; a client sending it back in {@code If-None-Match}
     * gets a 304 without the body. The answer is still computed, so this saves the network, not the server: that is
     * what a phone on a slow connection needs most.
     */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> apiEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> etags = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        etags.addUrlPatterns(PREFIX + "/*");
        etags.setName("apiEtags");
        return etags;
    }
}
