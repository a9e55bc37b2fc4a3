package vn.ttdn.planning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.ttdn.shared.NotFound;
import vn.ttdn.shared.security.Actor;
import vn.ttdn.shared.security.AppRole;

/** Plans, their tasks with parsed schedules and status, and the comments on drafts, as each actor may see them. */
@Component
@Transactional(readOnly = true)
public class PlanQueries {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;
	private final Clock clock;

	private final vn.ttdn.organization.OrganizationQueries organization;

	private final vn.ttdn.regulation.RegulationCatalog regulation;

	PlanQueries(JdbcClient jdbc, Clock clock, vn.ttdn.organization.OrganizationQueries organization,
			vn.ttdn.regulation.RegulationCatalog regulation) {
		this.organization = organization;
		this.regulation = regulation;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public record PlanSummary(long id, String jurisdictionCode, @Nullable Long unitId, @Nullable String unitName, int year,
			PlanStatus status, @Nullable String number, @Nullable LocalDate issuedOn, String title, long version,
			long tasks, long comments) {
	}

	public record Body(String text, @Nullable Long unitId) {
	}

	public record TaskView(long id, @Nullable String group, @Nullable String groupTitle, @Nullable Integer number,
			String content, Schedule schedule, Body lead, String cooperatingText, List<Body> cooperating,
			TaskStatus status, @Nullable LocalDate completedOn, int records) {

		/** The quarters (1–4) of the plan's year the task falls due in, for filtering by quarter. */
		public List<Integer> quarters() {
			return schedule.occurrences().stream().map(o -> (o.due().getMonthValue() + 2) / 3).distinct().toList();
		}
	}

	public record Event(Instant at, String username, @Nullable PlanStatus fromStatus, PlanStatus toStatus,
			@Nullable String note) {
	}

	/**
	 * When a unit's plan is due with the coordinating department under its jurisdiction's rules
	 * (002 Art. 5 and 004 Art. 22: "trước ngày 15 tháng 01"), when it was first submitted, and how
	 * many days after the last on-time day that was (or, not yet submitted, how many days have passed).
	 */
	public record Submission(vn.ttdn.regulation.Deadline due, @Nullable LocalDate submittedOn, long daysLate) {
	}

	public record PlanView(PlanSummary plan, @Nullable String place, @Nullable String issuer, @Nullable String signer,
			@Nullable String signerTitle, Map<String, Object> content, List<TaskView> tasks, List<Event> events,
			@Nullable Submission submission) {

		public Map<TaskStatus, Long> statusCounts() {
			Map<TaskStatus, Long> counts = new EnumMap<>(TaskStatus.class);
			for (TaskStatus s : TaskStatus.values()) {
				counts.put(s, tasks.stream().filter(t -> t.status() == s).count());
			}
			return counts;
		}
	}

	public record CommentView(long id, int position, String bodyText, @Nullable Long unitId, @Nullable String document,
			@Nullable String documentNumber, @Nullable LocalDate documentDate, String text, Handling handling,
			@Nullable String handlingText) {
	}

	public record ProgressView(long id, LocalDate recordedOn, String note, @Nullable String link, boolean completes,
			String recordedBy, Instant recordedAt, List<AttachmentView> attachments) {
	}

	public record AttachmentView(long id, String filename, String contentType, long size) {
	}

	public record AttachmentFile(AttachmentView attachment, String storageKey) {
	}

	/** An attachment, to whoever may read the plan it belongs to. */
	public AttachmentFile attachment(Actor actor, long id) {
		record Row(long id, String filename, String contentType, long size, String storageKey, long planId) {
		}
		Row row = jdbc.sql("select a.id, a.filename, a.content_type, a.size, a.storage_key, t.plan_id from task_attachment a"
				+ " join task_progress p on p.id = a.progress_id join plan_task t on t.id = p.task_id where a.id = ?")
			.param(id)
			.query(Row.class)
			.optional()
			.orElseThrow(() -> new NotFound("attachment", id));
		if (!mayRead(actor, summary(row.planId()))) {
			throw new AccessDeniedException("attachment " + id);
		}
		return new AttachmentFile(new AttachmentView(row.id(), row.filename(), row.contentType(), row.size()), row.storageKey());
	}

	private static final String SUMMARY = """
			select p.id, p.jurisdiction_code, p.unit_id, n.name as unit_name, p.year, p.status, p.number, p.issued_on, p.title,
			  p.version, (select count(*) from plan_task t where t.plan_id = p.id) as tasks,
			  (select count(*) from plan_comment c where c.plan_id = p.id) as comments
			from plan p left join unit_name n on n.unit_id = p.unit_id and n.valid_to is null
			""";

	/**
	 * Who may read a plan: the jurisdiction's coordinating department, leaders and finance body all
	 * of its plans; a unit its own plans; everyone in the jurisdiction its plan once it is out for
	 * consultation; everyone an issued or accepted plan.
	 */
	static boolean mayRead(Actor actor, PlanSummary plan) {
		if (plan.status() == PlanStatus.ISSUED || plan.status() == PlanStatus.ACCEPTED) {
			return true;
		}
		if (!actor.isIn(plan.jurisdictionCode())) {
			return false;
		}
		if (actor.canManage(plan.jurisdictionCode()) || actor.role() == AppRole.LEADER
				|| actor.role() == AppRole.FINANCE_OFFICER) {
			return true;
		}
		if (plan.unitId() == null) {
			return plan.status() != PlanStatus.DRAFT;
		}
		return plan.unitId().equals(actor.unitId());
	}

	public List<PlanSummary> plans(Actor actor, @Nullable String jurisdiction, @Nullable Integer year, @Nullable Long unit) {
		return jdbc.sql(SUMMARY + """
				where (cast(:j as varchar) is null or p.jurisdiction_code = :j)
				  and (cast(:y as integer) is null or p.year = :y)
				  and (cast(:u as bigint) is null or p.unit_id = :u)
				order by p.year desc, p.unit_id nulls first, p.id""")
			.param("j", jurisdiction)
			.param("y", year)
			.param("u", unit)
			.query(PlanSummary.class)
			.list()
			.stream()
			.filter(p -> mayRead(actor, p))
			.toList();
	}

	/** Task status counted over the issued and accepted plans of a group (a jurisdiction, or a lead unit in one). */
	public record Rollup(String key, @Nullable String name, long tasks, long notStarted, long inProgress, long done,
			long overdue) {

		public long percentDone() {
			return tasks == 0 ? 0 : Math.round(100.0 * done / tasks);
		}
	}

	/**
	 * Status of the tasks of every issued plan (a jurisdiction's) and accepted plan (a unit's) of a
	 * year, counted per jurisdiction, or, when a jurisdiction is given, per lead unit within it.
	 * One aggregate over the facts kept with each task ({@link TaskStatus#of(LocalDate, LocalDate,
	 * boolean, LocalDate)}), so the counts agree with every task page. Issued and accepted plans are
	 * readable by every account, so the counts are too.
	 */
	public List<Rollup> rollup(@Nullable Integer year, @Nullable String jurisdiction) {
		LocalDate today = LocalDate.now(clock);
		String key = jurisdiction == null ? "p.jurisdiction_code" : "coalesce(t.lead_unit_id::text, t.lead_text)";
		List<Rollup> rows = jdbc.sql("""
				select %s as key, min(t.lead_text) as lead_text, count(*) as tasks,
				  count(*) filter (where t.completed_on is null and (t.overdue_from is null or t.overdue_from > :today)
				    and not t.progress_recorded) as not_started,
				  count(*) filter (where t.completed_on is null and (t.overdue_from is null or t.overdue_from > :today)
				    and t.progress_recorded) as in_progress,
				  count(*) filter (where t.completed_on is not null) as done,
				  count(*) filter (where t.completed_on is null and t.overdue_from <= :today) as overdue
				from plan_task t join plan p on p.id = t.plan_id
				where p.status in ('ISSUED', 'ACCEPTED') and (cast(:y as integer) is null or p.year = :y)
				  and (cast(:j as varchar) is null or p.jurisdiction_code = :j)
				group by 1""".formatted(key))
			.param("today", today)
			.param("y", year)
			.param("j", jurisdiction)
			.query((rs, i) -> new Rollup(rs.getString(1), jurisdiction == null ? null : rs.getString(2), rs.getLong(3),
					rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)))
			.list();
		Map<String, String> names = new HashMap<>();
		if (jurisdiction == null) {
			organization.jurisdictions().forEach(j -> names.put(j.code(), j.name()));
		}
		else {
			organization.units(jurisdiction, today, null).forEach(u -> names.put(String.valueOf(u.id()), u.name()));
		}
		return rows.stream()
			.map(r -> new Rollup(r.key(), names.getOrDefault(r.key(), r.name() != null ? r.name() : r.key()), r.tasks(), r.notStarted(), r.inProgress(),
					r.done(), r.overdue()))
			.sorted(java.util.Comparator.comparing(Rollup::tasks).reversed().thenComparing(Rollup::key))
			.toList();
	}

