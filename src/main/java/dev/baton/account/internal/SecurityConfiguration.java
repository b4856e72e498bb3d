package dev.baton.account.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two doors: the HTTP API ({@code /api/**}) takes per-account API keys and keeps no session; the web UI signs
 * users in with a login page. Owners and admins see everything; managers only the inbox (and their own availability).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Redirects, key deliveries and webhooks from store platforms: signed by the platform or carrying a single-use
     * nonce, never a Baton session.
     */
    static final String[] PLATFORM_CALLBACKS = {"/shopify/callback", "/woocommerce/callback", "/webhooks/**"};

    /** The chat widget on stores' pages: its script and its API, named by the public widget key; no cookies. */
    static final String[] WEB_CHAT_WIDGET = {"/widget/**"};

    /** A signed-in user's own availability (any role). */
    static final String MY_AVAILABILITY = "/team/me/availability";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, AccountRepository accounts) throws Exception {
        var entryPoint = new ProblemAuthenticationEntryPoint();
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .addFilterBefore(new ApiKeyAuthenticationFilter(accounts, entryPoint), BasicAuthenticationFilter.class)
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        // Store platforms call these; each checks the platform's own signature instead.
                        .requestMatchers(PLATFORM_CALLBACKS).permitAll()
                        .requestMatchers(WEB_CHAT_WIDGET).permitAll()
                        .requestMatchers("/", "/inbox", "/inbox/**").hasAnyRole("OWNER", "ADMIN", "MANAGER")
                        // Every signed-in user says for themselves whether they take handed-over conversations.
                        .requestMatchers(HttpMethod.POST, MY_AVAILABILITY).hasAnyRole("OWNER", "ADMIN", "MANAGER")
                        .anyRequest().hasAnyRole("OWNER", "ADMIN"))
                .csrf(csrf -> csrf.ignoringRequestMatchers(PLATFORM_CALLBACKS).ignoringRequestMatchers(WEB_CHAT_WIDGET))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    @Bean
    AuthenticationProvider authenticationProvider(AccountRepository accounts, PasswordEncoder passwordEncoder) {
        var provider = new DaoAuthenticationProvider(new BatonUserDetailsService(accounts)) {
            @Override
            protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
                    UserDetails user) {
                // The signed-in principal is the account-scoped BatonPrincipal, as for API keys.
                var accountUser = (BatonUserDetailsService.AccountUser) user;
                return super.createSuccessAuthentication(accountUser.principal(), authentication, user);
            }
        };
        provider.setPasswordEncoder(passwordEncoder);
        return provider;
    }
}
