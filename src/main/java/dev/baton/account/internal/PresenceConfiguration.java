package dev.baton.account.internal;

import dev.baton.account.Team;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Pages and htmx requests mark their user as seen; the API, static files and callbacks from outside do not. */
@Configuration(proxyBeanMethods = false)
class PresenceConfiguration implements WebMvcConfigurer {

    private final Team team;

    PresenceConfiguration(Team team) {
        this.team = team;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PresenceInterceptor(team))
                .excludePathPatterns("/api/**", "/css/**", "/js/**", "/webjars/**", "/favicon.*", "/error",
                        "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/login")
                .excludePathPatterns(SecurityConfiguration.PLATFORM_CALLBACKS)
                .excludePathPatterns(SecurityConfiguration.WEB_CHAT_WIDGET);
    }
}
