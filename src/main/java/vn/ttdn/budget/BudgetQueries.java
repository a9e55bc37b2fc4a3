package vn.ttdn.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.shared.NotFound;
import vn.ttdn.shared.security.Actor;
import vn.ttdn.shared.security.AppRole;

/**
 * The reads of C5, as each actor may see them: a unit its own estimates; the jurisdiction's
 * finance body, coordinating department and leaders every estimate of the jurisdiction and its
 * roll-ups. Amounts are exact đồng.
 */
@Service
@Transactional(readOnly = true)
public class BudgetQueries {

	private final JdbcClient jdbc;

	BudgetQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record EstimateSummary(long id, String jurisdictionCode, long unitId, String unitName, int year, BudgetStatus status,
			String title, long version, BigDecimal requested, BigDecimal approved, BigDecimal allocated, BigDecimal spent) {
	}

	public record Line(long id, int position, String content, @Nullable Long planTaskId, @Nullable String planTask,
			@Nullable Long programmeLineId, @Nullable String programmeLine, FundingSource fundingSource, CapitalKind capitalKind,
			BigDecimal requested, @Nullable Appraisal appraisal, @Nullable BigDecimal approved, @Nullable String appraisalReason,
			@Nullable BigDecimal allocated, BigDecimal spent) {

		public BigDecimal remaining() {
			return (allocated == null ? BigDecimal.ZERO : allocated).subtract(spent);
		}
	}

	public record Spending(long id, long lineId, LocalDate spentOn, BigDecimal amount, String document, String recordedBy,
			Instant recordedAt) {
	}

	public record Event(Instant at, String username, @Nullable BudgetStatus fromStatus, BudgetStatus toStatus, @Nullable String note) {
	}

	public record EstimateView(EstimateSummary estimate, @Nullable LocalDate settledOn, @Nullable String settlementNote,
			List<Line> lines, List<Spending> spending, List<Event> events) {
	}

	/** Reads the whole jurisdiction's budgets: its finance body, coordinating department and leaders. */
	public static boolean readsJurisdiction(Actor actor, String jurisdiction) {
		return actor.isIn(jurisdiction) && (actor.canManage(jurisdiction) || actor.role() == AppRole.FINANCE_OFFICER
				|| actor.role() == AppRole.LEADER);
	}

	static boolean mayRead(Actor actor, String jurisdiction, long unitId) {
		return readsJurisdiction(actor, jurisdiction) || actor.role().isUnitScoped() && actor.canEditUnit(jurisdiction, unitId);
	}

	private static final String SUMMARY = """
			select e.id, e.jurisdiction_code, e.unit_id,
			  (select x.name from unit_name x where x.unit_id = e.unit_id order by x.valid_to desc nulls first limit 1) as unit_name, e.year, e.status, e.title, e.version,
			  coalesce(sum(l.requested), 0) as requested, coalesce(sum(l.approved), 0) as approved,
			  coalesce(sum(l.allocated), 0) as allocated,
			  coalesce((select sum(s.amount) from budget_spending s join budget_estimate_line x on x.id = s.line_id
			    where x.estimate_id = e.id), 0) as spent
			from budget_estimate e
			left join budget_estimate_line l on l.estimate_id = e.id
			""";

	public List<EstimateSummary> estimates(Actor actor, String jurisdiction, @Nullable Integer year) {
		boolean all = readsJurisdiction(actor, jurisdiction);
		if (!all && !(actor.role().isUnitScoped() && actor.isIn(jurisdiction))) {
			throw new AccessDeniedException("budgets of " + jurisdiction);
		}
		return jdbc.sql(SUMMARY + """
				where e.jurisdiction_code = :j and (cast(:y as integer) is null or e.year = :y)
				  and (:all or e.unit_id = :unit)
				group by e.id order by e.year desc, 4""")
			.param("j", jurisdiction)
			.param("y", year)
			.param("all", all)
			.param("unit", actor.unitId() == null ? -1L : actor.unitId())
			.query(EstimateSummary.class)
			.list();
	}

