package dev.baton.account.internal;

import dev.baton.account.BatonPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.util.List;

/** Signs web users in; the principal they get carries their account so pages are scoped like the API. */
class BatonUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;

    BatonUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AccountRepository.StoredUser user = accounts.findUser(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return new AccountUser(user);
    }

    /** Spring Security's user, plus the account it acts for. */
    static final class AccountUser extends User {

        private final BatonPrincipal principal;

        AccountUser(AccountRepository.StoredUser user) {
            super(user.username(), user.passwordHash(), authorities(user));
            this.principal = new BatonPrincipal(user.accountId(), user.id(), user.username(), user.role());
        }

        BatonPrincipal principal() {
            return principal;
        }

        private static List<GrantedAuthority> authorities(AccountRepository.StoredUser user) {
            return AuthorityUtils.createAuthorityList("ROLE_" + user.role().name());
        }
    }
}
