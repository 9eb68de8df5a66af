package org.tidings.server.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tidings.server.i18n.Message;

/**
 * The "Apps and scripts" section of {@code /account}: the reader's personal access tokens, made and revoked there. A new
 * token's secret is shown in the answer to the form itself, never kept in the session for a page after a redirect:
 * sessions are stored in the database, and the secret must be stored nowhere.
 */
@Controller
record AccessTokenController(AccessTokens tokens, AccountPage page, CurrentReader current) {

    @PostMapping("/account/tokens")
    String issue(@RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "scope", defaultValue = "") String scope, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes flash) {
        long reader = current.require();
        AccessTokens.Issued issued = tokens.issue(reader, name, scope);
        if (issued.problem() != null) {
            flash.addFlashAttribute("problem", issued.problem());
            return "redirect:/account#tokens";
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("issuedToken", issued.secret());
        return page.show(reader, request, model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable("id") long id, RedirectAttributes flash) {
        boolean revoked = tokens.revoke(current.require(), id);
        flash.addFlashAttribute(revoked ? "notice" : "problem", Message.of(revoked ? "account.tokens.revoked" : "account.tokens.unknown"));
        return "redirect:/account#tokens";
    }
}
