package org.tidings.server.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.tidings.server.i18n.Message;

/** Renders the error page for a thing that does not exist, with a sentence that names it. */
final class NotFound {

    private NotFound() {}

    static String page(HttpServletResponse response, Model model, Message message) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("status", 404);
        model.addAttribute("reason", Message.of("error.reason.404"));
        model.addAttribute("message", message);
        return "error";
    }
}
