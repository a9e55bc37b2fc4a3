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

	private final PlanVersions versions;

	AppendixImports(JdbcClient jdbc, PlanImport plans, Clock clock, PlanVersions versions) {
		this.versions = versions;
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

	private Target editable(Actor actor, long planId) {
		Target plan = jdbc.sql("select jurisdiction_code, unit_id, year, status, issued_on from plan where id = ?")
			.param(planId)
			.query(Target.class)
			.optional()
			.orElseThrow(() -> new NotFound("plan", planId));
		boolean allowed = plan.unitId() == null ? actor.canManage(plan.jurisdictionCode())
				: actor.canEditUnit(plan.jurisdictionCode(), plan.unitId());
		if (!allowed) {
			throw new AccessDeniedException("plan " + planId);
		}
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

	/**
	 * Saves the previewed appendix into the plan, replacing its tasks. Every lead body must be a
	 * registry unit, found or mapped by the user; co-operating bodies may stay outside bodies.
	 */
	public int confirm(Actor actor, long planId, UUID importId, Map<String, Long> mapping) {
		Target plan = editable(actor, planId);
		String payload = jdbc.sql("select payload::text from plan_import where id = ? and plan_id = ?")
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
		if (jdbc.sql("select count(*) from task_progress p join plan_task t on t.id = p.task_id where t.plan_id = ?")
			.param(planId).query(Long.class).single() > 0) {
			throw new UserError("error.import.hasProgress");
		}
		plans.replaceTasks(planId, plan.year(), parsed.tasks(), match);
		jdbc.sql("update plan set version = version + 1 where id = ?").param(planId).update();
		jdbc.sql("delete from plan_import where id = ?").param(importId).update();
		versions.take(planId, PlanVersions.Reason.APPENDIX, actor.username());
		return parsed.tasks().size();
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
