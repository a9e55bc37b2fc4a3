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

	private void insertTask(long planId, int position, TaskSpec task, int year, Function<String, UnitMatcher.Match> match) {
		Schedule schedule = Schedule.read(task.schedule(), year);
		var lead = match.apply(task.lead());
		long taskId = jdbc.sql("""
				insert into plan_task (plan_id, position, group_code, group_title, number, content, schedule_phrase, schedule_kind,
				  schedule_start, schedule_due, schedule_frequency, lead_text, lead_unit_id, cooperating_text)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(planId, position, task.group(), task.groupTitle(), task.number(), VietnameseText.nfc(task.content()),
					schedule.phrase(), schedule.kind().name(), schedule.start(), schedule.due(),
					schedule.frequency() == null ? null : schedule.frequency().name(), VietnameseText.clean(task.lead()),
					lead.unitId(), task.cooperating() == null ? "" : VietnameseText.clean(task.cooperating()))
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
	 * quan": split at commas and semicolons (a piece starting in lower case continues a previous
	 * lower-case piece, as in "các cơ quan, đơn vị liên quan"), and at "và" only where both halves
	 * are bodies of the registry.
	 */
	static List<UnitMatcher.Match> cooperators(@Nullable String cell, Function<String, UnitMatcher.Match> match) {
		String text = VietnameseText.clean(cell);
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		List<String> pieces = new ArrayList<>();
		for (String raw : text.replaceAll("[.;]+$", "").split("\\s*[,;]\\s*")) {
			if (raw.isEmpty()) {
				continue;
			}
			boolean continues = !pieces.isEmpty() && Character.isLowerCase(raw.charAt(0))
					&& Character.isLowerCase(pieces.getLast().charAt(0));
			if (continues) {
				pieces.set(pieces.size() - 1, pieces.getLast() + ", " + raw);
			}
			else {
				pieces.add(raw);
			}
		}
		List<UnitMatcher.Match> bodies = new ArrayList<>();
		for (String piece : pieces) {
			var whole = match.apply(piece);
			int and = piece.indexOf(" và ");
			if (!whole.matched() && and > 0) {
				var left = match.apply(piece.substring(0, and));
				String rest = piece.substring(and + 4);
				var right = match.apply(rest);
				if (left.matched()) {
					bodies.add(left);
					bodies.add(right.matched() ? right : new UnitMatcher.Match(rest, null, null));
					continue;
				}
			}
			bodies.add(whole);
		}
		return bodies;
	}
}
