package org.tidings.server.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tidings.server.i18n.Message;
import org.tidings.server.store.AccountStore;
import org.tidings.server.store.AccountStore.Profile;

/**
 * What a reader does with an account. The reset form never tells whether an address has an
 * account. Sign-up does, by signing the new reader in: readers expect it, and the sign-in limits
 * ({@link SignInThrottle}) hold for sign-up too, so addresses cannot be tried by the thousand.
 */
@Service
public class ReaderAccounts {

    private static final Logger log = LoggerFactory.getLogger(ReaderAccounts.class);

    /** A reset link sent by e-mail works this long: enough to open the mail, too short to linger in an inbox. */
    static final Duration RESET_BY_MAIL = Duration.ofHours(1);
    /** A link the administrator hands over by other means (a chat, a call) may take a day to reach the reader. */
    static final Duration RESET_BY_ADMIN = Duration.ofHours(24);
    static final int TOKEN_BYTES = 32;
    static final int MAX_DISPLAY_NAME = 60;
    static final int MAX_EMAIL = 254;
    /** Something@something.something, no spaces: the server can only really check an address by mailing it. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final AccountStore accounts;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final ResetMail mail;
    private final List<PersonalData> personalData;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ReaderAccounts(AccountStore accounts, PasswordEncoder encoder, PasswordPolicy policy, ResetMail mail,
            List<PersonalData> personalData, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.policy = policy;
        this.mail = mail;
        this.personalData = personalData;
        this.clock = clock;
    }

    /** What became of a sign-up form: refused with a {@code problem}, or accepted for a new or a taken {@code address}. */
    public record SignUp(Message problem, String address, boolean created) {

        static SignUp refused(Message problem) {
            return new SignUp(problem, null, false);
        }
    }

    public SignUp signUp(String email, String displayName, String password, Locale locale) {
        String address = AccountStore.normalizeEmail(email);
        String name = displayName == null ? "" : displayName.strip();
        if (address.length() > MAX_EMAIL || !EMAIL.matcher(address).matches()) return SignUp.refused(Message.of("signup.badEmail"));
        if (name.isEmpty() || name.length() > MAX_DISPLAY_NAME || name.codePoints().anyMatch(Character::isISOControl)) {
            return SignUp.refused(Message.of("signup.badName", MAX_DISPLAY_NAME));
        }
        Optional<Message> weak = policy.problem(password, address, name);
        if (weak.isPresent()) return SignUp.refused(weak.get());
        OptionalLong created = accounts.createReader(address, name, encoder.encode(password), Roles.READER);
        if (created.isPresent()) {
            log.atInfo().addKeyValue("event", "account_created").addKeyValue("account_id", created.getAsLong()).log("Reader signed up");
        } else {
            log.atInfo().addKeyValue("event", "signup_address_taken").log("Sign-up with an address that has an account");
            inBackground(() -> mail.sendAlreadyRegistered(address, locale));
        }
        return new SignUp(null, address, created.isPresent());
    }

    /** Changes the password after checking the current one; a problem, or empty when changed. */
    public Optional<Message> changePassword(long accountId, String current, String next) {
        if (!passwordMatches(accountId, current)) return Optional.of(Message.of("account.password.wrong"));
        Profile profile = accounts.profile(accountId).orElseThrow();
        Optional<Message> weak = policy.problem(next, profile.email(), profile.displayName());
        if (weak.isPresent()) return weak;
        accounts.setPassword(accountId, encoder.encode(next));
        accounts.deleteResetTokens(accountId);
        log.atInfo().addKeyValue("event", "password_changed").addKeyValue("account_id", accountId).log("Password changed");
        return Optional.empty();
    }

    /** Whether the account signed in with a one-time password and has not chosen its own yet. */
    public boolean mustChoosePassword(long accountId) {
        return accounts.findById(accountId).map(AccountStore.Account::mustChangePassword).orElse(false);
    }

    /**
     * Replaces a one-time password by the account's own (the session proved the one-time one a moment ago); a problem,
     * or empty when done. From then on the one-time password signs nobody in.
     */
    public Optional<Message> choosePassword(long accountId, String next) {
        AccountStore.Account account = accounts.findById(accountId).orElseThrow();
        if (!account.mustChangePassword()) return Optional.of(Message.of("choosePassword.notNeeded"));
        Profile profile = accounts.profile(accountId).orElseThrow();
        Optional<Message> weak = policy.problem(next, profile.email(), profile.shownName());
        if (weak.isPresent()) return weak;
        if (encoder.matches(next, account.passwordHash())) return Optional.of(Message.of("choosePassword.same"));
        accounts.setPassword(accountId, encoder.encode(next));
        log.atInfo().addKeyValue("event", "one_time_password_replaced").addKeyValue("account_id", accountId)
                .log("One-time password replaced by the account's own");
        return Optional.empty();
    }

