package org.tidings.server.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tidings.server.store.LimitStore;

/**
 * Throttles sign-in and sign-up ({@link SignInThrottle}, the same buckets: both try an address) before
 * any password is checked, and logs every attempt ({@code event=sign_in outcome=success|failure|throttled})
 * with a pseudonym, never the account name.
 */
final class SignInGuard extends OncePerRequestFilter implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SignInGuard.class);
    /** The forms that try an account, and the field that names it. */
    private static final Map<String, String> FORMS = Map.of("/login", "username", "/signup", "email");

    private final SignInThrottle throttle;
    private final SavedRequestAwareAuthenticationSuccessHandler readerHome = new SavedRequestAwareAuthenticationSuccessHandler();
    private final SavedRequestAwareAuthenticationSuccessHandler adminHome = new SavedRequestAwareAuthenticationSuccessHandler();
    private final SimpleUrlAuthenticationFailureHandler failed = new SimpleUrlAuthenticationFailureHandler("/login?error");

    SignInGuard(Clock clock, LimitStore limits) {
        this.throttle = new SignInThrottle(clock, limits);
        readerHome.setDefaultTargetUrl("/for-you");
        adminHome.setDefaultTargetUrl("/admin/sources");
    }

    /**
     * The account a submitted name means, for the limit and for the look-up alike: without what the sign-in form trims
     * (every character up to U+0020) or any other space at either end; e-mail addresses without regard to case.
     */
    static String accountName(String submitted) {
        String name = submitted == null ? "" : submitted;
        int start = 0, end = name.length();
        while (start < end && spaceOrControl(name.charAt(start))) start++;
        while (end > start && spaceOrControl(name.charAt(end - 1))) end--;
        name = name.substring(start, end);
        return name.contains("@") ? name.toLowerCase(Locale.ROOT) : name;
    }

    private static boolean spaceOrControl(char c) {
        return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && FORMS.containsKey(request.getServletPath()));
    }


    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String form = request.getServletPath();
        Duration wait = throttle.attempt(accountName(request.getParameter(FORMS.get(form))), request.getRemoteAddr());
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            logAttempt("throttled", request).addKeyValue("retry_after_s", seconds).log("Sign-in attempt turned away: too many");
            response.setHeader("Retry-After", String.valueOf(seconds));
            response.sendRedirect(request.getContextPath() + form + "?slow=" + seconds);
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException, ServletException {
        logAttempt("success", request).log("Signed in");
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.ADMIN));
        (admin ? adminHome : readerHome).onAuthenticationSuccess(request, response, auth);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, ServletException {
        logAttempt("failure", request).log("Sign-in failed");
        failed.onAuthenticationFailure(request, response, e);
    }

    private static LoggingEventBuilder logAttempt(String outcome, HttpServletRequest request) {
        var event = "success".equals(outcome) ? log.atInfo() : log.atWarn();
        return event.addKeyValue("event", "sign_in").addKeyValue("outcome", outcome)
                .addKeyValue("form", request.getServletPath())
                .addKeyValue("account", pseudonym(accountName(request.getParameter(FORMS.getOrDefault(request.getServletPath(), "username")))))
                .addKeyValue("address", request.getRemoteAddr());
    }

    /** The first 12 hex digits of the account name's SHA-256. */
    static String pseudonym(String account) {
        return ReaderAccounts.hash(account).substring(0, 12);
    }
}
