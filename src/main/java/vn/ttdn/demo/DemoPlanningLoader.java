package vn.ttdn.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.ttdn.planning.PlanImport;
import vn.ttdn.planning.PlanStatus;
import vn.ttdn.planning.ProgrammeCatalog;
import vn.ttdn.shared.TtdnProperties;

/**
 * The two planning documents of the seeds: Hà Nội's programme 2013–2020 (001, with its budget
 * table exactly as printed) and its 2023 plan (003, with the 49 tasks of its appendix and the 48
 * comments on its draft). Loaded once, after the registry they link to.
 */
@Component
@Order(11)
class DemoPlanningLoader implements ApplicationRunner {

	static final String DATASET = "planning-2026-11";

	private final TtdnProperties properties;
	private final DemoDatasets datasets;
	private final PlanImport plans;
	private final ProgrammeCatalog programmes;

	DemoPlanningLoader(TtdnProperties properties, DemoDatasets datasets, PlanImport plans, ProgrammeCatalog programmes) {
		this.properties = properties;
		this.datasets = datasets;
		this.plans = plans;
		this.programmes = programmes;
	}

	record PlanFile(Map<String, Object> plan, List<Object> sections, @Nullable String closing, List<String> recipients,
			List<PlanImport.TaskSpec> tasks, List<PlanImport.CommentSpec> comments) {
	}

	record Target(String code, @Nullable String phase, String text, String measure, @Nullable BigDecimal targetValue,
			@Nullable String subject, @Nullable LocalDate deadline, @Nullable String computable) {
	}

	record Budget(String unit, List<String> columns, List<ProgrammeCatalog.SectionSpec> sections,
			Map<String, @Nullable String> statedTotal, @Nullable String totalInWords) {
	}

	record ProgrammeFile(Map<String, Object> programme, List<Object> phases, List<Object> generalObjectives,
			List<Target> targets, List<Object> sections, Map<String, Object> steeringCommittee, List<Object> duties,
			@Nullable String coordinationMeetings, Budget budget) {
	}

	@Override
	public void run(ApplicationArguments args) {
		if (properties.demo().enabled()) {
			datasets.loadOnce(DATASET, this::load);
		}
	}

	void load() {
		PlanFile plan = DemoFiles.read("demo/planning/plan-2023.yaml", PlanFile.class);
		Map<String, Object> head = plan.plan();
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("legalBases", head.get("legalBases"));
		content.put("sections", plan.sections());
		content.put("closing", plan.closing());
		content.put("recipients", plan.recipients());
		content.put("appendixNumberAsPrinted", head.get("appendixNumberAsPrinted"));
		content.put("source", "003 — Kế hoạch 101/KH-UBND");
		plans.importPlan(new PlanImport.PlanSpec("01", null, (Integer) head.get("year"), PlanStatus.ISSUED,
				(String) head.get("number"), LocalDate.parse(head.get("issuedOn").toString()), (String) head.get("place"),
				(String) head.get("title"), (String) head.get("issuer"), (String) head.get("signer"),
				(String) head.get("signerTitle"), content), plan.tasks(), plan.comments(), "system");

		ProgrammeFile programme = DemoFiles.read("demo/planning/programme-2013-2020.yaml", ProgrammeFile.class);
		Map<String, Object> p = programme.programme();
		Map<String, Object> text = new LinkedHashMap<>();
		text.put("legalBases", p.get("legalBases"));
		text.put("generalObjectives", programme.generalObjectives());
		text.put("phases", programme.phases());
		text.put("sections", programme.sections());
		text.put("steeringCommittee", programme.steeringCommittee());
		text.put("duties", programme.duties());
		text.put("coordinationMeetings", programme.coordinationMeetings());
		text.put("source", "001 — Quyết định 3734/QĐ-UBND");
		Budget budget = programme.budget();
		programmes.importProgramme(new ProgrammeCatalog.ProgrammeSpec("01", (String) p.get("decisionNumber"),
				LocalDate.parse(p.get("decidedOn").toString()), (String) p.get("title"), (String) p.get("signer"),
				(String) p.get("signerTitle"), (Integer) p.get("periodFrom"), (Integer) p.get("periodTo"), text,
				budget.unit(), budget.columns(), budget.statedTotal(), budget.totalInWords()), budget.sections(),
				programme.targets().stream().map(t -> new ProgrammeCatalog.TargetSpec(t.code(), t.phase(), t.text(), t.measure(),
						t.targetValue(), t.subject(), t.deadline(), t.computable())).toList());
	}
}
