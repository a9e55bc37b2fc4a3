package vn.ttdn.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import vn.ttdn.shared.NotFound;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.VietnameseText;
import vn.ttdn.shared.security.Actor;

/**
 * The coordinating department's report for a period, built from the accepted unit reports
 * ("tổng hợp, báo cáo Ủy ban nhân dân …": 000 Art. 28.3; 002 Art. 5; 004 Art. 22.2): indicators
 * summed and per unit, the narrative by section with each unit's contribution, and the units late
 * or missing. A draft is rebuilt on request (after a late report arrives) and can be edited; a
 * finalised one no longer changes.
 */
@Service
@Transactional
public class Consolidations {

	public enum Status {
		DRAFT, FINAL
	}

	public record IndicatorTotal(String code, String label, String unit, boolean money, BigDecimal total) {

		/** "230.000.000". */
		public String formatted() {
			return ReportingExport.number(total);
		}
	}

	public record UnitLine(long unitId, String unitName, @Nullable LocalDate firstSubmittedOn, long daysLate,
			Map<String, BigDecimal> values) {

		/** The unit's figure as documents print it, or nothing. */
		public String formatted(String code) {
			BigDecimal v = values.get(code);
			return v == null ? "" : ReportingExport.number(v);
		}
	}

	public record Contribution(String unitName, String text) {
	}

	public record SectionText(String code, String title, List<Contribution> contributions) {
	}

	public record Missing(String unitName, ReportStatus status, long daysLate) {
	}

	public record Content(int owed, int accepted, List<IndicatorTotal> indicators, List<UnitLine> units,
			List<SectionText> sections, List<Missing> late, List<Missing> missing, List<Missing> awaitingReview) {
	}

	public record View(long id, long periodId, Status status, @Nullable String number, @Nullable LocalDate issuedOn,
			@Nullable String signer, @Nullable String signerTitle, Content content, Map<String, String> edits,
			Instant builtAt, String builtBy, @Nullable Instant finalisedAt, @Nullable String finalisedBy, long version) {

		/** The text of a section as it will be exported: the department's edit, else the units' contributions. */
		public String text(SectionText section) {
			String edited = edits.get(section.code());
			if (edited != null) {
				return edited;
			}
			return String.join("\n", section.contributions().stream().map(c -> c.unitName() + ": " + c.text()).toList());
		}
	}

	private final JdbcClient jdbc;
	private final ReportingQueries queries;
	private final ReportForms forms;
	private final Clock clock;

