package vn.ttdn.planning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.ttdn.organization.UnitMatcher;
import vn.ttdn.shared.NotFound;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.VietnameseText;
import vn.ttdn.shared.security.Actor;

/**
 * Importing a task appendix into a plan in two steps: the upload is read and shown as a preview
 * (tasks, schedules as understood, bodies matched to the registry, names left to map, errors line by
 * line) and nothing is saved to the plan; the user then confirms with a mapping for the names left,
 * and the appendix is replaced all at once or not at all.
 */
@Service
@Transactional
public class AppendixImports {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;
	private final PlanImport plans;
	private final Clock clock;

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AppendixImports.class);

	private final PlanVersions versions;
	private final org.springframework.core.task.TaskExecutor executor;
	private final org.springframework.transaction.support.TransactionTemplate transactions;
	private final org.springframework.transaction.support.TransactionTemplate apart;

	AppendixImports(JdbcClient jdbc, PlanImport plans, Clock clock, PlanVersions versions,
			@org.springframework.beans.factory.annotation.Qualifier("applicationTaskExecutor") org.springframework.core.task.TaskExecutor executor,
			org.springframework.transaction.PlatformTransactionManager transactionManager) {
		this.versions = versions;
		this.executor = executor;
		this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
		this.apart = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
		this.apart.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.jdbc = jdbc;
		this.plans = plans;
		this.clock = clock;
	}

	public record PreviewTask(@Nullable String group, @Nullable String groupTitle, @Nullable Integer number, String content,
			Schedule schedule, UnitMatcher.Match lead, List<UnitMatcher.Match> cooperating) {
	}

	public record Preview(UUID id, String filename, List<PreviewTask> tasks, List<String> unmatched, List<String> errors) {
	}

	private record Target(String jurisdictionCode, @Nullable Long unitId, int year, PlanStatus status,
			@Nullable LocalDate issuedOn) {

		LocalDate asOf() {
			return issuedOn != null ? issuedOn : LocalDate.of(year, 1, 1);
		}
	}

	private Target target(long planId) {
		return jdbc.sql("select jurisdiction_code, unit_id, year, status, issued_on from plan where id = ?")
			.param(planId)
			.query(Target.class)
			.optional()
			.orElseThrow(() -> new NotFound("plan", planId));
	}

	private static void mayImport(Actor actor, Target plan, long planId) {
		boolean allowed = plan.unitId() == null ? actor.canManage(plan.jurisdictionCode())
				: actor.canEditUnit(plan.jurisdictionCode(), plan.unitId());
		if (!allowed) {
			throw new AccessDeniedException("plan " + planId);
		}
	}

	private Target editable(Actor actor, long planId) {
		Target plan = target(planId);
		mayImport(actor, plan, planId);
		if (!PlanWorkflow.isEditable(plan.status())) {
			throw new UserError("error.plan.notEditable", PlanWorkflow.label("plan.status." + plan.status()));
		}
		return plan;
	}

	public Preview preview(Actor actor, long planId, String filename, byte[] content) {
		Target plan = editable(actor, planId);
		AppendixReader.Parsed parsed = AppendixReader.read(filename, content);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into plan_import (id, plan_id, filename, payload, created_by, created_at) values (?, ?, ?, ?::jsonb, ?, ?)""")
			.params(id, planId, VietnameseText.clean(filename), JSON.writeValueAsString(parsed), actor.username(),
					java.sql.Timestamp.from(Instant.now(clock)))
			.update();
		return preview(id, filename, parsed, plans.matcher(plan.jurisdictionCode(), plan.asOf(), Map.of()), plan.year());
	}

	private static Preview preview(UUID id, String filename, AppendixReader.Parsed parsed,
			Function<String, UnitMatcher.Match> match, int year) {
		List<PreviewTask> tasks = new ArrayList<>();
		Set<String> unmatched = new LinkedHashSet<>();
		for (PlanImport.TaskSpec t : parsed.tasks()) {
			UnitMatcher.Match lead = match.apply(t.lead());
			List<UnitMatcher.Match> cooperating = PlanImport.cooperators(t.cooperating(), match);
			if (!lead.matched()) {
				unmatched.add(lead.text());
			}
			tasks.add(new PreviewTask(t.group(), t.groupTitle(), t.number(), t.content(), Schedule.read(t.schedule(), year), lead,
					cooperating));
		}
		return new Preview(id, filename, tasks, List.copyOf(unmatched), parsed.errors());
	}

	/** Where a confirmed import stands. */
	public enum ImportStatus {
		PREVIEW, RUNNING, DONE, FAILED, INTERRUPTED
	}

	/** How far an import has got; a failure carries its message key and arguments. */
	public record Progress(UUID id, long planId, ImportStatus status, int done, int total, @Nullable String errorKey,
			List<String> errorArgs) {

		public int percent() {
			return total == 0 ? (status == ImportStatus.DONE ? 100 : 0) : Math.round(100f * done / total);
		}
	}

	/** A RUNNING import older than this was on a node that stopped; nothing of it was saved. */
	static final java.time.Duration STALE = java.time.Duration.ofMinutes(10);

	private record Checked(Target plan, AppendixReader.Parsed parsed, Function<String, UnitMatcher.Match> match) {
	}

	/**
	 * Confirms the previewed appendix: every lead body must be a registry unit, found or mapped by
	 * the user (co-operating bodies may stay outside bodies). The tasks are then written in the
	 * background, in one transaction that replaces the plan's appendix all at once or not at all;
	 * {@link #progress} tells how far it has got.
	 */
	public Progress confirm(Actor actor, long planId, UUID importId, Map<String, Long> mapping) {
		Checked checked = check(actor, planId, importId, mapping);
		int started = jdbc.sql("""
				update plan_import set status = 'RUNNING', total = ?, done = 0, started_at = ?
				where id = ? and plan_id = ? and status = 'PREVIEW'""")
			.params(checked.parsed().tasks().size(), java.sql.Timestamp.from(Instant.now(clock)), importId, planId)
			.update();
		if (started == 0) {
			throw new UserError("error.import.alreadyConfirmed");
		}
		String username = actor.username();
		Runnable job = () -> save(planId, importId, checked, username);
		if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
			org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
					new org.springframework.transaction.support.TransactionSynchronization() {
						@Override
						public void afterCommit() {
							executor.execute(job);
						}
					});
		}
		else {
			executor.execute(job);
		}
		return new Progress(importId, planId, ImportStatus.RUNNING, 0, checked.parsed().tasks().size(), null, List.of());
	}

	@Transactional(readOnly = true)
	public Progress progress(Actor actor, long planId, UUID importId) {
		mayImport(actor, target(planId), planId);
		record Row(String status, int done, @Nullable Integer total, @Nullable String errorKey, @Nullable String errorArgs,
				@Nullable Instant startedAt) {
		}
		Row row = jdbc.sql("""
				select status, done, total, error_key, error_args::text as error_args, started_at from plan_import
				where id = ? and plan_id = ?""")
			.params(importId, planId).query(Row.class).optional()
			.orElseThrow(() -> new NotFound("import", importId));
		ImportStatus status = ImportStatus.valueOf(row.status());
		if (status == ImportStatus.RUNNING && row.startedAt() != null
				&& row.startedAt().isBefore(Instant.now(clock).minus(STALE))) {
			status = ImportStatus.INTERRUPTED;
		}
		List<String> args = row.errorArgs() == null ? List.of() : JSON.readValue(row.errorArgs(), new TypeReference<List<String>>() {
		});
		return new Progress(importId, planId, status, row.done(), row.total() == null ? 0 : row.total(), row.errorKey(), args);
	}

	/** The background part: the plan is locked and checked again, then its appendix replaced; progress is committed apart. */
	private void save(long planId, UUID importId, Checked checked, String username) {
		try {
			transactions.executeWithoutResult(status -> {
				String planStatus = jdbc.sql("select status from plan where id = ? for update").param(planId).query(String.class).single();
				if (!PlanWorkflow.isEditable(PlanStatus.valueOf(planStatus))) {
					throw new UserError("error.plan.notEditable", PlanWorkflow.label("plan.status." + planStatus));
				}
				requireNoProgress(planId);
				plans.replaceTasks(planId, checked.plan().year(), checked.parsed().tasks(), checked.match(),
						done -> apart.executeWithoutResult(x -> jdbc.sql("update plan_import set done = ? where id = ?")
							.params(done, importId).update()));
				jdbc.sql("update plan set version = version + 1 where id = ?").param(planId).update();
				versions.take(planId, PlanVersions.Reason.APPENDIX, username);
				jdbc.sql("""
						update plan_import set status = 'DONE', done = total, finished_at = ?, payload = '{}'::jsonb where id = ?""")
					.params(java.sql.Timestamp.from(Instant.now(clock)), importId).update();
			});
		}
		catch (UserError e) {
			failed(importId, e.key(), java.util.Arrays.stream(e.arguments())
				.map(a -> a instanceof org.springframework.context.MessageSourceResolvable r && r.getCodes() != null
						? "#" + r.getCodes()[0] : String.valueOf(a))
				.toList());
		}
		catch (RuntimeException e) {
			log.error("Appendix import {} of plan {} failed", importId, planId, e);
			failed(importId, "error.import.failed", List.of());
		}
	}

	private void failed(UUID importId, String key, List<String> args) {
		apart.executeWithoutResult(x -> jdbc.sql("""
				update plan_import set status = 'FAILED', error_key = ?, error_args = ?::jsonb, finished_at = ? where id = ?""")
			.params(key, JSON.writeValueAsString(args), java.sql.Timestamp.from(Instant.now(clock)), importId).update());
	}

	private Checked check(Actor actor, long planId, UUID importId, Map<String, Long> mapping) {
		Target plan = editable(actor, planId);
		String payload = jdbc.sql("select payload::text from plan_import where id = ? and plan_id = ? and status = 'PREVIEW'")
			.params(importId, planId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new UserError("error.import.notFound"));
		AppendixReader.Parsed parsed = JSON.readValue(payload, new TypeReference<AppendixReader.Parsed>() {
		});
		if (!parsed.errors().isEmpty()) {
			throw new UserError("error.import.hasErrors");
		}
		Map<String, Long> checked = new java.util.HashMap<>();
		for (var entry : mapping.entrySet()) {
			if (entry.getValue() != null) {
				requireUnitOf(plan.jurisdictionCode(), entry.getValue());
				checked.put(VietnameseText.clean(entry.getKey()), entry.getValue());
			}
		}
		Function<String, UnitMatcher.Match> match = plans.matcher(plan.jurisdictionCode(), plan.asOf(), checked);
		List<String> unmapped = preview(importId, "", parsed, match, plan.year()).unmatched();
		if (!unmapped.isEmpty()) {
			throw new UserError("error.import.unmapped", String.join("; ", unmapped));
		}
		requireNoProgress(planId);
		return new Checked(plan, parsed, match);
	}

	private void requireNoProgress(long planId) {
		if (jdbc.sql("select count(*) from task_progress p join plan_task t on t.id = p.task_id where t.plan_id = ?")
			.param(planId).query(Long.class).single() > 0) {
			throw new UserError("error.import.hasProgress");
		}
	}

	private void requireUnitOf(String jurisdiction, long unitId) {
		boolean ok = jdbc.sql("select count(*) from unit where id = ? and jurisdiction_code = ?")
			.params(unitId, jurisdiction)
			.query(Long.class)
			.single() > 0;
		if (!ok) {
			throw new UserError("error.unit.parentOtherJurisdiction");
		}
	}
}
