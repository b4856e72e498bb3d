package dev.baton.account.internal;

import dev.baton.account.Team;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Pages and htmx requests mark their user as seen; the API, static files and callbacks from outside do not. */
@Configuration(proxyBeanMethods = false)
class PresenceConfiguration implements WebMvcConfigurer {

    // A provider, so a @WebMvcTest slice (which picks up every WebMvcConfigurer) needs no Team bean.
    private final ObjectProvider<Team> team;

    PresenceConfiguration(ObjectProvider<Team> team) {
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
