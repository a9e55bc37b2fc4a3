package vn.ttdn.reporting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import vn.ttdn.regulation.Coverage;
import vn.ttdn.regulation.ReportKind;
import vn.ttdn.shared.NotFound;
import vn.ttdn.shared.VietnameseText;
import vn.ttdn.shared.security.Actor;

/** Periods, unit reports and compliance, as each actor may see them (C6, C19). */
@Component
@Transactional(readOnly = true)
public class ReportingQueries {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final ReportForms forms;
	private final Prefill prefill;
	private final io.micrometer.core.instrument.Timer matrixTimer;

	ReportingQueries(JdbcClient jdbc, Clock clock, ReportForms forms, Prefill prefill,
			io.micrometer.core.instrument.MeterRegistry meters) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.forms = forms;
		this.prefill = prefill;
		this.matrixTimer = io.micrometer.core.instrument.Timer.builder("ttdn.reporting.compliance")
			.description("Time to build a compliance matrix (units × periods)")
			.register(meters);
	}

	public record PeriodView(long id, String jurisdictionCode, int year, ReportKind kind, Coverage covers,
			LocalDate coversFrom, LocalDate coversTo, LocalDate dueBefore, LocalDate lastOnTimeDay, String title,
			List<String> recipients, @Nullable String documentNumber, @Nullable String articleRef, @Nullable String quote,
			@Nullable String instructions, long formId, boolean demo, long owed, long submitted, long accepted, long late,
			long missing) {

		public boolean adHoc() {
			return kind == ReportKind.AD_HOC_REPORT;
		}
	}

	public record ReportSummary(long id, long periodId, String periodTitle, LocalDate dueBefore, long unitId, String unitName,
			ReportStatus status, boolean exempt, @Nullable LocalDate firstSubmittedOn, long daysLate, ComplianceState state,
			long version) {
	}

	public record PrefillView(BigDecimal value, String source, LocalDate from, LocalDate to) {
	}

	public record Correction(String indicator, @Nullable BigDecimal prefilled, @Nullable BigDecimal value, String source,
			String username, Instant at) {
	}

	public record AttachmentView(long id, String filename, String contentType, long size, String uploadedBy, Instant uploadedAt) {
	}

	public record Event(Instant at, String username, @Nullable ReportStatus fromStatus, ReportStatus toStatus,
			@Nullable String note) {
	}

	public record ReportView(ReportSummary report, PeriodView period, ReportForm form, Map<String, BigDecimal> indicators,
			Map<String, String> narrative, Map<String, PrefillView> prefill, List<Correction> corrections,
			List<AttachmentView> attachments, List<Event> events) {

		/** What the form shows for an indicator: the value entered, else the prefilled one. */
		public @Nullable BigDecimal shown(String code) {
			BigDecimal v = indicators.get(code);
			if (v != null) {
				return v;
			}
			PrefillView p = prefill.get(code);
			return p == null ? null : p.value();
		}

		/** The figure shown in the form, with "." between thousands ("150.000.000"). */
		public String shownText(String code) {
			BigDecimal v = shown(code);
			return v == null ? "" : ReportingExport.number(v);
		}

		/** The comment of the last return, for the unit to act on. */
		public @Nullable String lastReturnNote() {
			return events.stream().filter(e -> e.toStatus() == ReportStatus.RETURNED).reduce((a, b) -> b)
				.map(Event::note).orElse(null);
		}
	}

	private static final String PERIOD = """
			select p.id, p.jurisdiction_code, p.year, p.kind, p.covers, p.covers_from, p.covers_to, p.due_before,
			  p.last_on_time_day, p.title, p.recipients, p.document_number, p.article_ref, p.quote, p.instructions, p.form_id,
			  p.demo,
			  (select count(*) from report r where r.period_id = p.id and not r.exempt),
			  (select count(*) from report r where r.period_id = p.id and r.first_submitted_on is not null and not r.exempt),
			  (select count(*) from report r where r.period_id = p.id and r.status = 'ACCEPTED' and not r.exempt),
			  (select count(*) from report r where r.period_id = p.id and r.first_submitted_on > p.last_on_time_day and not r.exempt),
			  (select count(*) from report r where r.period_id = p.id and r.first_submitted_on is null and not r.exempt
			     and p.last_on_time_day < :today)
			from reporting_period p
			""";

	private static PeriodView period(ResultSet rs) throws SQLException {
		return new PeriodView(rs.getLong(1), rs.getString(2), rs.getInt(3), ReportKind.valueOf(rs.getString(4)),
				Coverage.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
				rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getString(10),
				List.of(rs.getString(11).split("\n")), rs.getString(12), rs.getString(13), rs.getString(14),
				rs.getString(15), rs.getLong(16), rs.getBoolean(17), rs.getLong(18), rs.getLong(19), rs.getLong(20),
				rs.getLong(21), rs.getLong(22));
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	/** The periods of a jurisdiction's year, earliest due first; a unit sees only those it owes a report for. */
	public List<PeriodView> periods(Actor actor, String jurisdiction, int year) {
		if (!actor.isIn(jurisdiction)) {
			throw new AccessDeniedException("periods of " + jurisdiction);
		}
		String unitFilter = actor.role().isUnitScoped()
				? " and exists (select 1 from report r where r.period_id = p.id and r.unit_id = :unit)" : "";
		return jdbc.sql(PERIOD + " where p.jurisdiction_code = :j and p.year = :year" + unitFilter
				+ " order by p.due_before, p.id")
			.param("today", today())
			.param("j", jurisdiction)
			.param("year", year)
			.param("unit", actor.unitId() == null ? -1L : actor.unitId())
			.query((rs, i) -> period(rs))
			.list();
	}

	public PeriodView period(Actor actor, long id) {
		PeriodView period = jdbc.sql(PERIOD + " where p.id = :id")
			.param("today", today())
			.param("id", id)
			.query((rs, i) -> period(rs))
			.optional()
			.orElseThrow(() -> new NotFound("period", id));
		if (!actor.isIn(period.jurisdictionCode())) {
			throw new AccessDeniedException("period " + id);
		}
		return period;
	}

	private static final String REPORT = """
			select r.id, r.period_id, r.unit_id, coalesce(n.name, '#' || r.unit_id) as unit_name, r.status, r.exempt,
			  r.first_submitted_on, p.last_on_time_day, r.version, p.title, p.due_before
			from report r join reporting_period p on p.id = r.period_id
			left join unit_name n on n.unit_id = r.unit_id and n.valid_to is null
			""";

	private ReportSummary report(ResultSet rs, LocalDate today) throws SQLException {
		LocalDate first = rs.getObject(7, LocalDate.class);
		LocalDate last = rs.getObject(8, LocalDate.class);
		boolean exempt = rs.getBoolean(6);
		return new ReportSummary(rs.getLong(1), rs.getLong(2), rs.getString(10), rs.getObject(11, LocalDate.class),
				rs.getLong(3), rs.getString(4), ReportStatus.valueOf(rs.getString(5)), exempt, first,
				ComplianceState.daysLate(first, last), ComplianceState.of(exempt, first, last, today), rs.getLong(9));
	}

	/** The reports of a period: all of them for the coordinating department and leaders, the unit's own for unit staff. */
	public List<ReportSummary> reports(Actor actor, long periodId) {
		PeriodView period = period(actor, periodId);
		LocalDate today = today();
		return jdbc.sql(REPORT + " where r.period_id = ? order by n.name")
			.param(periodId)
			.query((rs, i) -> report(rs, today))
			.list()
			.stream()
			.filter(r -> ReportWorkflow.mayRead(actor, period.jurisdictionCode(), r.unitId(), r.status()))
			.toList();
	}

	/** The reports the actor's unit owes, newest period first. */
	public List<ReportSummary> myReports(Actor actor) {
		if (actor.unitId() == null) {
			return List.of();
		}
		LocalDate today = today();
		return jdbc.sql(REPORT + " where r.unit_id = ? order by p.due_before desc")
			.param(actor.unitId())
			.query((rs, i) -> report(rs, today))
			.list();
	}

	ReportSummary summary(long id) {
		LocalDate today = today();
		return jdbc.sql(REPORT + " where r.id = ?")
			.param(id)
			.query((rs, i) -> report(rs, today))
			.optional()
			.orElseThrow(() -> new NotFound("report", id));
	}

	private static final TypeReference<Map<String, BigDecimal>> NUMBERS = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, PrefillView>> PREFILLS = new TypeReference<>() {
	};

	/** A report with its form, values, prefilled numbers with their sources, corrections, attachments and history. */
	public ReportView report(Actor actor, long id) {
		ReportSummary summary = summary(id);
		PeriodView period = period(actor, summary.periodId());
		if (!ReportWorkflow.mayRead(actor, period.jurisdictionCode(), summary.unitId(), summary.status())) {
			throw new AccessDeniedException("report " + id);
		}
		record Content(String indicators, String narrative, String prefill) {
		}
		Content content = jdbc.sql("select indicators::text as indicators, narrative::text as narrative, prefill::text as prefill from report where id = ?")
			.param(id)
			.query(Content.class)
			.single();
		ReportForm form = forms.form(period.formId()).form();
		Map<String, PrefillView> prefilled = new LinkedHashMap<>(ReportForms.JSON.readValue(content.prefill(), PREFILLS));
		if (ReportWorkflow.isEditable(summary.status())) {
			prefill.compute(form, summary.unitId(), period.coversFrom(), min(period.coversTo(), today()))
				.forEach((code, v) -> prefilled.put(code, new PrefillView(v.value(), v.source(), v.from(), v.to())));
		}
		return new ReportView(summary, period, form, ReportForms.JSON.readValue(content.indicators(), NUMBERS),
				ReportForms.JSON.readValue(content.narrative(), TEXTS), prefilled, corrections(id), attachments(id),
				events(id));
	}

	static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	private List<Correction> corrections(long id) {
		return jdbc.sql("select indicator, prefilled, value, source, username, at from report_correction where report_id = ? order by at, id")
			.param(id)
			.query(Correction.class)
			.list();
	}

	List<AttachmentView> attachments(long id) {
		return jdbc.sql("select id, filename, content_type, size, uploaded_by, uploaded_at from report_attachment where report_id = ? order by id")
			.param(id)
			.query(AttachmentView.class)
			.list();
	}

	private List<Event> events(long id) {
		return jdbc.sql("select at, username, from_status, to_status, note from report_event where report_id = ? order by at, id")
			.param(id)
			.query(Event.class)
			.list();
	}

	public record AttachmentFile(AttachmentView attachment, String storageKey) {
	}

	/** An attachment, to whoever may read its report. */
	public AttachmentFile attachment(Actor actor, long id) {
		record Row(long reportId, String storageKey) {
		}
		Row row = jdbc.sql("select report_id, storage_key from report_attachment where id = ?")
			.param(id)
			.query(Row.class)
			.optional()
			.orElseThrow(() -> new NotFound("attachment", id));
		ReportView report = report(actor, row.reportId());
		return new AttachmentFile(report.attachments().stream().filter(a -> a.id() == id).findFirst().orElseThrow(),
				row.storageKey());
	}

	// ---------------------------------------------------------------- compliance

	public record Column(long periodId, String title, ReportKind kind, LocalDate lastOnTimeDay) {
	}

	public record Row(long unitId, String unitName, List<@Nullable ComplianceState> cells) {
	}

	public record Matrix(String jurisdictionCode, int year, List<Column> columns, List<Row> rows,
			Map<ComplianceState, Long> totals) {
	}

	/**
	 * Units × periods of a jurisdiction's year: on time, late, missing, not yet due, exempt (an empty
	 * cell: the unit owed nothing). Filters: part of the unit's name (with or without diacritics), and a state.
	 */
	public Matrix compliance(Actor actor, String jurisdiction, int year, @Nullable String unitFilter,
			@Nullable ComplianceState only) {
		if (!ReportWorkflow.seesJurisdiction(actor, jurisdiction)) {
			throw new AccessDeniedException("compliance of " + jurisdiction);
		}
		return matrixTimer.record(() -> matrix(jurisdiction, year, unitFilter, only));
	}

	private Matrix matrix(String jurisdiction, int year, @Nullable String unitFilter, @Nullable ComplianceState only) {
		List<Column> columns = jdbc.sql("""
				select id as period_id, title, kind, last_on_time_day from reporting_period where jurisdiction_code = ? and year = ?
				order by due_before, id""")
			.params(jurisdiction, year)
			.query(Column.class)
			.list();
		String fold = unitFilter == null || unitFilter.isBlank() ? null : VietnameseText.fold(unitFilter);
		Map<Long, Row> rows = new LinkedHashMap<>();
		Map<ComplianceState, Long> totals = new java.util.EnumMap<>(ComplianceState.class);
		ComplianceState[] states = ComplianceState.values();
		// One row per unit, its cells as one array of column * 8 + state ordinal, the state computed in
		// SQL exactly as ComplianceState.of does: 100,000 cells cost 5,000 rows and no sort per unit.
		jdbc.sql("""
				with cols as (
				  select id, row_number() over (order by due_before, id) - 1 as pos, last_on_time_day
				  from reporting_period where jurisdiction_code = :j and year = :year),
				cells as (
				  select r.unit_id, array_agg(c.pos * 8 + case when r.exempt then :exempt
				    when r.first_submitted_on is not null then
				      case when r.first_submitted_on > c.last_on_time_day then :late else :onTime end
				    when :today > c.last_on_time_day then :missing else :notYetDue end) as cells
				  from report r join cols c on c.id = r.period_id group by r.unit_id)
				select g.unit_id, coalesce(n.name, '#' || g.unit_id), g.cells
				from cells g left join unit_name n on n.unit_id = g.unit_id and n.valid_to is null
				where (cast(:fold as text) is null or n.search_key like '%' || cast(:fold as text) || '%')
				order by n.name, g.unit_id""")
			.param("j", jurisdiction)
			.param("year", year)
			.param("today", today())
			.param("fold", fold)
			.param("exempt", ComplianceState.EXEMPT.ordinal())
			.param("late", ComplianceState.LATE.ordinal())
			.param("onTime", ComplianceState.ON_TIME.ordinal())
			.param("missing", ComplianceState.MISSING.ordinal())
			.param("notYetDue", ComplianceState.NOT_YET_DUE.ordinal())
			.query(rs -> {
				List<@Nullable ComplianceState> cells = new ArrayList<>(java.util.Collections.nCopies(columns.size(), null));
				for (Number cell : (Number[]) rs.getArray(3).getArray()) {
					cells.set(cell.intValue() / 8, states[cell.intValue() % 8]);
				}
				rows.put(rs.getLong(1), new Row(rs.getLong(1), rs.getString(2), cells));
			});
		List<Row> kept = rows.values().stream().filter(r -> only == null || r.cells().contains(only)).toList();
		for (Row r : kept) {
			for (ComplianceState s : r.cells()) {
				if (s != null) {
					totals.merge(s, 1L, Long::sum);
				}
			}
		}
		return new Matrix(jurisdiction, year, columns, kept, totals);
	}

	public record UnitYear(int year, List<ReportSummary> reports) {
	}

	/** One unit over the years: each report it owed and how it stood. */
	public List<UnitYear> unitCompliance(Actor actor, long unitId) {
		String jurisdiction = jdbc.sql("select jurisdiction_code from unit where id = ?")
			.param(unitId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFound("unit", unitId));
		if (!ReportWorkflow.seesJurisdiction(actor, jurisdiction) && !ReportWorkflow.mayEdit(actor, jurisdiction, unitId)) {
			throw new AccessDeniedException("compliance of " + unitId);
		}
		LocalDate today = today();
		Map<Long, Integer> yearOf = new java.util.HashMap<>();
		jdbc.sql("select id, year from reporting_period where id in (select period_id from report where unit_id = ?)")
			.param(unitId)
			.query(rs -> {
				yearOf.put(rs.getLong(1), rs.getInt(2));
			});
		Map<Integer, List<ReportSummary>> years = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
		jdbc.sql(REPORT + " where r.unit_id = ? order by p.due_before")
			.param(unitId)
			.query((rs, i) -> report(rs, today))
			.list()
			.forEach(r -> years.computeIfAbsent(yearOf.get(r.periodId()), y -> new ArrayList<>()).add(r));
		return years.entrySet().stream().map(e -> new UnitYear(e.getKey(), e.getValue())).toList();
	}
}
