package dev.baton.account;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The account the current request acts for. Every module scopes its queries with {@link #id()}.
 */
@Component
public class CurrentAccount {

    public UUID id() {
        return principal().accountId();
    }

    public BatonPrincipal principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof BatonPrincipal principal) {
            return principal;
        }
        throw new AuthenticationCredentialsNotFoundException("No account is signed in");
    }
}
