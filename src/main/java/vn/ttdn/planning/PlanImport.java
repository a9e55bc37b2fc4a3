package vn.ttdn.planning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.ttdn.organization.UnitMatcher;
import vn.ttdn.shared.VietnameseText;

/**
 * Records a plan with its task appendix and the comments on its draft, linking every body the
 * document names to the registry where it can and keeping the others as named outside bodies.
 */
@Component
@Transactional
public class PlanImport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;
	private final UnitMatcher matcher;
	private final Clock clock;

	PlanImport(JdbcClient jdbc, UnitMatcher matcher, Clock clock) {
		this.jdbc = jdbc;
		this.matcher = matcher;
		this.clock = clock;
	}

	public record PlanSpec(String jurisdiction, @Nullable Long unitId, int year, PlanStatus status, @Nullable String number,
			@Nullable LocalDate issuedOn, @Nullable String place, String title, @Nullable String issuer,
			@Nullable String signer, @Nullable String signerTitle, Map<String, Object> content) {
	}

	public record TaskSpec(@Nullable String group, @Nullable String groupTitle, @Nullable Integer number, String content,
			@Nullable String schedule, String lead, @Nullable String cooperating) {
	}

	public record CommentSpec(String body, @Nullable String document, @Nullable String documentNumber,
			@Nullable LocalDate documentDate, String text, @Nullable String handling) {
	}

	/** Saves the plan; bodies are matched against the registry as it stood on the plan's date. */
	public long importPlan(PlanSpec spec, List<TaskSpec> tasks, List<CommentSpec> comments, String by) {
		LocalDate asOf = spec.issuedOn() != null ? spec.issuedOn() : LocalDate.of(spec.year(), 1, 1);
		Function<String, UnitMatcher.Match> match = matcher.forJurisdiction(spec.jurisdiction(), asOf);
		long planId = jdbc.sql("""
				insert into plan (jurisdiction_code, unit_id, year, status, number, issued_on, place, title, issuer, signer,
				  signer_title, content, status_changed_at, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) returning id""")
			.params(spec.jurisdiction(), spec.unitId(), spec.year(), spec.status().name(), VietnameseText.clean(spec.number()),
					spec.issuedOn(), spec.place(), VietnameseText.clean(spec.title()), spec.issuer(), spec.signer(),
					spec.signerTitle(), JSON.writeValueAsString(spec.content()), java.sql.Timestamp.from(Instant.now(clock)), by,
					java.sql.Timestamp.from(Instant.now(clock)))
			.query(Long.class)
			.single();
		int position = 0;
		for (TaskSpec task : tasks) {
			insertTask(planId, ++position, task, spec.year(), match);
		}
		position = 0;
		for (CommentSpec comment : comments) {
			var body = match.apply(comment.body());
			jdbc.sql("""
					insert into plan_comment (plan_id, position, body_text, unit_id, document, document_number, document_date,
					  text, handling, handling_text) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(planId, ++position, VietnameseText.clean(comment.body()), body.unitId(), comment.document(),
						comment.documentNumber(), comment.documentDate(), VietnameseText.nfc(comment.text()),
						Handling.of(comment.handling()).name(), VietnameseText.clean(comment.handling()))
				.update();
		}
		return planId;
	}

	/** The registry's matcher for a plan's jurisdiction on its date, with the user's mapping of names it could not match. */
	Function<String, UnitMatcher.Match> matcher(String jurisdiction, LocalDate asOf, Map<String, Long> mapping) {
		Function<String, UnitMatcher.Match> registry = matcher.forJurisdiction(jurisdiction, asOf);
		return text -> {
			Long mapped = text == null ? null : mapping.get(VietnameseText.clean(text));
			return mapped != null ? new UnitMatcher.Match(VietnameseText.clean(text), mapped, null) : registry.apply(text);
		};
	}

	/** Replaces a plan's task appendix with {@code tasks}, bodies matched by {@code match}. */
	void replaceTasks(long planId, int year, List<TaskSpec> tasks, Function<String, UnitMatcher.Match> match) {
		replaceTasks(planId, year, tasks, match, done -> {
		});
	}

	/** As above, telling {@code progress} how many tasks have been written, every 50 and at the end. */
	void replaceTasks(long planId, int year, List<TaskSpec> tasks, Function<String, UnitMatcher.Match> match,
			java.util.function.IntConsumer progress) {
		jdbc.sql("delete from plan_task_cooperator where task_id in (select id from plan_task where plan_id = ?)").param(planId).update();
		jdbc.sql("delete from plan_task where plan_id = ?").param(planId).update();
		int position = 0;
		for (TaskSpec task : tasks) {
			insertTask(planId, ++position, task, year, match);
			if (position % 50 == 0) {
				progress.accept(position);
			}
		}
		progress.accept(position);
	}

	private void insertTask(long planId, int position, TaskSpec task, int year, Function<String, UnitMatcher.Match> match) {
		Schedule schedule = Schedule.read(task.schedule(), year);
		var lead = match.apply(task.lead());
		long taskId = jdbc.sql("""
				insert into plan_task (plan_id, position, group_code, group_title, number, content, schedule_phrase, schedule_kind,
				  schedule_start, schedule_due, schedule_frequency, lead_text, lead_unit_id, cooperating_text, overdue_from,
				  status_derived)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true) returning id""")
			.params(planId, position, task.group(), task.groupTitle(), task.number(), VietnameseText.nfc(task.content()),
					schedule.phrase(), schedule.kind().name(), schedule.start(), schedule.due(),
					schedule.frequency() == null ? null : schedule.frequency().name(), VietnameseText.clean(task.lead()),
					lead.unitId(), task.cooperating() == null ? "" : VietnameseText.clean(task.cooperating()),
					TaskStatus.overdueFrom(schedule, java.util.List.of()))
			.query(Long.class)
			.single();
		int i = 0;
		for (var body : cooperators(task.cooperating(), match)) {
			jdbc.sql("insert into plan_task_cooperator (task_id, position, text, unit_id) values (?, ?, ?, ?)")
				.params(taskId, ++i, body.text(), body.unitId())
				.update();
		}
	}

	/**
	 * The co-operating bodies of a cell such as "Ban Tuyên giáo Thành ủy và các cơ quan, đơn vị liên
	 * quan" or "UBND quận, huyện, thị xã; Thông tấn xã Việt Nam": the cell is cut at commas and
	 * semicolons, and the longest run of pieces that names a registry unit is taken first; a piece
	 * that names none keeps the lower-case pieces after it ("các cơ quan, đơn vị liên quan"), and is
	 * cut at "và" only where both halves are registry bodies.
	 */
	static List<UnitMatcher.Match> cooperators(@Nullable String cell, Function<String, UnitMatcher.Match> match) {
		String text = VietnameseText.clean(cell);
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		List<String> pieces = java.util.Arrays.stream(text.replaceAll("[.;]+$", "").split("\\s*[,;]\\s*"))
			.filter(p -> !p.isEmpty())
			.toList();
		List<UnitMatcher.Match> bodies = new ArrayList<>();
		int i = 0;
		while (i < pieces.size()) {
			int end = pieces.size();
			UnitMatcher.Match found = null;
			for (; end > i; end--) {
				var candidate = match.apply(String.join(", ", pieces.subList(i, end)));
				if (candidate.matched()) {
					found = candidate;
					break;
				}
			}
			if (found != null) {
				bodies.add(found);
				i = end;
				continue;
			}
			end = i + 1;
			while (Character.isLowerCase(pieces.get(i).charAt(0)) && end < pieces.size()
					&& Character.isLowerCase(pieces.get(end).charAt(0))) {
				end++;
			}
			String piece = String.join(", ", pieces.subList(i, end));
			int and = piece.indexOf(" và ");
			var left = and > 0 ? match.apply(piece.substring(0, and)) : null;
			if (left != null && left.matched()) {
				String rest = piece.substring(and + 4);
				var right = match.apply(rest);
				bodies.add(left);
				bodies.add(right.matched() ? right : new UnitMatcher.Match(rest, null, null));
			}
			else {
				bodies.add(match.apply(piece));
			}
			i = end;
		}
		return bodies;
	}
}
