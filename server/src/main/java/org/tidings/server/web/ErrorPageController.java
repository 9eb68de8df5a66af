package org.tidings.server.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.tidings.server.i18n.Message;

/**
 * Every error a reader can meet ends here: a page with the status and a plain sentence, never a
 * stack trace or an exception message from inside the server.
 */
@Controller
class ErrorPageController implements ErrorController {

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        response.setStatus(status);
        String kind = kind(status);
        model.addAttribute("status", status);
        model.addAttribute("reason", Message.of("error.reason." + kind));
        model.addAttribute("message", Message.of("error." + kind));
        return "error";
    }

    /** Only our own sentences, one per kind of failure: an exception's message may carry internals. */
    private static String kind(int status) {
        return switch (status) {
            case 400, 403, 404, 405 -> String.valueOf(status);
            default -> status >= 500 ? "500" : "other";
        };
    }
}
