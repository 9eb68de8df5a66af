package org.tidings.server.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a reader in from the server's side (a new account), as the sign-in form does: a new session
 * id, a new CSRF token, and the signed-in reader kept in the session.
 */
@Component
record SessionSignIn(UserDetailsService users) {

    private static final HttpSessionSecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();
    private static final HttpSessionCsrfTokenRepository CSRF_TOKENS = new HttpSessionCsrfTokenRepository();

    void signIn(String accountName, HttpServletRequest request, HttpServletResponse response) {
        UserDetails reader = users.loadUserByUsername(accountName);
        SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(reader, null, reader.getAuthorities()));
        holder.setContext(context);
        if (request.getSession(false) != null) request.changeSessionId();
        CSRF_TOKENS.saveToken(null, request, response);
        SESSIONS.saveContext(context, request, response);
    }
}
