package vn.ttdn.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.shared.TtdnProperties;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.security.Actor;
import vn.ttdn.shared.security.AppRole;

/** Accounts: sign-in with lockout after repeated failures, password changes, creation. */
@Service
@Transactional
public class AccountService implements UserDetailsService {

	static final int MIN_PASSWORD_LENGTH = 10;

	private final Accounts accounts;
	private final PasswordEncoder encoder;
	private final TtdnProperties properties;
	private final Clock clock;

	private final RecentPrincipals recent;

	AccountService(Accounts accounts, PasswordEncoder encoder, TtdnProperties properties, Clock clock, RecentPrincipals recent) {
		this.recent = recent;
		this.accounts = accounts;
		this.encoder = encoder;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		Account account = accounts.findByUsernameIgnoreCase(username.strip())
			.orElseThrow(() -> new UsernameNotFoundException(username));
		return new AccountPrincipal(account.actor(), account.getPasswordHash(), account.isEnabled(),
				account.isLocked(Instant.now(clock)), account.getFailedLogins());
	}

	@EventListener
	void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		recent.removeUserFromCache(String.valueOf(event.getAuthentication().getPrincipal()));
		accounts.findByUsernameIgnoreCase(String.valueOf(event.getAuthentication().getPrincipal()).strip())
			.ifPresent(a -> a.failedLogin(Instant.now(clock), properties.security().maxFailedLogins(),
					properties.security().lockout()));
	}

	/**
	 * After a successful sign-in, only when there is something to reset. Not a transactional listener
	 * itself: API clients authenticate on every request, and a transaction (a pooled connection) per
	 * request for nothing was a good part of an API call's cost.
	 */
	@Component
	static class SignInSucceeded {

		private final AccountService service;

		SignInSucceeded(AccountService service) {
			this.service = service;
		}

		@EventListener
		void onSuccess(AuthenticationSuccessEvent event) {
			if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal p && p.failedLogins() > 0) {
				service.succeededLogin(p.actor().accountId(), p.getUsername());
			}
		}
	}

	/** A sign-in succeeded after failed ones: the failure count starts again. */
	public void succeededLogin(long accountId, String username) {
		recent.removeUserFromCache(username);
		accounts.findById(accountId).ifPresent(Account::succeededLogin);
	}

	public void changePassword(Actor actor, String current, String next, String repeated) {
		Account account = accounts.findById(actor.accountId()).orElseThrow();
		if (!encoder.matches(current, account.getPasswordHash())) {
			throw new UserError("error.password.currentWrong");
		}
		if (!next.equals(repeated)) {
			throw new UserError("error.password.mismatch");
		}
		requireStrong(next);
		account.changePassword(encoder.encode(next), Instant.now(clock));
		recent.removeUserFromCache(account.getUsername());
	}

	/** Creates an account; used by the administrators' screens and by loaders. */
	public Account create(String username, String password, String displayName, @Nullable String email, AppRole role,
			@Nullable String jurisdictionCode, @Nullable Long unitId, boolean demo) {
		if (accounts.findByUsernameIgnoreCase(username).isPresent()) {
			throw new UserError("error.account.exists", username);
		}
		requireStrong(password);
		return accounts.save(new Account(username, encoder.encode(password), displayName, email, role,
				jurisdictionCode, unitId, demo));
	}

	@Transactional(readOnly = true)
	public List<Account> all() {
		return accounts.findAllByOrderByJurisdictionCodeAscRoleAscUsernameAsc();
	}

	@Transactional(readOnly = true)
	public boolean any() {
		return accounts.count() > 0;
	}

	private static void requireStrong(String password) {
		if (password.length() < MIN_PASSWORD_LENGTH || password.chars().noneMatch(Character::isLetter)
				|| password.chars().noneMatch(Character::isDigit)) {
			throw new UserError("error.password.weak", MIN_PASSWORD_LENGTH);
		}
	}
}