	public EstimateView estimate(Actor actor, long id) {
		EstimateSummary summary = jdbc.sql(SUMMARY + " where e.id = ? group by e.id").param(id)
			.query(EstimateSummary.class).optional().orElseThrow(() -> new NotFound("budget", id));
		if (!mayRead(actor, summary.jurisdictionCode(), summary.unitId())) {
			throw new AccessDeniedException("budget " + id);
		}
		record Settlement(@Nullable LocalDate settledOn, @Nullable String settlementNote) {
		}
		Settlement settlement = jdbc.sql("select settled_on, settlement_note from budget_estimate where id = ?").param(id)
			.query(Settlement.class).single();
		List<Line> lines = jdbc.sql("""
				select l.id, l.position, l.content, l.plan_task_id,
				  case when t.id is null then null else coalesce(t.group_code || '.', '') || coalesce(t.number::text, '') || ' ' || left(t.content, 120) end as plan_task,
				  l.programme_line_id,
				  case when b.id is null then null else g.decision_number || ' — ' || s.code || '.' || coalesce(b.number, '') || ' ' || b.content end as programme_line,
				  l.funding_source, l.capital_kind, l.requested, l.appraisal, l.approved, l.appraisal_reason, l.allocated,
				  coalesce((select sum(x.amount) from budget_spending x where x.line_id = l.id), 0) as spent
				from budget_estimate_line l
				left join plan_task t on t.id = l.plan_task_id
				left join budget_line b on b.id = l.programme_line_id
				left join budget_section s on s.id = b.section_id
				left join programme g on g.id = s.programme_id
				where l.estimate_id = ? order by l.position""")
			.param(id).query(Line.class).list();
		List<Spending> spending = jdbc.sql("""
				select s.id, s.line_id, s.spent_on, s.amount, s.document, s.recorded_by, s.recorded_at
				from budget_spending s join budget_estimate_line l on l.id = s.line_id where l.estimate_id = ? order by s.spent_on, s.id""")
			.param(id).query(Spending.class).list();
		List<Event> events = jdbc.sql("select at, username, from_status, to_status, note from budget_event where estimate_id = ? order by at, id")
			.param(id).query(Event.class).list();
		return new EstimateView(summary, settlement.settledOn(), settlement.settlementNote(), lines, spending, events);
	}

	/** How a roll-up groups its sums. */
	public enum By {
		SOURCE, UNIT, CAPITAL
	}

	public record RollupRow(String key, String label, long estimates, BigDecimal requested, BigDecimal approved,
			BigDecimal allocated, BigDecimal spent) {
	}

	/**
	 * The jurisdiction's budget for a year summed by funding source, by body or by kind of capital:
	 * requested, approved, allocated and spent, over every estimate (C5 "roll-ups per jurisdiction,
	 * year, source and body").
	 */
	public List<RollupRow> rollup(Actor actor, String jurisdiction, int year, By by) {
		if (!readsJurisdiction(actor, jurisdiction)) {
			throw new AccessDeniedException("budget roll-up of " + jurisdiction);
		}
		String key = switch (by) {
			case SOURCE -> "l.funding_source";
			case CAPITAL -> "l.capital_kind";
			case UNIT -> "e.unit_id::text";
		};
		List<RollupRow> rows = jdbc.sql("""
				select %s as key, count(distinct e.id) as estimates, sum(l.requested) as requested, coalesce(sum(l.approved), 0) as approved,
				  coalesce(sum(l.allocated), 0) as allocated,
				  coalesce(sum((select sum(s.amount) from budget_spending s where s.line_id = l.id)), 0) as spent
				from budget_estimate e join budget_estimate_line l on l.estimate_id = e.id
				where e.jurisdiction_code = ? and e.year = ?
				group by 1 order by 1""".formatted(key))
			.params(jurisdiction, year)
			.query((rs, i) -> new RollupRow(rs.getString(1), rs.getString(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
					rs.getBigDecimal(5), rs.getBigDecimal(6)))
			.list();
		if (by != By.UNIT) {
			return rows;
		}
		Map<String, String> names = new java.util.HashMap<>();
		jdbc.sql("""
				select e.unit_id::text,
				  (select x.name from unit_name x where x.unit_id = e.unit_id order by x.valid_to desc nulls first limit 1)
				from budget_estimate e where e.jurisdiction_code = ? and e.year = ?""")
			.params(jurisdiction, year)
			.query((rs, i) -> names.put(rs.getString(1), rs.getString(2)))
			.list();
		return rows.stream()
			.map(r -> new RollupRow(r.key(), names.getOrDefault(r.key(), r.key()), r.estimates(), r.requested(), r.approved(),
					r.allocated(), r.spent()))
			.toList();
	}

	/** What a unit recorded as spent between two days (inclusive), for reports that prefill "budget used". */
	public BigDecimal spent(long unitId, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select coalesce(sum(s.amount), 0) from budget_spending s join budget_estimate_line l on l.id = s.line_id
				join budget_estimate e on e.id = l.estimate_id
				where e.unit_id = ? and s.spent_on between ? and ?""")
			.params(unitId, from, to)
			.query(BigDecimal.class).single();
	}
}