	public PlanSummary summary(long id) {
		return jdbc.sql(SUMMARY + " where p.id = ?").param(id).query(PlanSummary.class).optional()
			.orElseThrow(() -> new NotFound("plan", id));
	}

	public PlanView plan(Actor actor, long id) {
		PlanSummary summary = summary(id);
		if (!mayRead(actor, summary)) {
			throw new AccessDeniedException("plan " + id);
		}
		record Extra(@Nullable String place, @Nullable String issuer, @Nullable String signer, @Nullable String signerTitle,
				String content) {
		}
		Extra extra = jdbc.sql("select place, issuer, signer, signer_title, content::text as content from plan where id = ?")
			.param(id)
			.query(Extra.class)
			.single();
		List<Event> events = jdbc.sql("select at, username, from_status, to_status, note from plan_event where plan_id = ? order by at, id")
			.param(id)
			.query(Event.class)
			.list();
		return new PlanView(summary, extra.place(), extra.issuer(), extra.signer(), extra.signerTitle(),
				JSON.readValue(extra.content(), new TypeReference<Map<String, Object>>() {
				}), tasks("t.plan_id = :id", Map.of("id", id), summary.year()), events, submission(summary, events));
	}

	private @Nullable Submission submission(PlanSummary plan, List<Event> events) {
		if (plan.unitId() == null) {
			return null;
		}
		var due = regulation.rules(plan.jurisdictionCode(), plan.year()).stream()
			.filter(r -> r.kind() == vn.ttdn.regulation.ReportKind.ANNUAL_PLAN)
			.map(r -> r.deadlineIn(plan.year()))
			.filter(d -> d.lastOnTimeDay() != null)
			.findFirst()
			.orElse(null);
		if (due == null || due.lastOnTimeDay() == null) {
			return null;
		}
		LocalDate submitted = events.stream().filter(e -> e.toStatus() == PlanStatus.SUBMITTED).findFirst()
			.map(e -> LocalDate.ofInstant(e.at(), clock.getZone())).orElse(null);
		LocalDate until = submitted != null ? submitted : LocalDate.now(clock);
		return new Submission(due, submitted, Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(due.lastOnTimeDay(), until)));
	}

	/** The tasks an officer's unit leads, in plans that are in force (issued or accepted), newest year first. */
	public List<TaskView> myTasks(Actor actor) {
		if (actor.unitId() == null) {
			return List.of();
		}
		return tasks("t.lead_unit_id = :unit and p.status in ('ISSUED', 'ACCEPTED')", Map.of("unit", actor.unitId()), null);
	}

	private List<TaskView> tasks(String where, Map<String, Object> params, @Nullable Integer year) {
		LocalDate today = LocalDate.now(clock);
		var spec = jdbc.sql("""
				select t.id, t.group_code, t.group_title, t.number, t.content, t.schedule_phrase, t.schedule_kind,
				  t.schedule_start, t.schedule_due, t.schedule_frequency, t.lead_text, t.lead_unit_id, t.cooperating_text,
				  t.completed_on, p.year
				from plan_task t join plan p on p.id = t.plan_id where %s order by p.year desc, t.plan_id, t.position"""
			.formatted(where));
		for (var e : params.entrySet()) {
			spec = spec.param(e.getKey(), e.getValue());
		}
		record Row(long id, @Nullable String groupCode, @Nullable String groupTitle, @Nullable Integer number, String content,
				String schedulePhrase, String scheduleKind, @Nullable LocalDate scheduleStart, @Nullable LocalDate scheduleDue,
				@Nullable String scheduleFrequency, String leadText, @Nullable Long leadUnitId, String cooperatingText,
				@Nullable LocalDate completedOn, int year) {
		}
		List<Row> rows = spec.query(Row.class).list();
		if (rows.isEmpty()) {
			return List.of();
		}
		List<Long> ids = rows.stream().map(Row::id).toList();
		Map<Long, List<Body>> cooperators = new HashMap<>();
		jdbc.sql("select task_id, text, unit_id from plan_task_cooperator where task_id in (:ids) order by task_id, position")
			.param("ids", ids)
			.query((rs, i) -> cooperators.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new Body(rs.getString(2), rs.getObject(3, Long.class))))
			.list();
		Map<Long, List<LocalDate>> recorded = new HashMap<>();
		jdbc.sql("select task_id, recorded_on from task_progress where task_id in (:ids)")
			.param("ids", ids)
			.query((rs, i) -> recorded.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(rs.getObject(2, LocalDate.class)))
			.list();
		return rows.stream().map(r -> {
			Schedule schedule = new Schedule(r.schedulePhrase(), Schedule.Kind.valueOf(r.scheduleKind()), r.scheduleStart(),
					r.scheduleDue(), r.scheduleFrequency() == null ? null : Schedule.Frequency.valueOf(r.scheduleFrequency()));
			List<LocalDate> records = recorded.getOrDefault(r.id(), List.of());
			return new TaskView(r.id(), r.groupCode(), r.groupTitle(), r.number(), r.content(), schedule,
					new Body(r.leadText(), r.leadUnitId()), r.cooperatingText(), cooperators.getOrDefault(r.id(), List.of()),
					TaskStatus.of(schedule, r.completedOn(), records, today), r.completedOn(), records.size());
		}).toList();
	}

	public record TaskPage(PlanSummary plan, TaskView task, List<ProgressView> progress) {
	}

	public TaskPage task(Actor actor, long taskId) {
		long planId = jdbc.sql("select plan_id from plan_task where id = ?").param(taskId).query(Long.class).optional()
			.orElseThrow(() -> new NotFound("task", taskId));
		PlanSummary plan = summary(planId);
		if (!mayRead(actor, plan)) {
			throw new AccessDeniedException("task " + taskId);
		}
		return new TaskPage(plan, tasks("t.id = :id", Map.of("id", taskId), plan.year()).getFirst(), progress(actor, taskId));
	}

	public List<ProgressView> progress(Actor actor, long taskId) {
		long planId = jdbc.sql("select plan_id from plan_task where id = ?").param(taskId).query(Long.class).optional()
			.orElseThrow(() -> new NotFound("task", taskId));
		if (!mayRead(actor, summary(planId))) {
			throw new AccessDeniedException("task " + taskId);
		}
		record Row(long id, LocalDate recordedOn, String note, @Nullable String link, boolean completes, String recordedBy,
				Instant recordedAt) {
		}
		List<Row> rows = jdbc.sql("select id, recorded_on, note, link, completes, recorded_by, recorded_at from task_progress"
				+ " where task_id = ? order by recorded_on desc, id desc")
			.param(taskId)
			.query(Row.class)
			.list();
		Map<Long, List<AttachmentView>> attachments = new HashMap<>();
		jdbc.sql("select a.progress_id, a.id, a.filename, a.content_type, a.size from task_attachment a"
				+ " join task_progress p on p.id = a.progress_id where p.task_id = ? order by a.id")
			.param(taskId)
			.query((rs, i) -> attachments.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new AttachmentView(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5))))
			.list();
		return rows.stream().map(r -> new ProgressView(r.id(), r.recordedOn(), r.note(), r.link(), r.completes(),
				r.recordedBy(), r.recordedAt(), attachments.getOrDefault(r.id(), List.of()))).toList();
	}

	public List<CommentView> comments(Actor actor, long planId) {
		if (!mayRead(actor, summary(planId))) {
			throw new AccessDeniedException("plan " + planId);
		}
		return jdbc.sql("""
				select id, position, body_text, unit_id, document, document_number, document_date, text, handling, handling_text
				from plan_comment where plan_id = ? order by position""")
			.param(planId)
			.query(CommentView.class)
			.list();
	}

	/** How many plan tasks a unit leads that were completed between two days (for prefilling its reports). */
	public long tasksCompleted(long unitId, LocalDate from, LocalDate to) {
		return jdbc.sql("select count(*) from plan_task where lead_unit_id = ? and completed_on between ? and ?")
			.params(unitId, from, to)
			.query(Long.class)
			.single();
	}
}
