package vn.ttdn.organization;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.ttdn.shared.Completions;
import vn.ttdn.shared.Poller;

/**
 * Answers repeated reads of the registry from memory. The registry changes rarely and is read on
 * every page, so each answer is kept with the registry revision it was computed at.
 * <p>
 * The revision is a counter in PostgreSQL ({@code registry_revision}) that every writing transaction
 * increments ({@link #changed()}). Each node keeps the newest revision it knows in memory, so that a
 * read costs no database round trip:
 * <ul>
 * <li>a write on this node raises it as soon as its transaction has committed, so that the writer's
 * next read, and everyone's on this node, sees the change at once;</li>
 * <li>writes on other nodes are picked up by a light background poll of the counter (every
 * {@code ttdn.registry.revision-poll}, 500 ms by default): another node sees a change within that
 * interval plus one round trip.</li>
 * </ul>
 * Within one web request the revision is read once, so that a request sees one state of the registry.
 */
@Component
class RegistryCache implements Poller.Owner {

	private static final Logger log = LoggerFactory.getLogger(RegistryCache.class);
	private static final int CAPACITY = 40_000;
	private static final String REQUEST_ATTRIBUTE = RegistryCache.class.getName() + ".revision";
	private static final long UNKNOWN = -1;

	private record Cached(long revision, Object value) {
	}

	private final JdbcClient jdbc;
	private final AtomicLong known = new AtomicLong(UNKNOWN);
	private final Map<String, Cached> entries = new ConcurrentHashMap<>(4096);
	private final Map<String, Loading> loading = new ConcurrentHashMap<>();
	private final Poller poller;

	RegistryCache(JdbcClient jdbc, @Value("${ttdn.registry.revision-poll:PT0.5S}") Duration pollEvery) {
		this.jdbc = jdbc;
		// The database may be away for a moment; the next poll tries again.
		this.poller = new Poller("registry-revision-poll", pollEvery, pollEvery, this::poll,
				e -> log.debug("Registry revision poll failed", e));
	}

	/** The current revision, taken once per web request (a request sees one state of the registry). */
	long revision() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Long seen) {
			return seen;
		}
		long revision = known.get();
		if (revision == UNKNOWN) {
			revision = poll();
		}
		if (request != null) {
			request.setAttribute(REQUEST_ATTRIBUTE, revision, RequestAttributes.SCOPE_REQUEST);
		}
		return revision;
	}

	/**
	 * Within the caller's transaction: the registry changed. The counter in PostgreSQL moves with the
	 * transaction; this node's revision follows once the transaction has committed (at once when
	 * there is none), and the current request reads the registry afresh.
	 */
	void changed() {
		long next = jdbc.sql("update registry_revision set revision = revision + 1 where id = 1 returning revision")
			.query(Long.class)
			.single();
		forgetRequestRevision();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					advanceTo(next);
					forgetRequestRevision();
				}
			});
		}
		else {
			advanceTo(next);
		}
	}

	/** Reads the counter from PostgreSQL and moves this node's revision up to it: the poll, and the first read. */
	long poll() {
		long current = jdbc.sql("select revision from registry_revision where id = 1").query(Long.class).single();
		return advanceTo(current);
	}

	private long advanceTo(long revision) {
		return known.accumulateAndGet(revision, Math::max);
	}

	private static void forgetRequestRevision() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.removeAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		}
	}

	/**
	 * The answer for {@code key} at the current revision, loaded by {@code load} if this node has none.
	 * Requests that want the same answer while it is being loaded wait for that load instead of each
	 * running their own (after a change, fifty readers of one province would otherwise all load it).
	 */
	@SuppressWarnings("unchecked")
	<T> T get(String key, Supplier<T> load) {
		long revision = revision();
		Cached entry = entries.get(key);
		if (entry != null && entry.revision() == revision) {
			return (T) entry.value();
		}
		Loading mine = new Loading(revision, new CompletableFuture<>());
		Loading running = loading.putIfAbsent(key, mine);
		if (running != null && running.revision() == revision) {
			return (T) Completions.join(running.result());
		}
		if (running != null) {
			// a load for another revision is still running: load this one without waiting for it
			return store(key, revision, load.get());
		}
		try {
			T value = store(key, revision, load.get());
			mine.result().complete(value);
			return value;
		}
		catch (RuntimeException | Error e) {
			mine.result().completeExceptionally(e);
			throw e;
		}
		finally {
			loading.remove(key, mine);
		}
	}

	private record Loading(long revision, CompletableFuture<Object> result) {
	}

	private <T> T store(String key, long revision, T value) {
		if (entries.size() >= CAPACITY) {
			// Entries of earlier revisions are of no use any more; if that is not enough, start afresh.
			entries.values().removeIf(e -> e.revision() != revision);
			if (entries.size() >= CAPACITY) {
				entries.clear();
			}
		}
		entries.put(key, new Cached(revision, value));
		return value;
	}

	// ---------------------------------------------------------------- the poll of other nodes' changes

	@Override
	public Poller poller() {
		return poller;
	}
}
