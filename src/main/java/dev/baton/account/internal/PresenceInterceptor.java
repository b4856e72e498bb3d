package dev.baton.account.internal;

import dev.baton.account.BatonPrincipal;
import dev.baton.account.Team;
import org.springframework.beans.factory.ObjectProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Every page and htmx request of a signed-in user keeps them online ({@link Team#seen}). API keys are nobody in
 * particular and are never seen.
 */
class PresenceInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(PresenceInterceptor.class);

    private final ObjectProvider<Team> team;

    PresenceInterceptor(ObjectProvider<Team> team) {
        this.team = team;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof BatonPrincipal principal
                && principal.userId() != null) {
            try {
                team.ifAvailable(presence -> presence.seen(principal.userId()));
            } catch (DataAccessException e) {
                // Presence is a hint for assignment; the page the user asked for matters more.
                log.warn("Could not record that user {} was seen: {}", principal.userId(), e.getMessage());
            }
        }
        return true;
    }
}
