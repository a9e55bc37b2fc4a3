package vn.ttdn.planning;

import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.ttdn.shared.NotFound;
import vn.ttdn.shared.security.Actor;

/**
 * The versions of a plan (C4: "the plan keeps its versions"): its text and appendix as they stood
 * at each step of its workflow and whenever a new appendix replaced the tasks, with who and when;
 * each version can be read and compared with the one before it.
 */
@Component
public class PlanVersions {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;
	private final Clock clock;

	PlanVersions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Why a version was taken. */
	public enum Reason {
		TRANSITION, APPENDIX
	}

	public record TaskText(@Nullable String group, @Nullable String groupTitle, @Nullable Integer number, String content,
			String schedule, String lead, String cooperating) {

		String key() {
			return Objects.requireNonNullElse(group, "") + "." + (number == null ? content : number.toString());
		}
	}

	public record Snapshot(String title, @Nullable String number, Map<String, Object> content, List<TaskText> tasks) {
	}

	public record VersionSummary(int number, PlanStatus status, Reason reason, Instant takenAt, String takenBy, int tasks) {
	}

	/** What changed in the appendix from the previous version: tasks added, removed, and changed (before, after). */
	public record Changes(List<TaskText> added, List<TaskText> removed, List<List<TaskText>> changed, boolean textChanged) {
	}

	public record Version(VersionSummary summary, Snapshot snapshot, @Nullable Changes changes) {
	}

	/** Records the plan as it stands now as its next version. */
	void take(long planId, Reason reason, String by) {
		record Head(String title, @Nullable String number, String status, String content) {
		}
		Head head = jdbc.sql("select title, number, status, content::text as content from plan where id = ?")
			.param(planId).query(Head.class).single();
		List<TaskText> tasks = jdbc.sql("""
				select group_code as "group", group_title, number, content, schedule_phrase as schedule, lead_text as lead,
				  cooperating_text as cooperating
				from plan_task where plan_id = ? order by position""")
			.param(planId).query(TaskText.class).list();
		Map<String, Object> content = JSON.readValue(head.content(), new tools.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() {
		});
		Snapshot snapshot = new Snapshot(head.title(), head.number(), content, tasks);
		int next = jdbc.sql("select coalesce(max(number), 0) + 1 from plan_version where plan_id = ?").param(planId)
			.query(Integer.class).single();
		jdbc.sql("""
				insert into plan_version (plan_id, number, status, reason, snapshot, taken_at, taken_by)
				values (?, ?, ?, ?, ?::jsonb, ?, ?)""")
			.params(planId, next, head.status(), reason.name(), JSON.writeValueAsString(snapshot),
					java.sql.Timestamp.from(Instant.now(clock)), by)
			.update();
	}

	private static final String SUMMARY = """
			select number, status, reason, taken_at, taken_by, jsonb_array_length(snapshot -> 'tasks') as tasks
			from plan_version where plan_id = ?""";

	public List<VersionSummary> versions(Actor actor, PlanQueries.PlanSummary plan) {
		requireRead(actor, plan);
		return jdbc.sql(SUMMARY + " order by number desc").param(plan.id()).query(VersionSummary.class).list();
	}

	public Version version(Actor actor, PlanQueries.PlanSummary plan, int number) {
		requireRead(actor, plan);
		VersionSummary summary = jdbc.sql(SUMMARY + " and number = ?").params(plan.id(), number).query(VersionSummary.class)
			.optional().orElseThrow(() -> new NotFound("version", number));
		Snapshot snapshot = snapshot(plan.id(), number);
		Snapshot previous = number > 1 ? snapshot(plan.id(), number - 1) : null;
		return new Version(summary, snapshot, previous == null ? null : compare(previous, snapshot));
	}

	private Snapshot snapshot(long planId, int number) {
		String json = jdbc.sql("select snapshot::text from plan_version where plan_id = ? and number = ?").params(planId, number)
			.query(String.class).single();
		return JSON.readValue(json, Snapshot.class);
	}

	static Changes compare(Snapshot before, Snapshot after) {
		Map<String, TaskText> old = new LinkedHashMap<>();
		before.tasks().forEach(t -> old.put(t.key(), t));
		Map<String, TaskText> now = new LinkedHashMap<>();
		after.tasks().forEach(t -> now.put(t.key(), t));
		List<TaskText> added = new ArrayList<>();
		List<List<TaskText>> changed = new ArrayList<>();
		now.forEach((key, task) -> {
			TaskText was = old.get(key);
			if (was == null) {
				added.add(task);
			}
			else if (!was.equals(task)) {
				changed.add(List.of(was, task));
			}
		});
		List<TaskText> removed = old.entrySet().stream().filter(e -> !now.containsKey(e.getKey())).map(Map.Entry::getValue).toList();
		boolean text = !Objects.equals(before.title(), after.title()) || !Objects.equals(before.content(), after.content());
		return new Changes(added, removed, changed, text);
	}

	private static void requireRead(Actor actor, PlanQueries.PlanSummary plan) {
		if (!PlanQueries.mayRead(actor, plan)) {
			throw new AccessDeniedException("plan " + plan.id());
		}
	}
}
