package vn.ttdn.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.MapSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import vn.ttdn.shared.Poller;

/**
 * The web sessions, stored in PostgreSQL by Spring Session JDBC, with a short-lived copy of each
 * recently read session on this node, so that a page neither reads the session from the database
 * nor writes it back when nothing but its last access moved.
 * <ul>
 * <li><b>Reading.</b> A session read from PostgreSQL is kept on this node (its attributes
 * deserialised once) for at most {@code ttdn.session.keep} (10 s by default), and only while this
 * node's poll of {@code session_change} is working. A kept copy is used only if the session has not
 * expired by the last access stored in PostgreSQL, which is never later than the real one: a session
 * that the database would treat as expired is read again, and the store deletes it.</li>
 * <li><b>Writing.</b> A request that changes nothing but the last access writes nothing, unless the
 * stored last access is a minute old or more; then it writes the last access and expiry alone. A
 * request that changes the session (an attribute, its id at sign-in, its timeout) reads the session
 * afresh from PostgreSQL, applies the change and saves it through Spring Session, as before.</li>
 * <li><b>Other nodes.</b> A change or an end (sign-out) is recorded in {@code session_change}; every
 * node polls it (every {@code ttdn.session.change-poll}, 250 ms by default) and drops its copy of
 * those sessions. So a sign-out on one node ends the session on the others within one poll (plus a
 * round trip); this node drops its own copy at once. If the poll fails for a second, the copies are
 * dropped and every request reads PostgreSQL until the poll works again.</li>
 * </ul>
 * The price: for up to one poll interval after a change made on another node, this node may still
 * serve the session as it was (see docs/operations.md).
 */
final class NodeSessions implements SessionRepository<NodeSessions.NodeSession>, Poller.Owner {

	private static final Logger log = LoggerFactory.getLogger(NodeSessions.class);

	/** The stored last access is moved at most once a minute (as {@link SecurityConfiguration#SESSION_UPDATE} does). */
	static final Duration ACCESS_WRITTEN_EVERY = Duration.ofMinutes(1);
	private static final int CAPACITY = 20_000;
	private static final Duration KEEP_CHANGES = Duration.ofHours(1);

	/** A session as read from PostgreSQL, attributes deserialised. */
	record Kept(String id, Instant created, Instant storedAccess, Duration maxInactive, Map<String, Object> attributes,
			long keptAt) {

		boolean expiredByStore(Instant now) {
			return !maxInactive.isNegative() && storedAccess.plus(maxInactive).isBefore(now);
		}
	}

	/** Spring Session's own repository, seen through its interface (its session class is not public). */
	private final SessionRepository<Session> store;
	private final JdbcClient jdbc;
	private final long keepNanos;
	private final long liveNanos;
	private final Map<String, Kept> kept = new ConcurrentHashMap<>(1024);
	/** Moved by every drop, so that a read racing with a change does not keep what it read. */
	private final AtomicLong drops = new AtomicLong();
	/** Changes already applied, by sequence number, for the re-read of the last seconds. */
	private final Map<Long, Long> seen = Collections.synchronizedMap(new LinkedHashMap<>());
	private volatile long lastSeq = -1;
	private volatile long lastPoll = System.nanoTime() - Long.MAX_VALUE / 2;
	private volatile long lastPrune = System.nanoTime();
	private final Poller poller;

	NodeSessions(JdbcIndexedSessionRepository store, JdbcClient jdbc, Duration keep, Duration pollEvery) {
		@SuppressWarnings("unchecked")
		SessionRepository<Session> sessions = (SessionRepository<Session>) (SessionRepository<?>) store;
		this.store = sessions;
		this.jdbc = jdbc;
		this.keepNanos = keep.toNanos();
		this.poller = new Poller("session-change-poll", Duration.ZERO, pollEvery, this::poll, e -> {
			// Copies are not used until a poll works again (live()); none is kept from before.
			dropAll();
			log.debug("Session change poll failed", e);
		});
		this.liveNanos = Math.max(Duration.ofSeconds(1).toNanos(), 4 * pollEvery.toNanos());
	}

	@Override
	public NodeSession createSession() {
		return new NodeSession(null, null, store.createSession(), true);
	}

	@Override
	public @Nullable NodeSession findById(String id) {
		long now = System.nanoTime();
		Kept copy = kept.get(id);
		if (copy != null && live(now) && now - copy.keptAt() < keepNanos && !copy.expiredByStore(Instant.now())) {
			return new NodeSession(copy, null, null, false);
		}
		long dropsBefore = drops.get();
		var stored = store.findById(id);
		if (stored == null) {
			kept.remove(id);
			return null;
		}
		Map<String, Object> attributes = new HashMap<>();
		for (String name : stored.getAttributeNames()) {
			Object value = stored.getAttribute(name);
			if (value != null) {
				attributes.put(name, value);
			}
		}
		Kept fresh = new Kept(id, stored.getCreationTime(), stored.getLastAccessedTime(), stored.getMaxInactiveInterval(),
				Collections.unmodifiableMap(attributes), now);
		if (live(now) && drops.get() == dropsBefore) {
			if (kept.size() >= CAPACITY) {
				kept.clear();
			}
			kept.put(id, fresh);
		}
		return new NodeSession(fresh, stored, null, false);
	}

