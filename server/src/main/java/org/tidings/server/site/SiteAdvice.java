package org.tidings.server.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.transaction.TransactionException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.tidings.server.store.CommentStore;
import org.tidings.server.store.DatabaseOutage;
import org.tidings.server.store.SourceStore;

/**
 * What every page's model holds (its {@link PageContext}, the site's address), the page of a {@link NotFound}, and
 * that of a database that is away.
 */
@ControllerAdvice
record SiteAdvice(Clock clock, MessageSource messages, SiteAddress site, CommentStore comments, SourceStore sources) {

    @ModelAttribute("page")
    PageContext page(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        boolean admin = signedIn && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        boolean moderator = admin || signedIn && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_MODERATOR"));
        // the token is made (and with it a session) only when a page with a form asks for it
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new PageContext(signedIn ? auth.getName() : null, admin, moderator, this::waitingForModeration, fetching(), () -> csrf, request.getRequestURI(),
                request.getQueryString(), clock.instant(), RequestContextUtils.getLocale(request), messages);
    }

    /** Counted only when a moderator's page shows it; -1 when the database cannot say (the page may be the one saying so). */
    private int waitingForModeration() {
        try {
            return comments.waiting();
        } catch (DataAccessException | TransactionException e) {
            return -1;
        }
    }

    /** Asked once per page, and only by an administrator's page (its banner when most sources fail); null when the database cannot say. */
    private Supplier<SourceStore.Fetching> fetching() {
        return new Supplier<>() {
            private SourceStore.Fetching counted;
            private boolean asked;

            @Override
            public SourceStore.Fetching get() {
                if (!asked) {
                    asked = true;
                    try {
                        counted = sources.fetching();
                    } catch (DataAccessException | TransactionException e) {
                        counted = null;
                    }
                }
                return counted;
            }
        };
    }

    @ModelAttribute("siteUrl")
    String siteUrl(HttpServletRequest request) {
        return site.base(request);
    }

    @ExceptionHandler(NotFound.class)
    String notFound(NotFound e, HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("page", page(request));
        return SiteController.error(response, model, 404, "404", e.message());
    }

    /** The database is away or its disk full: a 503 that says so; any other failure of the database goes on to the error page. */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    String unavailable(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!DatabaseOutage.explains(e)) throw e; // not handled here: a 500, logged with its stack trace
        model.addAttribute("page", page(request));
        return SiteController.unavailable(request, response, model, e);
    }
}
