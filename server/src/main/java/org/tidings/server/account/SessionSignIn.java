package org.tidings.server.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * Signs a reader in from the server's side (a new account), as the sign-in form does: a new session
 * id, a new CSRF token, the signed-in reader kept in the session, and the way back to the page that
 * asked for signing in.
 */
@Component
record SessionSignIn(UserDetailsService users) {

    private static final HttpSessionSecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();
    private static final HttpSessionCsrfTokenRepository CSRF_TOKENS = new HttpSessionCsrfTokenRepository();
    private static final HttpSessionRequestCache ASKED = new HttpSessionRequestCache();

    /** The address of the page that sent the reader to sign in, if one did. */
    Optional<String> signIn(String accountName, HttpServletRequest request, HttpServletResponse response) {
        UserDetails reader = users.loadUserByUsername(accountName);
        SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(reader, null, reader.getAuthorities()));
        holder.setContext(context);
        if (request.getSession(false) != null) request.changeSessionId();
        CSRF_TOKENS.saveToken(null, request, response);
        SESSIONS.saveContext(context, request, response);
        SavedRequest asked = ASKED.getRequest(request, response);
        ASKED.removeRequest(request, response);
        return Optional.ofNullable(asked).map(SavedRequest::getRedirectUrl);
    }
}
