package org.tidings.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tidings.server.i18n.Message;

/** Length, the shipped list of common passwords (also with digits and symbols added), and the reader's own name. */
class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void aLongUncommonPassphraseIsAccepted() {
        assertThat(policy.problem("tidal pools at dawn", "nadia@example.test", "Nadia")).isEmpty();
        assertThat(policy.problem("كلمات سرية طويلة", "nadia@example.test", "Nadia")).isEmpty();
    }

    @Test
    void shortAndHugePasswordsAreRefused() {
        assertThat(policy.problem("abc12", null, null)).contains(Message.of("password.tooShort", PasswordPolicy.MIN_LENGTH));
        assertThat(policy.problem("x".repeat(PasswordPolicy.MAX_LENGTH) + "yz", null, null))
                .contains(Message.of("password.tooLong", PasswordPolicy.MAX_LENGTH));
    }

    @Test
    void commonPasswordsAreRefusedAlsoWithDecorations() {
        for (String common : new String[] {"1234567890", "qwertyuiop", "Password123!", "!!Football2024", "iloveyou12345",
                "zzzzzzzzzzzz", "abababababab"}) {
            assertThat(policy.problem(common, null, null)).as(common).contains(Message.of("password.common"));
        }
    }

    @Test
    void theReadersOwnAddressOrNameIsRefused() {
        assertThat(policy.problem("nadia@example.test!", "nadia@example.test", "Nadia")).contains(Message.of("password.personal"));
        assertThat(policy.problem("my name is Nadia Haddad", "n@example.test", "Nadia Haddad")).contains(Message.of("password.personal"));
    }
}
