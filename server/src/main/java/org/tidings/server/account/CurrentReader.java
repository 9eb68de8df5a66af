package org.tidings.server.account;

import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.tidings.server.store.AccountStore;

/**
 * The account of the reader making the current request, if signed in. Every personal object is
 * looked up through this id, never through an id the request carries: a reader can reach only
 * their own.
 */
@Component
public class CurrentReader {

    private final AccountStore accounts;

    public CurrentReader(AccountStore accounts) {
        this.accounts = accounts;
    }

    /** The name the current request is signed in with, if it is. */
    public static Optional<String> name() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        return signedIn ? Optional.of(auth.getName()) : Optional.empty();
    }

    public OptionalLong id() {
        return name().flatMap(accounts::findByUsername).map(a -> OptionalLong.of(a.id())).orElse(OptionalLong.empty());
    }

    /**
     * The signed-in reader's id, for pages that require signing in (the security rules send
     * anonymous readers to /login). A session whose account was deleted meanwhile (in another
     * browser) is sent to sign in again, as Spring Security does on an authentication failure.
     */
    public long require() {
        return id().orElseThrow(() -> new InsufficientAuthenticationException("no live account for this session"));
    }
}
