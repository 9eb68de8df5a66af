package org.tidings.server.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tidings.server.account.AccessTokens;
import org.tidings.server.account.TokenBuckets;
import org.tidings.server.i18n.Message;

/**
 * Who an API request acts for: the reader whose personal access token it sends ({@code Authorization: Bearer tid_...}),
 * or nobody. A token that opens nothing (revoked, mistyped, a deleted account's) is refused at once, on public addresses
 * too: a client should learn that its token is dead, not silently read as a stranger. Then the rate limit, per token, or
 * per network address without one. Not a bean: only the API's filter chain runs it.
 */
final class BearerTokens extends OncePerRequestFilter {

    private static final String SCHEME = "bearer ";

    private final AccessTokens tokens;
    private final TokenBuckets limits;
    private final Problems problems;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokens(AccessTokens tokens, TokenBuckets limits, Problems problems) {
        this.tokens = tokens;
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String limitKey = "address:" + request.getRemoteAddr();
        if (header != null) {
            Optional<AccessTokens.Bearer> bearer;
            try {
                bearer = header.toLowerCase(Locale.ROOT).startsWith(SCHEME)
                        ? tokens.authenticate(header.substring(SCHEME.length()).strip()) : Optional.empty();
            } catch (DataAccessException | TransactionException e) {
                // before any controller: the API's resolver of errors is not there to say the database is away
                problems.write(request, response, ApiErrors.problem(e));
                return;
            }
            if (bearer.isEmpty()) {
                problems.write(request, response, new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid-token",
                        Message.of("api.problem.detail.invalidToken")));
                return;
            }
            signIn(bearer.get());
            limitKey = "token:" + bearer.get().tokenId();
        }
        Duration wait = limits.take(limitKey);
        if (!wait.isZero()) {
            problems.write(request, response, new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", null, wait));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The token's reader, with their role (as on the site) and the token's scope as authorities; for this request only. */
    private void signIn(AccessTokens.Bearer bearer) {
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + bearer.role().toUpperCase(Locale.ROOT)));
        bearer.scope().authorities().forEach(a -> authorities.add(new SimpleGrantedAuthority(a)));
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(bearer.username(), null, authorities));
        contexts.setContext(context);
    }
}
