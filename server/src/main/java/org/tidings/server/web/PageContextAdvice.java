package org.tidings.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.context.MessageSource;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the {@link PageContext} in the model of every page as {@code page}. */
@ControllerAdvice
class PageContextAdvice {

    private final Clock clock;
    private final MessageSource messages;

    PageContextAdvice(Clock clock, MessageSource messages) {
        this.clock = clock;
        this.messages = messages;
    }

    @ModelAttribute("page")
    PageContext page(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        boolean admin = signedIn && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        // the token is made (and with it a session) only when a page with a form asks for it
        return new PageContext(signedIn ? auth.getName() : null, admin, () -> csrf, request.getRequestURI(), request.getQueryString(), clock.instant(), RequestContextUtils.getLocale(request), messages);
    }
}
