package org.tidings.server.account;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may read the Prometheus metrics (they name the install path and count sign-ins) and the build's details (its
 * version tells an attacker which holes it has): a signed-in administrator,
 * or a scraper sending {@code Authorization: Bearer <tidings.metrics-token>}. Without a token set, only administrators.
 */
final class MetricsScrapers implements AuthorizationManager<RequestAuthorizationContext> {

    private static final String BEARER = "Bearer ";

    private final byte[] token;
    private final AuthorizationManager<RequestAuthorizationContext> administrators = AuthorityAuthorizationManager.hasRole(Roles.ADMIN);

    MetricsScrapers(String token) {
        this.token = token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        if (carriesToken(context.getRequest())) return new AuthorizationDecision(true);
        return administrators.authorize(authentication, context);
    }

    private boolean carriesToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (token == null || header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) return false;
        byte[] sent = header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(sent, token); // in constant time: the comparison tells nothing of the token
    }
}