	Consolidations(JdbcClient jdbc, ReportingQueries queries, ReportForms forms, Clock clock) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.forms = forms;
		this.clock = clock;
	}

	private ReportingQueries.PeriodView managed(Actor actor, long periodId) {
		var period = queries.period(actor, periodId);
		if (!actor.canManage(period.jurisdictionCode())) {
			throw new AccessDeniedException("consolidation of " + periodId);
		}
		return period;
	}

	/** Builds the draft from the reports accepted so far, or rebuilds it; a finalised consolidation is refused. */
	public View build(Actor actor, long periodId) {
		return build(actor, periodId, (done, total) -> {
		});
	}

	/** Told how many of the accepted reports have been read so far. */
	public interface Progress {
		void report(int done, int total);
	}

	/** As above, telling {@code progress} along the way. */
	public View build(Actor actor, long periodId, Progress progress) {
		var period = managed(actor, periodId);
		Content content = compile(period, LocalDate.now(clock), progress);
		Instant now = Instant.now(clock);
		int changed = jdbc.sql("""
				insert into consolidation (period_id, status, content, built_at, built_by)
				values (?, 'DRAFT', ?::jsonb, ?, ?)
				on conflict (period_id) do update set content = excluded.content, built_at = excluded.built_at,
				  built_by = excluded.built_by, version = consolidation.version + 1
				where consolidation.status = 'DRAFT'""")
			.params(periodId, ReportForms.JSON.writeValueAsString(content), java.sql.Timestamp.from(now), actor.username())
			.update();
		if (changed == 0) {
			throw new UserError("error.consolidation.final");
		}
		return view(actor, periodId).orElseThrow();
	}

	record Accepted(long unitId, String unitName, String indicators, String narrative, @Nullable LocalDate firstSubmittedOn) {
	}

	Content compile(ReportingQueries.PeriodView period, LocalDate today, Progress progress) {
		ReportForm form = forms.form(period.formId()).form();
		List<Accepted> accepted = jdbc.sql("""
				select r.unit_id, coalesce(n.name, '#' || r.unit_id) as unit_name, r.indicators::text as indicators,
				  r.narrative::text as narrative, r.first_submitted_on
				from report r left join unit_name n on n.unit_id = r.unit_id and n.valid_to is null
				where r.period_id = ? and r.status = 'ACCEPTED' and not r.exempt order by n.name, r.unit_id""")
			.param(period.id())
			.query(Accepted.class)
			.list();
		Map<String, BigDecimal> totals = new LinkedHashMap<>();
		form.indicators().forEach(i -> totals.put(i.code(), BigDecimal.ZERO));
		Map<String, List<Contribution>> contributions = new LinkedHashMap<>();
		form.sections().forEach(s -> contributions.put(s.code(), new ArrayList<>()));
		List<UnitLine> units = new ArrayList<>(accepted.size());
		progress.report(0, accepted.size());
		for (Accepted a : accepted) {
			if (units.size() % 100 == 99) {
				progress.report(units.size() + 1, accepted.size());
			}
			Map<String, BigDecimal> values = ReportForms.JSON.readValue(a.indicators(), NUMBERS);
			values.forEach((code, v) -> totals.computeIfPresent(code, (c, t) -> t.add(v)));
			Map<String, String> narrative = ReportForms.JSON.readValue(a.narrative(), TEXTS);
			narrative.forEach((code, text) -> {
				List<Contribution> list = contributions.get(code);
				if (list != null) {
					list.add(new Contribution(a.unitName(), text));
				}
			});
			units.add(new UnitLine(a.unitId(), a.unitName(), a.firstSubmittedOn(),
					ComplianceState.daysLate(a.firstSubmittedOn(), period.lastOnTimeDay()), values));
		}
		List<Missing> late = new ArrayList<>();
		List<Missing> missing = new ArrayList<>();
		List<Missing> awaiting = new ArrayList<>();
		record Owed(String unitName, ReportStatus status, @Nullable LocalDate firstSubmittedOn) {
		}
		int owed = 0;
		for (Owed r : jdbc.sql("""
				select coalesce(n.name, '#' || r.unit_id) as unit_name, r.status, r.first_submitted_on
				from report r left join unit_name n on n.unit_id = r.unit_id and n.valid_to is null
				where r.period_id = ? and not r.exempt order by n.name, r.unit_id""")
			.param(period.id())
			.query(Owed.class)
			.list()) {
			owed++;
			String name = r.unitName();
			ReportStatus status = r.status();
			LocalDate first = r.firstSubmittedOn();
			long daysLate = ComplianceState.daysLate(first, period.lastOnTimeDay());
			if (first == null) {
				missing.add(new Missing(name, status, today.isAfter(period.lastOnTimeDay())
						? period.lastOnTimeDay().until(today, java.time.temporal.ChronoUnit.DAYS) : 0));
			}
			else {
				if (daysLate > 0) {
					late.add(new Missing(name, status, daysLate));
				}
				if (status != ReportStatus.ACCEPTED) {
					awaiting.add(new Missing(name, status, daysLate));
				}
			}
		}
		List<IndicatorTotal> indicatorTotals = form.indicators().stream()
			.map(i -> new IndicatorTotal(i.code(), i.label(), i.unit(), i.isMoney(), totals.get(i.code())))
			.toList();
		List<SectionText> sections = form.sections().stream()
			.map(s -> new SectionText(s.code(), s.title(), contributions.get(s.code())))
			.toList();
		return new Content(owed, accepted.size(), indicatorTotals, units, sections, late, missing, awaiting);
	}

	private static final TypeReference<Map<String, BigDecimal>> NUMBERS = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {
	};

	/** The department's changes to a draft: section texts (empty = back to the units' contributions), number, date, signer. */
	public record Edit(@Nullable Map<String, String> sections, @Nullable String number, @Nullable LocalDate issuedOn,
			@Nullable String signer, @Nullable String signerTitle, @Nullable Long version) {
	}

	public View edit(Actor actor, long periodId, Edit edit) {
		managed(actor, periodId);
		View current = view(actor, periodId).orElseThrow(() -> new NotFound("consolidation", periodId));
		if (current.status() == Status.FINAL) {
			throw new UserError("error.consolidation.final");
		}
		if (edit.version() != null && edit.version() != current.version()) {
			throw new UserError("error.report.changedMeanwhile");
		}
		Map<String, String> edits = new LinkedHashMap<>();
		for (SectionText s : current.content().sections()) {
			String text = edit.sections() == null ? null : VietnameseText.nfc(edit.sections().get(s.code()));
			if (text != null && !text.isBlank()) {
				if (text.length() > 10 * Reports.MAX_TEXT) {
					throw new UserError("error.report.textTooLong", s.title(), 10 * Reports.MAX_TEXT);
				}
				if (!text.strip().equals(current.text(s).strip()) || current.edits().containsKey(s.code())) {
					edits.put(s.code(), text.strip());
				}
			}
		}
		jdbc.sql("""
				update consolidation set edits = ?::jsonb, number = ?, issued_on = ?, signer = ?, signer_title = ?,
				  version = version + 1 where period_id = ?""")
			.params(ReportForms.JSON.writeValueAsString(edits), VietnameseText.clean(edit.number()), edit.issuedOn(),
					VietnameseText.clean(edit.signer()), VietnameseText.clean(edit.signerTitle()), periodId)
			.update();
		return view(actor, periodId).orElseThrow();
	}

	/** Finalises the draft: it needs its number and date (Nghị định 30/2020, Phụ lục I), and no longer changes. */
	public View finalise(Actor actor, long periodId) {
		managed(actor, periodId);
		View current = view(actor, periodId).orElseThrow(() -> new NotFound("consolidation", periodId));
		if (current.status() == Status.FINAL) {
			throw new UserError("error.consolidation.final");
		}
		if (current.number() == null || current.number().isBlank() || current.issuedOn() == null) {
			throw new UserError("error.consolidation.numberRequired");
		}
		jdbc.sql("update consolidation set status = 'FINAL', finalised_at = ?, finalised_by = ?, version = version + 1 where period_id = ?")
			.params(java.sql.Timestamp.from(Instant.now(clock)), actor.username(), periodId)
			.update();
		return view(actor, periodId).orElseThrow();
	}

	/** The consolidation of a period, for the coordinating department and the leaders. */
	@Transactional(readOnly = true)
	public java.util.Optional<View> view(Actor actor, long periodId) {
		var period = queries.period(actor, periodId);
		if (!ReportWorkflow.seesJurisdiction(actor, period.jurisdictionCode())) {
			throw new AccessDeniedException("consolidation of " + periodId);
		}
		return jdbc.sql("""
				select id, period_id, status, number, issued_on, signer, signer_title, content::text, edits::text, built_at,
				  built_by, finalised_at, finalised_by, version from consolidation where period_id = ?""")
			.param(periodId)
			.query((rs, i) -> new View(rs.getLong(1), rs.getLong(2), Status.valueOf(rs.getString(3)), rs.getString(4),
					rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7),
					ReportForms.JSON.readValue(rs.getString(8), Content.class), ReportForms.JSON.readValue(rs.getString(9), TEXTS),
					rs.getTimestamp(10).toInstant(), rs.getString(11),
					rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant(), rs.getString(13), rs.getLong(14)))
			.optional();
	}
}
