package org.tidings.server.account;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * A reader's sessions, on every device and every process (they are in the database): listed on the account page, ended
 * one by one or all at once. The page names a session by a digest of its id, never the id itself, which is the cookie.
 */
@Component
public class SignedInSessions {

    /** Hex digits of a session's handle: unique among one reader's few sessions, useless for finding its id. */
    private static final int HANDLE_CHARS = 16;

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SignedInSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** One session as the reader sees it: kept signed in when it outlives the server's usual timeout. */
    public record SignedIn(String handle, Instant signedInAt, Instant lastUsedAt, Instant endsAt, boolean kept, boolean thisBrowser) {}

    /** The reader's sessions, this browser's first, then the most recently used. */
    List<SignedIn> of(String accountName, String currentSessionId) {
        return sessions.findByPrincipalName(accountName).values().stream()
                .map(s -> new SignedIn(handle(s.getId()), s.getCreationTime(), s.getLastAccessedTime(),
                        s.getLastAccessedTime().plus(s.getMaxInactiveInterval()),
                        s.getMaxInactiveInterval().compareTo(SecurityConfiguration.KEPT_SIGNED_IN) >= 0,
                        s.getId().equals(currentSessionId)))
                .sorted(Comparator.comparing(SignedIn::thisBrowser).reversed()
                        .thenComparing(SignedIn::lastUsedAt, Comparator.reverseOrder()))
                .toList();
    }

    /**
     * Ends the reader's session of that handle unless it is this browser's (whose session the request still holds and
     * would save again: it ends by signing out); false when there is none (ended already, or another reader's).
     */
    boolean endOther(String accountName, String handle, String currentSessionId) {
        List<String> ids = sessions.findByPrincipalName(accountName).keySet().stream()
                .filter(id -> !id.equals(currentSessionId) && handle(id).equals(handle)).toList();
        ids.forEach(sessions::deleteById);
        return !ids.isEmpty();
    }

    /** Ends every session of the reader's account. */
    void endAll(String accountName) {
        sessions.findByPrincipalName(accountName).keySet().forEach(sessions::deleteById);
    }

    private static String handle(String sessionId) {
        return ReaderAccounts.hash(sessionId).substring(0, HANDLE_CHARS);
    }
}
