package dev.baton.account.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** Where signing in lands: managers work in the inbox, owners and admins start with the knowledge base. */
    @GetMapping("/")
    String home(org.springframework.security.core.Authentication authentication) {
        boolean manager = authentication != null && authentication.getAuthorities().stream()
                .noneMatch(a -> a.getAuthority().equals("ROLE_OWNER") || a.getAuthority().equals("ROLE_ADMIN"));
        return manager ? "redirect:/inbox" : "redirect:/knowledge";
    }
}
