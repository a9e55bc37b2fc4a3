package vn.ttdn.demo;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads each named demo dataset exactly once: in one transaction (all or nothing), under a
 * PostgreSQL advisory lock so that several nodes starting together load it once, and marked in
 * {@code demo_dataset} so that restarts skip it.
 */
@Component
class DemoDatasets {

	private static final Logger log = LoggerFactory.getLogger(DemoDatasets.class);

	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final Clock clock;

	DemoDatasets(JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
	}

	boolean isLoaded(String name) {
		return jdbc.sql("select count(*) from demo_dataset where name = ?").param(name).query(Long.class).single() > 0;
	}

	void loadOnce(String name, Runnable load) {
		if (isLoaded(name)) {
			return;
		}
		long started = System.nanoTime();
		boolean loaded = Boolean.TRUE.equals(transaction.execute(status -> {
			jdbc.sql("select pg_advisory_xact_lock(7001)").query((rs, i) -> 1).single();
			if (isLoaded(name)) {
				return false;
			}
			load.run();
			jdbc.sql("insert into demo_dataset (name, loaded_at) values (?, ?)")
				.params(name, java.sql.Timestamp.from(Instant.now(clock)))
				.update();
			return true;
		}));
		if (loaded) {
			log.info("Demo data {} loaded in {} ms", name, (System.nanoTime() - started) / 1_000_000);
		}
	}
}
