package dev.baton.account;

import org.springframework.security.core.AuthenticatedPrincipal;

import java.io.Serializable;
import java.util.UUID;

/**
 * Who is calling: a user of the web UI or an API key, always on behalf of exactly one account. {@code userId} is the
 * signed-in user's id; null for an API key, which is nobody in particular.
 */
public record BatonPrincipal(UUID accountId, UUID userId, String name, Role role)
        implements AuthenticatedPrincipal, Serializable {

    @Override
    public String getName() {
        return name;
    }
}
