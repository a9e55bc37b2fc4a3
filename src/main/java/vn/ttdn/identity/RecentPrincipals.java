package vn.ttdn.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.userdetails.UserCache;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * Accounts recently loaded for sign-in, kept for a few seconds: API clients authenticate on every
 * request (HTTP Basic), and loading the account from the database each time cost more than the
 * request itself. Everything that changes an account on this node forgets it at once (a failed
 * sign-in, a reset of the failure count, a new password); another node's change is seen within
 * {@link #TTL}. A cached account whose checks fail is loaded again before the sign-in is refused.
 */
@Component
class RecentPrincipals implements UserCache {

	static final Duration TTL = Duration.ofSeconds(10);
	private static final int CAPACITY = 20_000;

	private record Entry(UserDetails user, Instant until) {
	}

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();
	private final Clock clock;

	RecentPrincipals(Clock clock) {
		this.clock = clock;
	}

	@Override
	public @Nullable UserDetails getUserFromCache(String username) {
		Entry entry = entries.get(key(username));
		if (entry == null) {
			return null;
		}
		if (entry.until().isBefore(Instant.now(clock))) {
			entries.remove(key(username), entry);
			return null;
		}
		return entry.user();
	}

	@Override
	public void putUserInCache(UserDetails user) {
		if (entries.size() >= CAPACITY) {
			entries.clear();
		}
		entries.put(key(user.getUsername()), new Entry(user, Instant.now(clock).plus(TTL)));
	}

	@Override
	public void removeUserFromCache(String username) {
		entries.remove(key(username));
	}

	private static String key(String username) {
		return username.strip().toLowerCase(Locale.ROOT);
	}
}
