package vn.ttdn.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ttdn.budget.Appraisal;
import vn.ttdn.budget.BudgetAction;
import vn.ttdn.budget.Budgets;
import vn.ttdn.budget.CapitalKind;
import vn.ttdn.budget.FundingSource;
import vn.ttdn.organization.RegistryImport;
import vn.ttdn.shared.TtdnProperties;
import vn.ttdn.shared.security.Actor;
import vn.ttdn.shared.security.AppRole;

/**
 * Two budget estimates of Hà Nội for 2026, with illustrative amounts (the seeds hold no yearly
 * estimate; the titles say so): the coordinating department's, whose lines are lines of the
 * 2013–2020 programme's budget table (001), submitted and waiting for the finance department; and
 * Sở Du lịch's, whose lines are its tasks in the 2023 appendix (003), appraised, allocated and
 * partly spent. Loaded once, after the planning documents it refers to.
 */
@Component
@Order(12)
class DemoBudgetLoader implements ApplicationRunner {

	static final String DATASET = "budget-2026-11";
	private static final Actor SYSTEM = new Actor(0, "system", "Dữ liệu mẫu", AppRole.SYSTEM_ADMIN, null, null);

	private final TtdnProperties properties;
	private final DemoDatasets datasets;
	private final Budgets budgets;
	private final RegistryImport registry;
	private final JdbcClient jdbc;

	DemoBudgetLoader(TtdnProperties properties, DemoDatasets datasets, Budgets budgets, RegistryImport registry, JdbcClient jdbc) {
		this.properties = properties;
		this.datasets = datasets;
		this.budgets = budgets;
		this.registry = registry;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (properties.demo().enabled()) {
			datasets.loadOnce(DATASET, this::load);
		}
	}

	void load() {
		long culture = Objects.requireNonNull(registry.unitIdByKey("hn-svhtt"));
		long coordinating = budgets.create(SYSTEM, "01", culture, 2026,
				"Dự toán kinh phí thông tin đối ngoại năm 2026 (số liệu minh họa)");
		record ProgrammeLine(long id, String content) {
		}
		List<ProgrammeLine> lines = jdbc.sql("""
				select l.id, l.content from budget_line l join budget_section s on s.id = l.section_id
				join programme g on g.id = s.programme_id where g.decision_number = '3734/QĐ-UBND'
				order by s.position, l.position limit 3""").query(ProgrammeLine.class).list();
		String[] amounts = { "250.000.000", "120.000.000", "1.400.000.000" };
		for (int i = 0; i < lines.size(); i++) {
			budgets.addLine(SYSTEM, coordinating, new Budgets.LineInput(lines.get(i).content(), null, lines.get(i).id(),
					FundingSource.PROVINCIAL, CapitalKind.RECURRENT, amounts[i]));
		}
		budgets.act(SYSTEM, coordinating, BudgetAction.SUBMIT, null, null);

		long tourism = Objects.requireNonNull(registry.unitIdByKey("hn-sdl"));
		long estimate = budgets.create(SYSTEM, "01", tourism, 2026,
				"Dự toán kinh phí quảng bá du lịch đối ngoại năm 2026 (số liệu minh họa)");
		record Task(long id, String content) {
		}
		List<Task> tasks = jdbc.sql("""
				select t.id, t.content from plan_task t join plan p on p.id = t.plan_id
				where p.number = '101/KH-UBND' and t.lead_unit_id = ? order by t.position limit 2""")
			.param(tourism).query(Task.class).list();
		String[] requested = { "3.000.000.000", "800.000.000" };
		for (int i = 0; i < tasks.size(); i++) {
			budgets.addLine(SYSTEM, estimate, new Budgets.LineInput(tasks.get(i).content(), tasks.get(i).id(), null,
					i == 0 ? FundingSource.PROVINCIAL : FundingSource.SOCIALISED, CapitalKind.RECURRENT, requested[i]));
		}
		budgets.act(SYSTEM, estimate, BudgetAction.SUBMIT, null, null);
		List<Long> lineIds = jdbc.sql("select id from budget_estimate_line where estimate_id = ? order by position").param(estimate)
			.query(Long.class).list();
		for (int i = 0; i < lineIds.size(); i++) {
			if (i == 0) {
				budgets.appraise(SYSTEM, lineIds.get(i), Appraisal.ADJUSTED, "2.500.000.000",
						"Giảm theo khả năng cân đối ngân sách năm 2026");
			}
			else {
				budgets.appraise(SYSTEM, lineIds.get(i), Appraisal.APPROVED, null, null);
			}
		}
		budgets.act(SYSTEM, estimate, BudgetAction.APPRAISE, null, null);
		budgets.act(SYSTEM, estimate, BudgetAction.ALLOCATE, null, null);
		if (!lineIds.isEmpty()) {
			budgets.spend(SYSTEM, lineIds.getFirst(), LocalDate.of(2026, 6, 15), "1.200.000.000",
					"Chứng từ minh họa số 01/2026");
		}
	}
}