	@Override
	public void save(NodeSession session) {
		if (session.gone) {
			return;
		}
		if (session.writable == null) {
			Kept copy = session.kept;
			if (copy != null && !session.lastAccess.isBefore(copy.storedAccess().plus(ACCESS_WRITTEN_EVERY))) {
				Instant access = session.lastAccess;
				long expiry = copy.maxInactive().isNegative() ? Long.MAX_VALUE : access.plus(copy.maxInactive()).toEpochMilli();
				jdbc.sql("update spring_session set last_access_time = ?, expiry_time = ? where session_id = ? and last_access_time < ?")
					.params(access.toEpochMilli(), expiry, copy.id(), access.toEpochMilli())
					.update();
				kept.computeIfPresent(copy.id(), (id, k) -> k.storedAccess().isBefore(access)
						? new Kept(k.id(), k.created(), access, k.maxInactive(), k.attributes(), k.keptAt()) : k);
			}
			return;
		}
		String before = session.kept != null ? session.kept.id() : null;
		store.save(session.writable);
		String after = session.writable.getId();
		drop(before);
		drop(after);
		if (!session.created) {
			announce(before != null ? before : after);
			if (before != null && !before.equals(after)) {
				announce(after);
			}
		}
	}

	@Override
	public void deleteById(String id) {
		store.deleteById(id);
		drop(id);
		announce(id);
	}

	/** Drops this node's copy of a session (it is read from PostgreSQL next time). */
	void drop(@Nullable String id) {
		if (id != null) {
			drops.incrementAndGet();
			kept.remove(id);
		}
	}

	private void announce(String id) {
		jdbc.sql("insert into session_change (session_id) values (?)").param(id).update();
	}

	private boolean live(long now) {
		return now - lastPoll < liveNanos;
	}

	/** Drops the copies of the sessions changed or ended on any node since the last poll. */
	void poll() {
		if (lastSeq < 0) {
			long max = jdbc.sql("select coalesce(max(seq), 0) from session_change").query(Long.class).single();
			dropAll();
			lastSeq = max;
			lastPoll = System.nanoTime();
			return;
		}
		// Also the last seconds again: a change may commit after one with a higher number was seen.
		List<Change> changes = jdbc.sql("""
				select seq, session_id from session_change
				where seq > ? or changed_at > clock_timestamp() - interval '5 seconds' order by seq""")
			.param(lastSeq)
			.query(Change.class)
			.list();
		long now = System.nanoTime();
		long max = lastSeq;
		for (Change change : changes) {
			if (seen.putIfAbsent(change.seq(), now) == null) {
				drop(change.sessionId().strip());
			}
			max = Math.max(max, change.seq());
		}
		synchronized (seen) {
			seen.values().removeIf(at -> now - at > Duration.ofSeconds(10).toNanos());
		}
		lastSeq = max;
		lastPoll = now;
		if (now - lastPrune > Duration.ofMinutes(1).toNanos()) {
			lastPrune = now;
			jdbc.sql("delete from session_change where changed_at < clock_timestamp() - make_interval(secs => ?)")
				.param(KEEP_CHANGES.toSeconds())
				.update();
		}
	}

	private void dropAll() {
		drops.incrementAndGet();
		kept.clear();
	}

	record Change(long seq, String sessionId) {
	}

	@Override
	public Poller poller() {
		return poller;
	}

	/**
	 * One request's view of a session: the kept copy while the request only reads; the stored session,
	 * read afresh, from the first change on.
	 */
	final class NodeSession implements Session {

		private final @Nullable Kept kept;
		private @Nullable Session loaded;
		private @Nullable Session writable;
		private final boolean created;
		private boolean gone;
		private Instant lastAccess;

		NodeSession(@Nullable Kept kept, @Nullable Session loaded, @Nullable Session created, boolean isNew) {
			this.kept = kept;
			this.loaded = loaded;
			this.writable = created;
			this.created = isNew;
			this.lastAccess = kept != null ? kept.storedAccess() : created.getLastAccessedTime();
		}

		private Session writable() {
			if (writable == null) {
				Session stored = loaded != null ? loaded : store.findById(kept.id());
				if (stored == null) {
					// Ended meanwhile (on another node): the changes go nowhere, the session is not brought back.
					gone = true;
					stored = new MapSession(kept.id());
				}
				stored.setLastAccessedTime(lastAccess);
				writable = stored;
			}
			return writable;
		}

		/** Whether this request changed more than the last access (tests). */
		boolean changed() {
			return writable != null;
		}

		@Override
		public String getId() {
			return writable != null ? writable.getId() : kept.id();
		}

		@Override
		public String changeSessionId() {
			return writable().changeSessionId();
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T> @Nullable T getAttribute(String attributeName) {
			return writable != null ? writable.getAttribute(attributeName) : (T) kept.attributes().get(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return writable != null ? writable.getAttributeNames() : kept.attributes().keySet();
		}

		@Override
		public void setAttribute(String attributeName, @Nullable Object attributeValue) {
			if (attributeValue == null && getAttribute(attributeName) == null) {
				return;
			}
			writable().setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			setAttribute(attributeName, null);
		}

		@Override
		public Instant getCreationTime() {
			return writable != null ? writable.getCreationTime() : kept.created();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			lastAccess = lastAccessedTime;
			if (writable != null) {
				writable.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public Instant getLastAccessedTime() {
			return lastAccess;
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			if (!interval.equals(getMaxInactiveInterval())) {
				writable().setMaxInactiveInterval(interval);
			}
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return writable != null ? writable.getMaxInactiveInterval() : kept.maxInactive();
		}

		@Override
		public boolean isExpired() {
			Duration max = getMaxInactiveInterval();
			return !max.isNegative() && lastAccess.plus(max).isBefore(Instant.now());
		}
	}
}
