package vn.ttdn.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import vn.ttdn.budget.BudgetQueries;
import vn.ttdn.planning.PlanQueries;

/**
 * The numbers the system already holds for a unit and a period, each with where it came from, so
 * that the officer starts from them and only corrects what differs.
 */
@Component
class Prefill {

	/** Plan tasks the unit leads that were completed in the period (planning module). */
	static final String TASKS_COMPLETED = "planning.tasksCompleted";

	/** What the unit recorded as spent in the period (budget module). */
	static final String BUDGET_SPENT = "budget.spent";

	static final Set<String> SOURCES = Set.of(TASKS_COMPLETED, BUDGET_SPENT);

	/** A prefilled value and its source: a message key with the period's bounds. */
	record Value(BigDecimal value, String source, LocalDate from, LocalDate to) {
	}

	private final PlanQueries plans;
	private final BudgetQueries budgets;

	Prefill(PlanQueries plans, BudgetQueries budgets) {
		this.plans = plans;
		this.budgets = budgets;
	}

	Map<String, Value> compute(ReportForm form, long unitId, LocalDate from, LocalDate to) {
		Map<String, Value> values = new LinkedHashMap<>();
		for (ReportForm.Indicator indicator : form.indicators()) {
			if (TASKS_COMPLETED.equals(indicator.source())) {
				values.put(indicator.code(),
						new Value(BigDecimal.valueOf(plans.tasksCompleted(unitId, from, to)), TASKS_COMPLETED, from, to));
			}
			else if (BUDGET_SPENT.equals(indicator.source())) {
				values.put(indicator.code(), new Value(budgets.spent(unitId, from, to), BUDGET_SPENT, from, to));
			}
		}
		return values;
	}
}
