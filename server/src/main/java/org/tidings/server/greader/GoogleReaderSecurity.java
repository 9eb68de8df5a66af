package org.tidings.server.greader;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The Google Reader API's requests carry an app password in their own header ({@code GoogleLogin auth=...}), never a
 * session cookie: no session is read or made, and there is no cross-site form to guard against. The API checks the app
 * password itself on every request ({@link GoogleReaderApi}), answering as the protocol does.
 */
@Configuration(proxyBeanMethods = false)
class GoogleReaderSecurity {

    /** Before the site's chain, which takes every other request. */
    @Bean
    @Order(2)
    SecurityFilterChain googleReader(HttpSecurity http) throws Exception {
        http.securityMatcher(GoogleReaderApi.PREFIX + "/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .anonymous(anonymous -> anonymous.disable())
                .headers(headers -> headers.cacheControl(cache -> cache.disable())
                        .addHeaderWriter((request, response) -> {
                            response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
                            response.addHeader(HttpHeaders.VARY, "Authorization");
                        }));
        return http.build();
    }
}
