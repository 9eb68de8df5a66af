package org.tidings.server.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security checks the posted form. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(@RequestParam(name = "error", required = false) String error,
            @RequestParam(name = "logout", required = false) String logout,
            @RequestParam(name = "slow", required = false) Long slow, Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("slow", slow == null ? null : Math.max(1, slow));
        return "login";
    }
}
