package org.tidings.server.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.tidings.server.i18n.Message;
import org.tidings.server.store.AccountStore;

/** The reader's account pages; every action works on the session's own account, never an id in the request. */
@Controller
record AccountController(ReaderAccounts readers, AccountStore accounts, CurrentReader current, SessionSignIn sessions,
        SignedInSessions signedIn, AccountPage page) {

    @GetMapping("/signup")
    String signUpForm(@RequestParam(name = "slow", required = false) Long slow, Model model) {
        model.addAttribute("slow", slow == null ? null : Math.max(1, slow));
        return signUpPage(model, null, "", "");
    }

    /** A new reader is signed in; an address that has an account is sent to sign in with it, the address filled in. */
    @PostMapping("/signup")
    String signUp(@RequestParam("email") String email, @RequestParam("displayName") String displayName,
            @RequestParam("password") String password, HttpServletRequest request, HttpServletResponse response,
            Model model, RedirectAttributes flash) {
        ReaderAccounts.SignUp outcome = readers.signUp(email, displayName, password, RequestContextUtils.getLocale(request));
        if (outcome.problem() != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return signUpPage(model, outcome.problem(), email, displayName);
        }
        if (outcome.created()) {
            // back to where signing in was asked for ("Sign in to comment"), else to the reader's own page
            String next = sessions.signIn(outcome.address(), request, response).orElse("/for-you");
            return redirect(flash, next, "notice", Message.of("signup.welcome", displayName.strip()));
        }
        // the owner of a taken address is told by e-mail only when this server sends e-mail: say which
        flash.addFlashAttribute("username", outcome.address());
        return redirect(flash, "/login", "notice", Message.of(readers.resetByMailEnabled() ? "signup.taken" : "signup.takenWithoutMail"));
    }

    private static String signUpPage(Model model, Message problem, String email, String displayName) {
        model.addAttribute("problem", problem);
        model.addAttribute("email", email);
        model.addAttribute("displayName", displayName);
        return "signup";
    }

    @GetMapping("/account")
    String account(HttpServletRequest request, Model model) {
        return page.show(current.require(), request, model);
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam("current") String currentPassword, @RequestParam("password") String password,
            RedirectAttributes flash) {
        Optional<Message> problem = readers.changePassword(current.require(), currentPassword, password);
        return redirect(flash, "/account", problem.isPresent() ? "problem" : "notice",
                problem.orElse(Message.of("account.password.changed")));
    }

    @GetMapping(FreshAccount.CHOOSE_PASSWORD)
    String choosePasswordForm(Model model) {
        if (!readers.mustChoosePassword(current.require())) return "redirect:/account";
        model.addAttribute("problem", null);
        return "choose-password";
    }

    /** The administrator's own password in place of the printed one; then to the page an administrator starts on. */
    @PostMapping(FreshAccount.CHOOSE_PASSWORD)
    String choosePassword(@RequestParam("password") String password, Model model, HttpServletResponse response,
            RedirectAttributes flash) {
        long id = current.require();
        if (!readers.mustChoosePassword(id)) return "redirect:/account";
        Optional<Message> problem = readers.choosePassword(id, password);
        if (problem.isEmpty()) {
            boolean admin = accounts.findById(id).map(a -> Roles.ADMIN.equals(a.role())).orElse(false);
            return redirect(flash, admin ? "/admin/sources" : "/account", "notice", Message.of("choosePassword.done"));
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("problem", problem.get());
        return "choose-password";
    }

    @PostMapping("/account/history")
    String history(@RequestParam("enabled") boolean enabled, RedirectAttributes flash) {
        accounts.setHistoryEnabled(current.require(), enabled);
        return redirect(flash, "/account", "notice", Message.of(enabled ? "account.history.on" : "account.history.off"));
    }

    @GetMapping(value = "/account/export", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> export() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tidings-my-data.json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(readers.export(current.require()));
    }

    /** Ends every session of the reader's account, on every device and every process, this one included. */
    @PostMapping("/account/sign-out-everywhere")
    String signOutEverywhere(HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        current.require();
        signedIn.endAll(CurrentReader.name().orElseThrow());
        new SecurityContextLogoutHandler().logout(request, response, null);
        return redirect(flash, "/login", "notice", Message.of("account.signedOutEverywhere"));
    }

    /** Ends another of the reader's sessions (a lost phone); this browser's own ends by signing out. */
    @PostMapping("/account/sessions/end")
    String endSession(@RequestParam("session") String handle, HttpServletRequest request, RedirectAttributes flash) {
        current.require();
        boolean ended = signedIn.endOther(CurrentReader.name().orElseThrow(), handle, request.getSession().getId());
        return redirect(flash, "/account", ended ? "notice" : "problem",
                Message.of(ended ? "account.sessions.ended" : "account.sessions.gone"));
    }

    @PostMapping("/account/delete")
    String delete(@RequestParam("password") String password, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes flash) {
        long id = current.require();
        if (!readers.passwordMatches(id, password)) {
            return redirect(flash, "/account", "problem", Message.of("account.password.wrong"));
        }
        if (!readers.delete(id)) return redirect(flash, "/account", "problem", Message.of("account.delete.lastAdmin"));
        new SecurityContextLogoutHandler().logout(request, response, null);
        return "redirect:/?deleted";
    }

    @GetMapping("/reset")
    String resetForm(Model model) {
        return resetRequestPage(model, false);
    }

    /** The same answer whether the address has an account or not. */
    @PostMapping("/reset")
    String requestReset(@RequestParam("email") String email, HttpServletRequest request, Model model) {
        readers.requestReset(email, RequestContextUtils.getLocale(request));
        return resetRequestPage(model, true);
    }

    private String resetRequestPage(Model model, boolean sent) {
        model.addAttribute("sent", sent);
        model.addAttribute("byMail", readers.resetByMailEnabled());
        return "reset-request";
    }

    @GetMapping("/reset/{token}")
    String newPasswordForm(@PathVariable("token") String token, Model model, HttpServletResponse response) {
        boolean live = readers.resetTokenLive(token);
        if (!live) response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return newPasswordPage(model, token, live, null);
    }

    @PostMapping("/reset/{token}")
    String resetPassword(@PathVariable("token") String token, @RequestParam("password") String password, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        Optional<Message> problem = readers.resetPassword(token, password);
        if (problem.isEmpty()) return redirect(flash, "/login", "notice", Message.of("reset.done"));
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return newPasswordPage(model, token, readers.resetTokenLive(token), problem.get());
    }

    private static String newPasswordPage(Model model, String token, boolean live, Message problem) {
        model.addAttribute("token", token);
        model.addAttribute("live", live);
        model.addAttribute("problem", problem);
        return "reset-password";
    }

    /** To {@code page}, with a sentence to show there as its {@code kind}: "notice" or "problem". */
    private static String redirect(RedirectAttributes flash, String page, String kind, Message message) {
        flash.addFlashAttribute(kind, message);
        return "redirect:" + page;
    }
}
