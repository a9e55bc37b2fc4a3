package vn.ttdn.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ttdn.planning.Schedule;
import vn.ttdn.planning.TaskStatus;

/**
 * Plans and tasks at national scale for load tests (bench/): for every current unit of the
 * registry an accepted plan for each of the last {@code ttdn.bench.plan-years} years, with
 * {@code ttdn.bench.tasks} tasks in all (500,000 by default) spread evenly over the plans (about
 * 4,900 units × 10 years: 10 or 11 tasks each). Task
 * texts are those of the 2023 appendix (003); schedules are phrases of the kinds officials write,
 * read by {@link Schedule}; some tasks have a progress record, some are completed, and the status
 * facts are derived as the application derives them ({@link TaskStatus#overdueFrom}). Runs after
 * {@link NationalScaleData}, once (a marker row in {@code demo_dataset}).
 */
@Component
@Order(21)
@ConditionalOnProperty(name = "ttdn.bench.generate", havingValue = "true")
class NationalScalePlans implements ApplicationRunner {

	static final String DATASET = "national-scale-plans";
	private static final Logger log = LoggerFactory.getLogger(NationalScalePlans.class);
	private static final int BATCH = 2_000;
	private static final String[] PHRASES = { "Trong năm %d", "Quý I/%d", "Quý II/%d", "Quý III/%d", "Quý IV/%d",
			"Tháng 3/%d", "Tháng 9/%d", "Hàng quý", "Hàng tháng", "Thường xuyên", "6 tháng/lần", "Trước ngày 15/01/%d" };

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transaction;
	private final Clock clock;
	private final int years;
	private final int totalTasks;

	NationalScalePlans(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock,
			@Value("${ttdn.bench.plan-years:10}") int years, @Value("${ttdn.bench.tasks:500000}") int totalTasks) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
		this.years = years;
		this.totalTasks = totalTasks;
	}

	@Override
	public void run(ApplicationArguments args) {
		Long done = jdbc.queryForObject("select count(*) from demo_dataset where name = ?", Long.class, DATASET);
		if (done != null && done > 0) {
			log.info("National-scale plans already present; not generated again");
			return;
		}
		long started = System.nanoTime();
		long tasks = transaction.execute(status -> {
			long n = generate();
			jdbc.update("insert into demo_dataset (name, loaded_at) values (?, ?)", DATASET, Timestamp.from(Instant.now(clock)));
			return n;
		});
		// as autovacuum would after such a load: statistics, and the visibility map for index-only scans
		for (String table : List.of("plan", "plan_task", "task_progress")) {
			jdbc.execute("vacuum analyze " + table);
		}
		log.info("National-scale plans generated in {} ms: {} tasks", (System.nanoTime() - started) / 1_000_000, tasks);
	}

	private record Unit(long id, String jurisdiction, String name) {
	}

	private long generate() {
		List<String> contents = jdbc.queryForList("select content from plan_task order by plan_id, position limit 49", String.class);
		if (contents.isEmpty()) {
			contents = List.of("Tổ chức thông tin đối ngoại theo kế hoạch năm");
		}
		LocalDate today = LocalDate.now(clock);
		List<Unit> units = jdbc.query("""
				select u.id, u.jurisdiction_code, n.name from unit u join unit_name n on n.unit_id = u.id and n.valid_to is null
				where u.valid_to is null and u.type <> 'COLLECTIVE'
				  and not exists (select 1 from plan p where p.unit_id = u.id) order by u.id""",
				(rs, i) -> new Unit(rs.getLong(1), rs.getString(2), rs.getString(3)));
		SplittableRandom random = new SplittableRandom(2026);
		Instant now = Instant.now(clock);
		long count = 0;
		int plans = Math.max(1, units.size() * years);
		int perPlan = totalTasks / plans;
		int withOneMore = totalTasks % plans;
		int planIndex = 0;
		List<Object[]> planRows = new ArrayList<>();
		List<Object[]> taskRows = new ArrayList<>();
		List<Object[]> progressRows = new ArrayList<>();
		Ids planIds = new Ids("plan_id_seq");
		Ids taskIds = new Ids("plan_task_id_seq");
		for (int y = today.getYear() - years + 1; y <= today.getYear(); y++) {
			for (Unit unit : units) {
				long planId = planIds.next();
				planRows.add(new Object[] { planId, unit.jurisdiction(), unit.id(), y,
						"Kế hoạch thông tin đối ngoại năm " + y + " (dữ liệu sinh để đo hiệu năng)", Timestamp.from(now),
						Timestamp.from(now) });
				int tasksOfPlan = perPlan + (planIndex++ < withOneMore ? 1 : 0);
				for (int t = 1; t <= tasksOfPlan; t++) {
					String phrase = PHRASES[random.nextInt(PHRASES.length)].formatted(y);
					Schedule schedule = Schedule.read(phrase, y);
					List<LocalDate> records = new ArrayList<>();
					@Nullable LocalDate completed = null;
					int fate = random.nextInt(10);
					if (fate < 4 && schedule.start() != null && !schedule.start().isAfter(today)) {
						records.add(schedule.start().plusDays(random.nextInt(60)));
						if (fate < 2) {
							completed = records.getFirst();
						}
					}
					long taskId = taskIds.next();
					taskRows.add(new Object[] { taskId, planId, t, t, contents.get((int) (count % contents.size())), phrase,
							schedule.kind().name(), date(schedule.start()), date(schedule.due()),
							schedule.frequency() == null ? null : schedule.frequency().name(), unit.name(), unit.id(),
							date(completed), date(TaskStatus.overdueFrom(schedule, records)), !records.isEmpty() });
					for (LocalDate day : records) {
						progressRows.add(new Object[] { taskId, Date.valueOf(day), "Đã triển khai (dữ liệu sinh)", completed != null,
								unit.id(), Timestamp.from(now) });
					}
					count++;
				}
				if (taskRows.size() >= BATCH) {
					flush(planRows, taskRows, progressRows);
				}
			}
		}
		flush(planRows, taskRows, progressRows);
		return count;
	}

	/** Ids drawn from a sequence a block at a time. */
	private final class Ids {
		private final String sequence;
		private final java.util.ArrayDeque<Long> block = new java.util.ArrayDeque<>();

		Ids(String sequence) {
			this.sequence = sequence;
		}

		long next() {
			if (block.isEmpty()) {
				block.addAll(jdbc.queryForList("select nextval('" + sequence + "') from generate_series(1, ?)", Long.class, BATCH));
			}
			return block.removeFirst();
		}
	}

	private void flush(List<Object[]> plans, List<Object[]> tasks, List<Object[]> progress) {
		jdbc.batchUpdate("""
				insert into plan (id, jurisdiction_code, unit_id, year, status, title, content, status_changed_at, created_by, created_at)
				values (?, ?, ?, ?, 'ACCEPTED', ?, '{}'::jsonb, ?, 'bench', ?)""", plans);
		plans.clear();
		jdbc.batchUpdate("""
				insert into plan_task (id, plan_id, position, number, content, schedule_phrase, schedule_kind, schedule_start,
				  schedule_due, schedule_frequency, lead_text, lead_unit_id, completed_on, overdue_from, progress_recorded,
				  status_derived)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true)""", tasks);
		jdbc.batchUpdate("""
				insert into task_progress (task_id, recorded_on, note, completes, unit_id, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, 'bench', ?)""", progress);
		tasks.clear();
		progress.clear();
	}

	private static @Nullable Date date(@Nullable LocalDate day) {
		return day == null ? null : Date.valueOf(day);
	}
}
