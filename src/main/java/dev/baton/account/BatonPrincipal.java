package dev.baton.account;

import org.springframework.security.core.AuthenticatedPrincipal;

import java.io.Serializable;
import java.util.UUID;

/**
 * Who is calling: a user of the web UI or an API key, always on behalf of exactly one account.
 */
public record BatonPrincipal(UUID accountId, String name, Role role) implements AuthenticatedPrincipal, Serializable {

    @Override
    public String getName() {
        return name;
    }
}