    public boolean passwordMatches(long accountId, String password) {
        return accounts.findById(accountId).map(a -> encoder.matches(password == null ? "" : password, a.passwordHash()))
                .orElse(false);
    }

    /** Mails a reset link if the address has an account; in the background, so the answer takes as long either way. */
    public void requestReset(String email, Locale locale) {
        Optional<AccountStore.Account> account = accounts.findByEmail(email);
        log.atInfo().addKeyValue("event", "reset_requested").addKeyValue("known", account.isPresent())
                .addKeyValue("mail", mail.enabled()).log("Password reset requested");
        if (account.isEmpty() || !mail.enabled()) return;
        String token = newToken(account.get().id(), RESET_BY_MAIL);
        inBackground(() -> mail.sendResetLink(AccountStore.normalizeEmail(email), token, locale));
    }

    public boolean resetByMailEnabled() {
        return mail.enabled();
    }

    /** A one-time reset link token the administrator hands to the reader; empty for a deleted or unknown account. */
    public Optional<String> issueResetToken(long accountId) {
        Optional<Profile> profile = accounts.profile(accountId).filter(p -> !p.deleted());
        if (profile.isEmpty()) return Optional.empty();
        log.atInfo().addKeyValue("event", "reset_link_issued").addKeyValue("account_id", accountId).log("Reset link issued");
        return Optional.of(newToken(accountId, RESET_BY_ADMIN));
    }

    public boolean resetTokenLive(String token) {
        return accounts.resetTokenAccount(hash(token)).isPresent();
    }

    /** Sets a new password with a reset token, which is then used up; a problem, or empty when done. */
    @Transactional
    public Optional<Message> resetPassword(String token, String password) {
        OptionalLong owner = accounts.resetTokenAccount(hash(token));
        if (owner.isEmpty()) return Optional.of(Message.of("reset.expired"));
        Profile profile = accounts.profile(owner.getAsLong()).orElseThrow();
        Optional<Message> weak = policy.problem(password, profile.email(), profile.displayName());
        if (weak.isPresent()) return weak;
        OptionalLong used = accounts.useResetToken(hash(token));
        if (used.isEmpty()) return Optional.of(Message.of("reset.expired"));
        accounts.setPassword(used.getAsLong(), encoder.encode(password));
        log.atInfo().addKeyValue("event", "password_reset").addKeyValue("account_id", used.getAsLong()).log("Password reset");
        return Optional.empty();
    }

    public Map<String, Object> export(long accountId) {
        Profile p = accounts.profile(accountId).orElseThrow();
        Map<String, Object> export = PersonalData.row("exportedAt", clock.instant().toString(), "account", PersonalData.row(
                "email", p.email(), "displayName", p.displayName(), "username", p.username(), "role", p.role(),
                "createdAt", String.valueOf(p.createdAt()), "historyEnabled", p.historyEnabled()));
        for (PersonalData data : personalData) export.put(data.name(), data.export(accountId));
        return export;
    }

    /** Erases personal data and anonymises the row; refused for the last administrator (the instance needs one). */
    @Transactional
    public boolean delete(long accountId) {
        boolean deletable = accounts.findById(accountId)
                .filter(a -> !Roles.ADMIN.equals(a.role()) || accounts.countWithRole(Roles.ADMIN) > 1).isPresent();
        if (!deletable) return false;

        for (PersonalData data : personalData) data.erase(accountId);
        accounts.deleteResetTokens(accountId);
        boolean deleted = accounts.markDeleted(accountId);
        if (deleted) log.atInfo().addKeyValue("event", "account_deleted").addKeyValue("account_id", accountId).log("Account deleted");
        return deleted;
    }

    public boolean setRole(long accountId, String role) {
        if (!Roles.valid(role)) return false;
        boolean changed = accounts.setRole(accountId, role);
        if (changed) {
            log.atInfo().addKeyValue("event", "role_changed").addKeyValue("account_id", accountId).addKeyValue("role", role)
                    .log("Role changed");
        }
        return changed;
    }

    private String newToken(long accountId, Duration lifetime) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        accounts.addResetToken(accountId, hash(token), clock.instant().plus(lifetime));
        return token;
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((token == null ? "" : token).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void inBackground(Runnable task) {
        Thread.ofVirtual().name("account-mail").start(task);
    }
}
