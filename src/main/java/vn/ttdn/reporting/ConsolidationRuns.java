package vn.ttdn.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.security.Actor;

/**
 * Builds a consolidation in the background, so that the coordinating department's page answers at
 * once and shows how far the build has got. The progress is a row of {@code consolidation_run}, so
 * any node can show it; a build that has not moved for 10 minutes (its node stopped) may be started
 * again.
 */
@Component
class ConsolidationRuns {

	private static final Logger log = LoggerFactory.getLogger(ConsolidationRuns.class);
	static final Duration STALE = Duration.ofMinutes(10);

	private final JdbcClient jdbc;
	private final Consolidations consolidations;
	private final ReportingQueries queries;
	private final Clock clock;
	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
	private final org.springframework.transaction.support.TransactionTemplate apart;

	ConsolidationRuns(JdbcClient jdbc, Consolidations consolidations, ReportingQueries queries, Clock clock,
			org.springframework.transaction.PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.consolidations = consolidations;
		this.queries = queries;
		this.clock = clock;
		// Progress is written in its own transaction, so that it shows while the build's transaction runs.
		this.apart = new org.springframework.transaction.support.TransactionTemplate(transactions);
		this.apart.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	public record Run(String state, int done, int total, String startedBy, Instant startedAt, @Nullable Instant finishedAt,
			@Nullable String errorKey) {

		public boolean running() {
			return "RUNNING".equals(state);
		}
	}

	Optional<Run> run(long periodId) {
		return jdbc.sql("select state, done, total, started_by, started_at, finished_at, error_key from consolidation_run where period_id = ?")
			.param(periodId)
			.query(Run.class)
			.optional();
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		executor.shutdown();
	}

	/** Starts a build unless one is already running; a finalised consolidation is refused at once. */
	void start(Actor actor, long periodId) {
		var period = queries.period(actor, periodId);
		if (!actor.canManage(period.jurisdictionCode())) {
			throw new AccessDeniedException("consolidation of " + periodId);
		}
		if (consolidations.view(actor, periodId).map(v -> v.status() == Consolidations.Status.FINAL).orElse(false)) {
			throw new UserError("error.consolidation.final");
		}
		Instant now = Instant.now(clock);
		int claimed = jdbc.sql("""
				insert into consolidation_run (period_id, state, done, total, started_by, started_at)
				values (?, 'RUNNING', 0, 0, ?, ?)
				on conflict (period_id) do update set state = 'RUNNING', done = 0, total = 0, started_by = excluded.started_by,
				  started_at = excluded.started_at, finished_at = null, error_key = null
				where consolidation_run.state <> 'RUNNING' or consolidation_run.started_at < ?""")
			.params(periodId, actor.username(), java.sql.Timestamp.from(now), java.sql.Timestamp.from(now.minus(STALE)))
			.update();
		if (claimed == 0) {
			return; // already running
		}
		executor.submit(() -> build(actor, periodId));
	}

	private void build(Actor actor, long periodId) {
		String error = null;
		try {
			consolidations.build(actor, periodId, (done, total) -> apart.executeWithoutResult(status -> jdbc.sql(
					"update consolidation_run set done = ?, total = ?, started_at = ? where period_id = ?")
				.params(done, total, java.sql.Timestamp.from(Instant.now(clock)), periodId)
				.update()));
		}
		catch (UserError e) {
			error = e.key();
		}
		catch (RuntimeException e) {
			log.error("Consolidation of period {} failed", periodId, e);
			error = "error.consolidation.failed";
		}
		jdbc.sql("update consolidation_run set state = ?, done = total, finished_at = ?, error_key = ? where period_id = ?")
			.params(error == null ? "DONE" : "FAILED", java.sql.Timestamp.from(Instant.now(clock)), error, periodId)
			.update();
	}
}
