package dev.baton.shared.web;

import dev.baton.shared.BatonException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Pages show what went wrong in words, on the same layout, instead of an error dump. */
@Order(Ordered.LOWEST_PRECEDENCE)
@ControllerAdvice(annotations = Controller.class)
class PageErrorAdvice {

    @ExceptionHandler(BatonException.class)
    String handle(BatonException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status());
        model.addAttribute("status", e.status()).addAttribute("title", e.title()).addAttribute("detail", e.getMessage());
        return "error";
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        model.addAttribute("status", 413).addAttribute("title", "File too large")
                .addAttribute("detail", "The file is larger than the upload limit of 10 MB. Split it, or save it "
                        + "as plain text, which is much smaller.");
        return "error";
    }
}
