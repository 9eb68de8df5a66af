package org.tidings.server.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.tidings.server.store.AccountStore;

/** What {@code /account} shows of the signed-in reader, whichever form's answer the page is. */
@Component
record AccountPage(AccountStore accounts, ReaderAccounts readers, AccessTokens tokens, SignedInSessions signedIn) {

    /** The page's name, with the reader's profile, sessions and access tokens in the model. */
    String show(long reader, HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        model.addAttribute("profile", accounts.profile(reader).orElseThrow());
        model.addAttribute("sessions", signedIn.of(CurrentReader.name().orElseThrow(), session == null ? null : session.getId()));
        model.addAttribute("resetByMail", readers.resetByMailEnabled());
        model.addAttribute("accessTokens", tokens.of(reader));
        return "account";
    }
}
