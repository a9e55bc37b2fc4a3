package vn.ttdn.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.ttdn.organization.OrganizationQueries;
import vn.ttdn.organization.UnitMatcher;
import vn.ttdn.shared.NotFound;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.VietnameseText;
import vn.ttdn.shared.security.Actor;

/** Multi-year programmes (đề án): their text, targets with progress, and budget estimate table (C3). */
@Component
@Transactional(readOnly = true)
public class ProgrammeCatalog {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final TypeReference<Map<String, @Nullable String>> AMOUNTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final UnitMatcher matcher;
	private final OrganizationQueries organization;
	private final Clock clock;

	ProgrammeCatalog(JdbcClient jdbc, UnitMatcher matcher, OrganizationQueries organization, Clock clock) {
		this.jdbc = jdbc;
		this.matcher = matcher;
		this.organization = organization;
		this.clock = clock;
	}

	// ---------------------------------------------------------------- import

	public record ProgrammeSpec(String jurisdiction, String decisionNumber, LocalDate decidedOn, String title,
			@Nullable String signer, @Nullable String signerTitle, int periodFrom, int periodTo,
			Map<String, Object> content, String budgetUnit, List<String> budgetColumns,
			Map<String, @Nullable String> statedTotal, @Nullable String totalInWords) {
	}

	public record SectionSpec(String code, String title, @Nullable Map<String, @Nullable String> statedSubtotal,
			List<LineSpec> lines) {
	}

	public record LineSpec(@Nullable String number, String content, Map<String, @Nullable String> amounts,
			@Nullable String implementingUnit, @Nullable String fundingSource) {
	}

	public record TargetSpec(String code, @Nullable String phase, String text, String measure,
			@Nullable BigDecimal targetValue, @Nullable String subject, @Nullable LocalDate deadline,
			@Nullable String computable) {
	}

	/** Column key of a phase label: "2013-2015" → "p2013_2015". */
	public static String columnKey(String label) {
		return "p" + label.replaceAll("[^0-9]+", "_");
	}

