package org.tidings.server.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

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
        HttpStatus httpStatus = HttpStatus.resolve(status);
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("reason", httpStatus == null ? "Error" : httpStatus.getReasonPhrase());
        model.addAttribute("message", message(status));
        return "error";
    }

    /** Only our own sentences: an exception's message may carry internals. */
    private static String message(int status) {
        return switch (status) {
            case 400 -> "The request was not understood.";
            case 403 -> "You are not allowed to do that. If you are the administrator, sign in first.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not take that kind of request.";
            default -> status >= 500 ? "Something went wrong on our side. It has been logged; please try again."
                    : "The request could not be served.";
        };
    }
}
