package org.tidings.server.account;

import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.tidings.server.store.AccountStore;

/** The signed-in reader's account: personal objects are looked up by this id, never one the request carries. */
@Component
public record CurrentReader(AccountStore accounts) {

    public static Optional<String> name() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        return signedIn ? Optional.of(auth.getName()) : Optional.empty();
    }

    public OptionalLong id() {
        return name().flatMap(accounts::findByUsername).map(a -> OptionalLong.of(a.id())).orElse(OptionalLong.empty());
    }

    /** For pages behind sign-in; a session whose account was deleted meanwhile is sent to sign in again. */
    public long require() {
        return id().orElseThrow(() -> new InsufficientAuthenticationException("no live account for this session"));
    }
}