	@Transactional
	public long importProgramme(ProgrammeSpec spec, List<SectionSpec> sections, List<TargetSpec> targets) {
		long id = jdbc.sql("""
				insert into programme (jurisdiction_code, decision_number, decided_on, title, signer, signer_title, period_from,
				  period_to, content, budget_unit, budget_columns, stated_total, total_in_words)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?::jsonb, ?) returning id""")
			.params(spec.jurisdiction(), spec.decisionNumber(), spec.decidedOn(), VietnameseText.nfc(spec.title()), spec.signer(),
					spec.signerTitle(), spec.periodFrom(), spec.periodTo(), JSON.writeValueAsString(spec.content()),
					spec.budgetUnit(), JSON.writeValueAsString(spec.budgetColumns()), JSON.writeValueAsString(spec.statedTotal()),
					spec.totalInWords())
			.query(Long.class)
			.single();
		var match = matcher.forJurisdiction(spec.jurisdiction(), spec.decidedOn());
		int s = 0;
		for (SectionSpec section : sections) {
			long sectionId = jdbc.sql("""
					insert into budget_section (programme_id, position, code, title, stated_subtotal) values (?, ?, ?, ?, ?::jsonb)
					returning id""")
				.params(id, ++s, section.code(), section.title(),
						section.statedSubtotal() == null ? null : JSON.writeValueAsString(section.statedSubtotal()))
				.query(Long.class)
				.single();
			int l = 0;
			for (LineSpec line : section.lines()) {
				String unit = VietnameseText.clean(line.implementingUnit());
				Long unitId = unit == null || unit.isEmpty() ? null : match.apply(unit).unitId();
				jdbc.sql("""
						insert into budget_line (section_id, position, number, content, amounts, implementing_unit,
						  implementing_unit_id, funding_source) values (?, ?, ?, ?, ?::jsonb, ?, ?, ?)""")
					.params(sectionId, ++l, line.number(), VietnameseText.nfc(line.content()), JSON.writeValueAsString(line.amounts()),
							unit, unitId, line.fundingSource())
					.update();
			}
		}
		int t = 0;
		for (TargetSpec target : targets) {
			jdbc.sql("""
					insert into programme_target (programme_id, position, code, phase, text, measure, target_value, subject,
					  deadline, computable) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, ++t, target.code(), target.phase(), VietnameseText.nfc(target.text()), target.measure(),
						target.targetValue(), target.subject(), target.deadline(), target.computable())
				.update();
		}
		return id;
	}

	// ---------------------------------------------------------------- reading

	public record ProgrammeSummary(long id, String jurisdictionCode, String decisionNumber, LocalDate decidedOn,
			String title, int periodFrom, int periodTo) {
	}

	public record ProgrammeView(ProgrammeSummary programme, @Nullable String signer, @Nullable String signerTitle,
			Map<String, Object> content, List<TargetView> targets, BudgetTable budget) {
	}

	public List<ProgrammeSummary> programmes(@Nullable String jurisdiction) {
		return jdbc.sql("""
				select id, jurisdiction_code, decision_number, decided_on, title, period_from, period_to from programme
				where (cast(:j as varchar) is null or jurisdiction_code = :j) order by decided_on desc""")
			.param("j", jurisdiction)
			.query(ProgrammeSummary.class)
			.list();
	}

	public ProgrammeView programme(long id) {
		record Row(long id, String jurisdictionCode, String decisionNumber, LocalDate decidedOn, String title, int periodFrom,
				int periodTo, @Nullable String signer, @Nullable String signerTitle, String content, String budgetUnit,
				String budgetColumns, String statedTotal, @Nullable String totalInWords) {
		}
		Row row = jdbc.sql("""
				select id, jurisdiction_code, decision_number, decided_on, title, period_from, period_to, signer, signer_title,
				  content::text as content, budget_unit, budget_columns::text as budget_columns, stated_total::text as stated_total,
				  total_in_words from programme where id = ?""")
			.param(id)
			.query(Row.class)
			.optional()
			.orElseThrow(() -> new NotFound("programme", id));
		List<String> labels = JSON.readValue(row.budgetColumns(), new TypeReference<List<String>>() {
		});
		List<BudgetTable.Column> columns = labels.stream().map(l -> new BudgetTable.Column(columnKey(l), l)).toList();
		List<BudgetTable.SectionRows> sections = new ArrayList<>();
		record SectionRow(long id, String code, String title, @Nullable String statedSubtotal) {
		}
		for (SectionRow s : jdbc.sql("select id, code, title, stated_subtotal::text as stated_subtotal from budget_section where programme_id = ? order by position")
			.param(id)
			.query(SectionRow.class)
			.list()) {
			List<BudgetTable.Line> lines = jdbc.sql("""
					select id, number, content, amounts::text, implementing_unit, implementing_unit_id, funding_source
					from budget_line where section_id = ? order by position""")
				.param(s.id())
				.query((rs, i) -> new BudgetTable.Line(rs.getLong(1), rs.getString(2), rs.getString(3),
						JSON.readValue(rs.getString(4), AMOUNTS), rs.getString(5), rs.getObject(6, Long.class), rs.getString(7)))
				.list();
			sections.add(new BudgetTable.SectionRows(s.code(), s.title(),
					s.statedSubtotal() == null ? null : JSON.readValue(s.statedSubtotal(), AMOUNTS), lines));
		}
		BudgetTable budget = BudgetTable.of(row.budgetUnit(), columns, sections, JSON.readValue(row.statedTotal(), AMOUNTS),
				row.totalInWords());
		var summary = new ProgrammeSummary(row.id(), row.jurisdictionCode(), row.decisionNumber(), row.decidedOn(), row.title(),
				row.periodFrom(), row.periodTo());
		return new ProgrammeView(summary, row.signer(), row.signerTitle(),
				JSON.readValue(row.content(), new TypeReference<Map<String, Object>>() {
				}), targets(id, row.jurisdictionCode(), LocalDate.now(clock)), budget);
	}

	// ---------------------------------------------------------------- targets

	/** Where a target's current value comes from. */
	public enum Source {
		/** Computed from the system's own records (plans, focal officers). */
		COMPUTED,
		/** Entered by a responsible unit with evidence. */
		ENTERED,
		/** Not known yet. */
		NONE
	}

	public record Measurement(LocalDate measuredOn, BigDecimal value, String evidence, String recordedBy) {
	}

	public record TargetView(long id, String code, @Nullable String phase, String text, String measure,
			@Nullable BigDecimal targetValue, @Nullable LocalDate deadline, @Nullable String computable,
			@Nullable BigDecimal current, Source source, @Nullable String basis, @Nullable Boolean onTrack,
			List<Measurement> history) {
	}

	public List<TargetView> targets(long programmeId, String jurisdiction, LocalDate day) {
		record Row(long id, String code, @Nullable String phase, String text, String measure, @Nullable BigDecimal targetValue,
				@Nullable LocalDate deadline, @Nullable String computable) {
		}
		return jdbc.sql("""
				select id, code, phase, text, measure, target_value, deadline, computable from programme_target
				where programme_id = ? order by position""")
			.param(programmeId)
			.query(Row.class)
			.list()
			.stream()
			.map(r -> {
				List<Measurement> history = jdbc.sql("""
						select measured_on, value, evidence, recorded_by from target_measurement where target_id = ?
						order by measured_on, id""")
					.param(r.id())
					.query(Measurement.class)
					.list();
				BigDecimal current = null;
				Source source = Source.NONE;
				String basis = null;
				if (r.computable() != null) {
					var computed = compute(r.computable(), jurisdiction, day);
					current = computed.value();
					basis = computed.basis();
					source = Source.COMPUTED;
				}
				else if (!history.isEmpty()) {
					current = history.getLast().value();
					basis = history.getLast().evidence();
					source = Source.ENTERED;
				}
				Boolean onTrack = current == null || r.targetValue() == null ? null : current.compareTo(r.targetValue()) >= 0;
				return new TargetView(r.id(), r.code(), r.phase(), r.text(), r.measure(), r.targetValue(), r.deadline(),
						r.computable(), current, source, basis, onTrack, history);
			})
			.toList();
	}

	record Computed(@Nullable BigDecimal value, String basis) {
	}

	/**
	 * Targets the system can measure itself (001: "100% các sở, ban, ngành … xây dựng kế hoạch hoạt
	 * động hàng năm về thông tin đối ngoại"; "bố trí cán bộ" for foreign information): the share of
	 * the jurisdiction's acting units with an accepted plan for the year, or with a focal officer.
	 */
	Computed compute(String computable, String jurisdiction, LocalDate day) {
		return switch (computable) {
			case "UNITS_WITH_FOCAL_OFFICER" -> {
				var coverage = organization.focalOfficerCoverage(jurisdiction, day);
				yield new Computed(percent(coverage.covered(), coverage.units()),
						coverage.covered() + "/" + coverage.units() + " đơn vị có cán bộ đầu mối");
			}
			case "UNITS_WITH_ANNUAL_PLAN" -> {
				List<Long> units = organization.actingUnits(jurisdiction, day);
				long withPlan = units.isEmpty() ? 0 : jdbc.sql("""
						select count(distinct unit_id) from plan where year = :year and unit_id in (:units)
						and status in ('ACCEPTED', 'ISSUED')""")
					.param("year", day.getYear())
					.param("units", units)
					.query(Long.class)
					.single();
				yield new Computed(percent(withPlan, units.size()),
						withPlan + "/" + units.size() + " đơn vị có kế hoạch năm " + day.getYear() + " được chấp nhận");
			}
			default -> new Computed(null, computable);
		};
	}

	private static @Nullable BigDecimal percent(long part, long whole) {
		return whole == 0 ? null
				: BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
	}

	/** A responsible unit records a target's value with its evidence. */
	@Transactional
	public void measure(Actor actor, long targetId, LocalDate on, @Nullable BigDecimal value, @Nullable String evidence) {
		String jurisdiction = jdbc.sql("""
				select p.jurisdiction_code from programme_target t join programme p on p.id = t.programme_id where t.id = ?""")
			.param(targetId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFound("target", targetId));
		if (!actor.isIn(jurisdiction) || actor.role() == vn.ttdn.shared.security.AppRole.LEADER) {
			throw new AccessDeniedException("target " + targetId);
		}
		String text = VietnameseText.clean(evidence);
		if (value == null || text == null || text.isEmpty()) {
			throw new UserError("error.target.valueRequired");
		}
		jdbc.sql("""
				insert into target_measurement (target_id, measured_on, value, evidence, unit_id, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(targetId, on, value, text, actor.unitId(), actor.username(), java.sql.Timestamp.from(Instant.now(clock)))
			.update();
	}
}
