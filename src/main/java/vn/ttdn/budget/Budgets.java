package vn.ttdn.budget;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.shared.NotFound;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.VietnameseText;
import vn.ttdn.shared.Vnd;
import vn.ttdn.shared.security.Actor;

/**
 * The writes of C5: a unit prepares its yearly estimate line by line, each line tied to a task of a
 * plan or a line of a programme's budget table where it has one; its head submits it to the finance
 * body, which appraises every line (approved, adjusted with the reason, rejected with the reason) or
 * returns the estimate; then allocates, the unit records what it spends against each line (never
 * more than allocated), and the finance body settles the year. Every step is an event with who,
 * when and why.
 */
@Service
@Transactional
public class Budgets {

	/** The largest amount accepted on a line, in đồng (a thousand billion). */
	static final BigDecimal MAX = new BigDecimal("1000000000000000");

	private final JdbcClient jdbc;
	private final Clock clock;

	Budgets(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record Head(long id, String jurisdictionCode, long unitId, int year, BudgetStatus status, long version) {
	}

	public long create(Actor actor, String jurisdiction, long unitId, int year, @Nullable String title) {
		if (!actor.canEditUnit(jurisdiction, unitId)) {
			throw new AccessDeniedException("budget of unit " + unitId);
		}
		if (year < 2000 || year > 2100) {
			throw new UserError("error.year.outOfRange", year);
		}
		if (jdbc.sql("select count(*) from unit where id = ? and jurisdiction_code = ?").params(unitId, jurisdiction)
			.query(Long.class).single() == 0) {
			throw new NotFound("unit", unitId);
		}
		if (jdbc.sql("select count(*) from budget_estimate where unit_id = ? and year = ?").params(unitId, year)
			.query(Long.class).single() > 0) {
			throw new UserError("error.budget.exists", year);
		}
		String clean = VietnameseText.clean(title);
		Instant now = Instant.now(clock);
		long id = jdbc.sql("""
				insert into budget_estimate (jurisdiction_code, unit_id, year, status, title, created_by, created_at)
				values (?, ?, ?, 'DRAFT', ?, ?, ?) returning id""")
			.params(jurisdiction, unitId, year,
					clean == null || clean.isEmpty() ? "Dự toán kinh phí thông tin đối ngoại năm " + year : clean, actor.username(),
					Timestamp.from(now))
			.query(Long.class).single();
		event(id, actor, null, BudgetStatus.DRAFT, null);
		return id;
	}

	public record LineInput(@Nullable String content, @Nullable Long planTaskId, @Nullable Long programmeLineId,
			@Nullable FundingSource fundingSource, @Nullable CapitalKind capitalKind, @Nullable String requested) {
	}

	public long addLine(Actor actor, long estimateId, LineInput line) {
		Head head = editable(actor, estimateId);
		String content = VietnameseText.clean(line.content());
		if (content == null || content.isEmpty()) {
			throw new UserError("error.budget.contentRequired");
		}
		if (line.fundingSource() == null || line.capitalKind() == null) {
			throw new UserError("error.budget.sourceRequired");
		}
		BigDecimal requested = dong(line.requested());
		if (line.planTaskId() != null && jdbc.sql("""
				select count(*) from plan_task t join plan p on p.id = t.plan_id where t.id = ? and p.jurisdiction_code = ?""")
			.params(line.planTaskId(), head.jurisdictionCode()).query(Long.class).single() == 0) {
			throw new UserError("error.budget.taskOutside");
		}
		if (line.programmeLineId() != null && jdbc.sql("""
				select count(*) from budget_line l join budget_section s on s.id = l.section_id join programme g on g.id = s.programme_id
				where l.id = ? and g.jurisdiction_code = ?""")
			.params(line.programmeLineId(), head.jurisdictionCode()).query(Long.class).single() == 0) {
			throw new UserError("error.budget.programmeLineOutside");
		}
		int position = jdbc.sql("select coalesce(max(position), 0) + 1 from budget_estimate_line where estimate_id = ?")
			.param(estimateId).query(Integer.class).single();
		long id = jdbc.sql("""
				insert into budget_estimate_line (estimate_id, position, content, plan_task_id, programme_line_id, funding_source,
				  capital_kind, requested) values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(estimateId, position, content, line.planTaskId(), line.programmeLineId(), line.fundingSource().name(),
					line.capitalKind().name(), requested)
			.query(Long.class).single();
		bump(estimateId);
		return id;
	}

	public void removeLine(Actor actor, long lineId) {
		Head head = editable(actor, estimateOfLine(lineId));
		jdbc.sql("delete from budget_estimate_line where id = ?").param(lineId).update();
		bump(head.id());
	}

	/** The finance body's decision on one line of a submitted estimate. */
	public void appraise(Actor actor, long lineId, @Nullable Appraisal decision, @Nullable String approved, @Nullable String reason) {
		Head head = head(estimateOfLine(lineId));
		requireFinance(actor, head);
		if (head.status() != BudgetStatus.SUBMITTED) {
			throw new UserError("error.budget.notSubmitted", BudgetWorkflow.label("budget.status." + head.status()));
		}
		if (decision == null) {
			throw new UserError("error.budget.decisionRequired");
		}
		BigDecimal requested = jdbc.sql("select requested from budget_estimate_line where id = ?").param(lineId)
			.query(BigDecimal.class).single();
		String why = VietnameseText.clean(reason);
		boolean noReason = why == null || why.isEmpty();
		BigDecimal amount = switch (decision) {
			case APPROVED -> requested;
			case REJECTED -> BigDecimal.ZERO;
			case ADJUSTED -> {
				BigDecimal a = dong(approved);
				if (a.compareTo(requested) == 0) {
					throw new UserError("error.budget.adjustedSame");
				}
				yield a;
			}
		};
		if (decision != Appraisal.APPROVED && noReason) {
			throw new UserError("error.budget.reasonRequired");
		}
		jdbc.sql("update budget_estimate_line set appraisal = ?, approved = ?, appraisal_reason = ? where id = ?")
			.params(decision.name(), amount, noReason ? null : why, lineId)
			.update();
		bump(head.id());
	}

	/** What the finance body allocates to a line of an appraised estimate: at most what was approved. */
	public void allocate(Actor actor, long lineId, @Nullable String amount) {
		Head head = head(estimateOfLine(lineId));
		requireFinance(actor, head);
		if (head.status() != BudgetStatus.APPRAISED) {
			throw new UserError("error.budget.notAppraised", BudgetWorkflow.label("budget.status." + head.status()));
		}
		BigDecimal value = amount == null || amount.isBlank() ? BigDecimal.ZERO : dongOrZero(amount);
		BigDecimal approved = jdbc.sql("select coalesce(approved, 0) from budget_estimate_line where id = ?").param(lineId)
			.query(BigDecimal.class).single();
		if (value.compareTo(approved) > 0) {
			throw new UserError("error.budget.overApproved", Vnd.format(approved));
		}
		jdbc.sql("update budget_estimate_line set allocated = ? where id = ?").params(value, lineId).update();
		bump(head.id());
	}

	/** What the unit spent against a line of an allocated estimate, with its document; never beyond the allocation. */
	public long spend(Actor actor, long lineId, @Nullable LocalDate spentOn, @Nullable String amount, @Nullable String document) {
		Head head = head(estimateOfLine(lineId));
		if (!actor.canEditUnit(head.jurisdictionCode(), head.unitId()) && !BudgetWorkflow.isFinance(actor, head.jurisdictionCode())) {
			throw new AccessDeniedException("budget " + head.id());
		}
		if (head.status() != BudgetStatus.ALLOCATED) {
			throw new UserError("error.budget.notAllocated", BudgetWorkflow.label("budget.status." + head.status()));
		}
		BigDecimal value = dong(amount);
		LocalDate day = spentOn != null ? spentOn : LocalDate.now(clock);
		if (day.getYear() != head.year()) {
			throw new UserError("error.budget.spentOutsideYear", head.year());
		}
		if (day.isAfter(LocalDate.now(clock))) {
			throw new UserError("error.budget.spentInFuture");
		}
		String doc = VietnameseText.clean(document);
		if (doc == null || doc.isEmpty()) {
			throw new UserError("error.budget.documentRequired");
		}
		BigDecimal remaining = jdbc.sql("""
				select coalesce(l.allocated, 0) - coalesce((select sum(s.amount) from budget_spending s where s.line_id = l.id), 0)
				from budget_estimate_line l where l.id = ? for update""")
			.param(lineId).query(BigDecimal.class).single();
		if (value.compareTo(remaining) > 0) {
			throw new UserError("error.budget.overAllocated", Vnd.format(remaining));
		}
		long id = jdbc.sql("""
				insert into budget_spending (line_id, spent_on, amount, document, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(lineId, day, value, doc, actor.username(), Timestamp.from(Instant.now(clock)))
			.query(Long.class).single();
		bump(head.id());
		return id;
	}

	/** A workflow step; {@code expectedVersion}, when given, must be the version the user saw. */
	public BudgetStatus act(Actor actor, long estimateId, BudgetAction action, @Nullable String note, @Nullable Long expectedVersion) {
		Head head = head(estimateId);
		if (!BudgetWorkflow.mayAct(actor, action, head.jurisdictionCode(), head.unitId())) {
			throw new AccessDeniedException("budget " + estimateId);
		}
		if (expectedVersion != null && expectedVersion != head.version()) {
			throw new UserError("error.plan.changedMeanwhile");
		}
		BudgetStatus next = BudgetWorkflow.next(head.status(), action);
		String reason = VietnameseText.clean(note);
		switch (action) {
			case SUBMIT -> {
				if (jdbc.sql("select count(*) from budget_estimate_line where estimate_id = ?").param(estimateId).query(Long.class)
					.single() == 0) {
					throw new UserError("error.budget.noLines");
				}
			}
			case RETURN -> {
				if (reason == null || reason.isEmpty()) {
					throw new UserError("error.plan.reasonRequired");
				}
				jdbc.sql("update budget_estimate_line set appraisal = null, approved = null, appraisal_reason = null where estimate_id = ?")
					.param(estimateId).update();
			}
			case APPRAISE -> {
				long open = jdbc.sql("select count(*) from budget_estimate_line where estimate_id = ? and appraisal is null")
					.param(estimateId).query(Long.class).single();
				if (open > 0) {
					throw new UserError("error.budget.linesNotAppraised", open);
				}
			}
			case ALLOCATE -> jdbc.sql("update budget_estimate_line set allocated = coalesce(allocated, approved) where estimate_id = ?")
				.param(estimateId).update();
			case SETTLE -> jdbc.sql("update budget_estimate set settled_on = ?, settlement_note = ? where id = ?")
				.params(LocalDate.now(clock), reason, estimateId).update();
		}
		jdbc.sql("update budget_estimate set status = ?, version = version + 1 where id = ?").params(next.name(), estimateId).update();
		event(estimateId, actor, head.status(), next, reason);
		return next;
	}

	/** An amount of đồng as typed: "1.500.000.000" or "1500000000"; whole, positive, bounded. */
	static BigDecimal dong(@Nullable String typed) {
		BigDecimal value = dongOrZero(typed);
		if (value.signum() <= 0) {
			throw new UserError("error.budget.amountPositive");
		}
		return value;
	}

	private static BigDecimal dongOrZero(@Nullable String typed) {
		BigDecimal value;
		try {
			value = Vnd.parse(typed);
		}
		catch (UserError e) {
			throw new UserError("error.budget.amountUnreadable", typed == null ? "" : typed);
		}
		if (value == null) {
			throw new UserError("error.budget.amountPositive");
		}
		if (value.stripTrailingZeros().scale() > 0) {
			throw new UserError("error.budget.amountWhole");
		}
		if (value.compareTo(MAX) >= 0 || value.signum() < 0) {
			throw new UserError("error.budget.amountUnreadable", typed == null ? "" : typed);
		}
		return value.setScale(0);
	}

	private Head editable(Actor actor, long estimateId) {
		Head head = head(estimateId);
		if (!actor.canEditUnit(head.jurisdictionCode(), head.unitId())) {
			throw new AccessDeniedException("budget " + estimateId);
		}
		if (!BudgetWorkflow.isEditable(head.status())) {
			throw new UserError("error.budget.notEditable", BudgetWorkflow.label("budget.status." + head.status()));
		}
		return head;
	}

	private static void requireFinance(Actor actor, Head head) {
		if (!BudgetWorkflow.isFinance(actor, head.jurisdictionCode())) {
			throw new AccessDeniedException("budget " + head.id());
		}
	}

	Head head(long estimateId) {
		return jdbc.sql("select id, jurisdiction_code, unit_id, year, status, version from budget_estimate where id = ?")
			.param(estimateId).query(Head.class).optional()
			.orElseThrow(() -> new NotFound("budget", estimateId));
	}

	private long estimateOfLine(long lineId) {
		return jdbc.sql("select estimate_id from budget_estimate_line where id = ?").param(lineId).query(Long.class).optional()
			.orElseThrow(() -> new NotFound("budget line", lineId));
	}

	private void bump(long estimateId) {
		jdbc.sql("update budget_estimate set version = version + 1 where id = ?").param(estimateId).update();
	}

	private void event(long estimateId, Actor actor, @Nullable BudgetStatus from, BudgetStatus to, @Nullable String note) {
		jdbc.sql("insert into budget_event (estimate_id, at, username, from_status, to_status, note) values (?, ?, ?, ?, ?, ?)")
			.params(estimateId, Timestamp.from(Instant.now(clock)), actor.username(), from == null ? null : from.name(), to.name(), note)
			.update();
	}
}
