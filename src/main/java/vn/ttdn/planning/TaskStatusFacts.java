package vn.ttdn.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps with each task what its status follows from ({@code overdue_from}, {@code
 * progress_recorded}; {@link TaskStatus#overdueFrom}), recomputed whenever progress is recorded,
 * and at start-up for tasks written before these facts were kept.
 */
@Component
@Order(0)
class TaskStatusFacts implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(TaskStatusFacts.class);
	private static final int BATCH = 1_000;

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;

	TaskStatusFacts(JdbcClient jdbc, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.tx = tx;
	}

	/** Recomputes the facts of these tasks from their schedules and progress records. */
	void derive(List<Long> taskIds) {
		if (taskIds.isEmpty()) {
			return;
		}
		record Row(long id, String schedulePhrase, String scheduleKind, @Nullable LocalDate scheduleStart,
				@Nullable LocalDate scheduleDue, @Nullable String scheduleFrequency) {
		}
		List<Row> rows = jdbc.sql("""
				select id, schedule_phrase, schedule_kind, schedule_start, schedule_due, schedule_frequency
				from plan_task where id in (:ids)""")
			.param("ids", taskIds)
			.query(Row.class)
			.list();
		Map<Long, List<LocalDate>> recorded = new HashMap<>();
		jdbc.sql("select task_id, recorded_on from task_progress where task_id in (:ids)")
			.param("ids", taskIds)
			.query((rs, i) -> recorded.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getObject(2, LocalDate.class)))
			.list();
		for (Row r : rows) {
			Schedule schedule = new Schedule(r.schedulePhrase(), Schedule.Kind.valueOf(r.scheduleKind()), r.scheduleStart(),
					r.scheduleDue(), r.scheduleFrequency() == null ? null : Schedule.Frequency.valueOf(r.scheduleFrequency()));
			List<LocalDate> dates = recorded.getOrDefault(r.id(), List.of());
			jdbc.sql("update plan_task set overdue_from = ?, progress_recorded = ?, status_derived = true where id = ?")
				.params(TaskStatus.overdueFrom(schedule, dates), !dates.isEmpty(), r.id())
				.update();
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		int total = 0;
		while (true) {
			List<Long> ids = jdbc.sql("select id from plan_task where not status_derived order by id limit " + BATCH)
				.query(Long.class)
				.list();
			if (ids.isEmpty()) {
				break;
			}
			tx.executeWithoutResult(s -> derive(ids));
			total += ids.size();
		}
		if (total > 0) {
			log.info("Status facts derived for {} tasks written before they were kept", total);
		}
	}
}
