package org.tidings.server.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tidings.server.i18n.Message;
import org.tidings.server.site.SiteAddress;
import org.tidings.server.store.AccountStore;

/**
 * The administrator's accounts page: roles, and one-time reset links to hand to a reader (without
 * e-mail, the only way back in after a forgotten password).
 */
@Controller
record AdminAccountsController(AccountStore accounts, ReaderAccounts readers, CurrentReader current, SiteAddress site) {

    static final int PAGE_SIZE = 100;

    @GetMapping("/admin/accounts")
    String list(@RequestParam(name = "page", defaultValue = "1") int pageNumber, Model model) {
        int page = Math.max(1, pageNumber);
        var found = accounts.profiles(PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
        model.addAttribute("accounts", found.subList(0, Math.min(PAGE_SIZE, found.size())));
        model.addAttribute("roles", Roles.ALL);
        model.addAttribute("pageNumber", page);
        model.addAttribute("hasNext", found.size() > PAGE_SIZE);
        model.addAttribute("self", current.require());
        return "admin-accounts";
    }

    /** Changes a role; the administrator cannot demote themself (there must always be one). */
    @PostMapping("/admin/accounts/{id}/role")
    String role(@PathVariable("id") long id, @RequestParam("role") String role, RedirectAttributes flash) {
        flash.addFlashAttribute("notice", id == current.require() ? Message.of("adminAccounts.notSelf")
                : readers.setRole(id, role) ? Message.of("adminAccounts.roleChanged", role) : Message.of("adminAccounts.unknown"));
        return "redirect:/admin/accounts";
    }

    @PostMapping("/admin/accounts/{id}/reset-link")
    String resetLink(@PathVariable("id") long id, HttpServletRequest request, RedirectAttributes flash) {
        var token = readers.issueResetToken(id);
        flash.addFlashAttribute("notice", token.isEmpty() ? Message.of("adminAccounts.unknown")
                : Message.of("adminAccounts.linkIssued", ReaderAccounts.RESET_BY_ADMIN.toHours()));
        token.ifPresent(t -> flash.addFlashAttribute("link", site.base(request) + "/reset/" + t));
        return "redirect:/admin/accounts";
    }
}
