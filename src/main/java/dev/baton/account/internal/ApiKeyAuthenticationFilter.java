package dev.baton.account.internal;

import dev.baton.account.BatonPrincipal;
import dev.baton.account.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * Authenticates {@code /api/**} calls by their {@code Authorization: Bearer <key>} header. A key acts as the
 * account's owner. Missing and wrong keys both go to the entry point, which answers 401 problem details.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final AccountRepository accounts;
    private final AuthenticationEntryPoint entryPoint;

    ApiKeyAuthenticationFilter(AccountRepository accounts, AuthenticationEntryPoint entryPoint) {
        this.accounts = accounts;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<UUID> account = accounts.findAccountByKeyHash(ApiKeys.hash(header.substring(BEARER.length()).trim()));
        if (account.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("Unknown API key"));
            return;
        }
        BatonPrincipal principal = new BatonPrincipal(account.get(), null, "api-key", Role.OWNER);
        var authentication = new UsernamePasswordAuthenticationToken(principal, null,
                AuthorityUtils.createAuthorityList("ROLE_" + Role.OWNER.name()));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        chain.doFilter(request, response);
    }
}
