package vn.ttdn.promotion;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.ttdn.shared.security.Actor;

/**
 * Keeps the search index in step with the database: changes are indexed as they are committed; at
 * start, an index that does not hold every translation (new disk, restored database), or holds
 * some as an earlier version wrote them (without a field searches now rely on), is rebuilt —
 * at once when small, in the background with progress when large; and an administrator can rebuild
 * it at any time.
 */
@Component
@Order(30)
public class SearchIndex implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
	private static final long REBUILD_IN_FOREGROUND = 5_000;

	private final EntityManagerFactory entityManagerFactory;
	private final JdbcClient jdbc;
	private final AtomicReference<Progress> progress = new AtomicReference<>(new Progress("IDLE", 0, 0, null, null));

	SearchIndex(EntityManagerFactory entityManagerFactory, JdbcClient jdbc) {
		this.entityManagerFactory = entityManagerFactory;
		this.jdbc = jdbc;
	}

	public record Progress(String status, long done, long total, @Nullable Instant started, @Nullable Instant finished) {
	}

	@Override
	public void run(ApplicationArguments args) {
		long rows = jdbc.sql("select count(*) from promo_translation").query(Long.class).single();
		long indexed;
		try (var em = entityManagerFactory.createEntityManager()) {
			// A document of an earlier layout lacks fields that searches now rely on: it counts as not indexed.
			indexed = Search.session(em).search(Translation.class)
				.where(f -> f.match().field(TranslationText.LAYOUT_FIELD).matching(TranslationText.LAYOUT))
				.fetchTotalHitCount();
		}
		if (rows == indexed) {
			return;
		}
		log.info("Search index holds {} of {} translations: rebuilding", indexed, rows);
		if (rows <= REBUILD_IN_FOREGROUND) {
			rebuildNow(rows);
		}
		else {
			Thread.ofVirtual().name("search-reindex").start(() -> rebuildNow(rows));
		}
	}

	public Progress rebuild(Actor actor) {
		if (!actor.isSystemAdmin()) {
			throw new AccessDeniedException("rebuild the search index");
		}
		long rows = jdbc.sql("select count(*) from promo_translation").query(Long.class).single();
		if (!"RUNNING".equals(progress.get().status())) {
			Thread.ofVirtual().name("search-reindex").start(() -> rebuildNow(rows));
		}
		return progress.get();
	}

	public Progress progress() {
		return progress.get();
	}

	/** Rebuilds the whole index and returns the number of translations per second. */
	public double rebuildNow(long total) {
		Instant started = Instant.now();
		progress.set(new Progress("RUNNING", 0, total, started, null));
		var done = new java.util.concurrent.atomic.AtomicLong();
		try (var em = entityManagerFactory.createEntityManager()) {
			Search.session(em).massIndexer(Translation.class)
				.threadsToLoadObjects(2)
				.batchSizeToLoadObjects(500)
				// One segment at the end: a search then looks each word up once instead of once per segment
				// (20 segments after a million items), which is most of the cost of a selective query.
				.mergeSegmentsOnFinish(true)
				.monitor(new MassIndexingMonitor() {
					@Override
					public void documentsAdded(long increment) {
						progress.set(new Progress("RUNNING", done.addAndGet(increment), total, started, null));
					}

					@Override
					public void entitiesLoaded(long increment) {
					}

					@Override
					public void documentsBuilt(long increment) {
					}

					@Override
					public void addToTotalCount(long count) {
					}

					@Override
					public void indexingCompleted() {
					}
				})
				.startAndWait();
			Instant finished = Instant.now();
			progress.set(new Progress("DONE", done.get(), total, started, finished));
			double seconds = Math.max(0.001, (finished.toEpochMilli() - started.toEpochMilli()) / 1000.0);
			log.info("Search index rebuilt: {} translations in {} s", done.get(), seconds);
			return done.get() / seconds;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			progress.set(new Progress("FAILED", done.get(), total, started, Instant.now()));
			return 0;
		}
		catch (RuntimeException e) {
			log.error("Search index rebuild failed", e);
			progress.set(new Progress("FAILED", done.get(), total, started, Instant.now()));
			return 0;
		}
	}
}
