package org.tidings.server.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tidings.server.store.AccountStore;

/**
 * Checks a session against its account before authorization on every request: a changed role
 * applies at the next click, not the next sign-in; a deleted account's session is ended; an account
 * signed in with a one-time password is led to choose its own before any other page.
 */
final class FreshAccount extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(FreshAccount.class);

    /** Where an account with a one-time password chooses its own. */
    static final String CHOOSE_PASSWORD = "/account/choose-password";
    /** What that page itself needs: its style, script and icons, signing out, the error page. */
    private static final Set<String> OPEN_TO_A_ONE_TIME_PASSWORD = Set.of(CHOOSE_PASSWORD, "/logout", "/error",
            "/favicon.ico", "/manifest.webmanifest", "/sw.js");

    private final AccountStore accounts;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    FreshAccount(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            Optional<AccountStore.Account> account = accounts.findByUsername(auth.getName());
            if (account.isEmpty()) {
                SecurityContextHolder.clearContext();
                var session = request.getSession(false);
                if (session != null) session.invalidate();
                log.atInfo().addKeyValue("event", "session_ended").log("Session of a deleted account ended");
            } else {
                if (account.get().mustChangePassword() && !openToAOneTimePassword(request)) {
                    response.sendRedirect(request.getContextPath() + CHOOSE_PASSWORD);
                    return;
                }
                Set<String> now = Set.of("ROLE_" + account.get().role());
                Set<String> had = AuthorityUtils.authorityListToSet(auth.getAuthorities());
                if (!had.equals(now)) {
                    var fresh = UsernamePasswordAuthenticationToken.authenticated(auth.getPrincipal(), null,
                            AuthorityUtils.createAuthorityList(now.toArray(String[]::new)));
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(fresh);
                    SecurityContextHolder.setContext(context);
                    sessions.saveContext(context, request, response);
                    log.atInfo().addKeyValue("event", "session_role_changed").addKeyValue("account_id", account.get().id())
                            .addKeyValue("role", account.get().role()).log("Session follows the account's new role");
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean openToAOneTimePassword(HttpServletRequest request) {
        String path = request.getServletPath();
        return OPEN_TO_A_ONE_TIME_PASSWORD.contains(path) || path.startsWith("/static/");
    }
}
