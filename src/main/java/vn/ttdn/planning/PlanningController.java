package vn.ttdn.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ttdn.organization.OrganizationQueries;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.security.Actor;

/** Plans, tasks, progress and programmes in the browser. */
@Controller
class PlanningController {

	private final PlanQueries queries;
	private final Plans plans;
	private final ProgrammeCatalog programmes;
	private final OrganizationQueries organization;
	private final MessageSource messages;
	private final Clock clock;
	private final PlanExport export;
	private final AppendixImports imports;
	private final vn.ttdn.shared.files.FileStorage files;
	private final BudgetExport budgetExport;
	private final Consultations consultations;
	private final PlanVersions versions;

	PlanningController(PlanQueries queries, Plans plans, ProgrammeCatalog programmes, OrganizationQueries organization,
			MessageSource messages, Clock clock, PlanExport export, AppendixImports imports,
			vn.ttdn.shared.files.FileStorage files, BudgetExport budgetExport, Consultations consultations, PlanVersions versions) {
		this.consultations = consultations;
		this.versions = versions;
		this.queries = queries;
		this.plans = plans;
		this.programmes = programmes;
		this.organization = organization;
		this.messages = messages;
		this.clock = clock;
		this.export = export;
		this.imports = imports;
		this.files = files;
		this.budgetExport = budgetExport;
	}

	@PostMapping("/plans/{id}/appendix")
	String uploadAppendix(@PathVariable long id, @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
			Actor actor, Model model, RedirectAttributes redirect, Locale locale) throws java.io.IOException {
		try {
			var preview = imports.preview(actor, id, file.getOriginalFilename() == null ? "" : file.getOriginalFilename(),
					file.getBytes());
			var plan = queries.summary(id);
			model.addAttribute("plan", plan);
			model.addAttribute("preview", preview);
			model.addAttribute("units", organization.units(plan.jurisdictionCode(),
					plan.issuedOn() != null ? plan.issuedOn() : LocalDate.of(plan.year(), 1, 1), null));
			return "planning/import-preview";
		}
		catch (UserError e) {
			redirect.addFlashAttribute("error", messages.getMessage(e.key(), e.arguments(), locale));
			return "redirect:/plans/" + id;
		}
	}

	@PostMapping("/plans/{id}/appendix/{importId}/confirm")
	String confirmAppendix(@PathVariable long id, @PathVariable java.util.UUID importId,
			@RequestParam(name = "names", required = false) @Nullable List<String> names,
			@RequestParam(name = "unitIds", required = false) @Nullable List<String> unitIds, Actor actor,
			RedirectAttributes redirect, Locale locale) {
		java.util.Map<String, Long> mapping = new java.util.HashMap<>();
		for (int i = 0; names != null && unitIds != null && i < Math.min(names.size(), unitIds.size()); i++) {
			if (!unitIds.get(i).isBlank()) {
				mapping.put(names.get(i), Long.valueOf(unitIds.get(i)));
			}
		}
		try {
			imports.confirm(actor, id, importId, mapping);
			return "redirect:/plans/" + id + "/appendix/" + importId;
		}
		catch (UserError e) {
			redirect.addFlashAttribute("error", messages.getMessage(e.key(), e.arguments(), locale));
		}
		return "redirect:/plans/" + id;
	}

	/** The progress of a confirmed import; the page asks again every second until it is done. */
	@GetMapping("/plans/{id}/appendix/{importId}")
	String importProgress(@PathVariable long id, @PathVariable java.util.UUID importId, Actor actor, Model model,
			jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
			RedirectAttributes redirect, Locale locale,
			@org.springframework.web.bind.annotation.RequestHeader(name = "HX-Request", required = false) @Nullable String htmx) {
		var progress = imports.progress(actor, id, importId);
		if (progress.status() == AppendixImports.ImportStatus.DONE) {
			String saved = messages.getMessage("import.saved", new Object[] { progress.total() }, locale);
			if (htmx != null) {
				// htmx follows HX-Redirect itself: the message goes into the flash map by hand
				org.springframework.web.servlet.support.RequestContextUtils.getOutputFlashMap(request).put("success", saved);
				org.springframework.web.servlet.support.RequestContextUtils.saveOutputFlashMap("/plans/" + id, request, response);
				response.setHeader("HX-Redirect", request.getContextPath() + "/plans/" + id);
				return "planning/import-progress :: progress";
			}
			redirect.addFlashAttribute("success", saved);
			return "redirect:/plans/" + id;
		}
		model.addAttribute("plan", queries.summary(id));
		model.addAttribute("progress", progress);
		if (progress.errorKey() != null) {
			Object[] args = progress.errorArgs().stream()
				.map(a -> a.startsWith("#") ? (Object) PlanWorkflow.label(a.substring(1)) : a).toArray();
			model.addAttribute("failure", messages.getMessage(progress.errorKey(), args, locale));
		}
		return htmx != null ? "planning/import-progress :: progress" : "planning/import-progress";
	}

	/** The plan with its appendix as a Word document in the state format, or the appendix as a spreadsheet. */
	@GetMapping("/plans/{id}/export.{format}")
	org.springframework.http.ResponseEntity<byte[]> export(@PathVariable long id, @PathVariable String format, Actor actor) {
		return download(queries.plan(actor, id), format, export);
	}

	static org.springframework.http.ResponseEntity<byte[]> download(PlanQueries.PlanView plan, String format, PlanExport export) {
		return Downloads.office("ke-hoach-" + plan.plan().year() + "-" + plan.plan().id(), format, () -> export.docx(plan),
				() -> export.xlsx(plan));
	}

	static org.springframework.http.ResponseEntity<byte[]> download(ProgrammeCatalog.ProgrammeView programme, String format,
			BudgetExport export) {
		return Downloads.office("khai-toan-kinh-phi-" + programme.programme().id(), format, () -> export.docx(programme),
				() -> export.xlsx(programme));
	}

	@GetMapping("/programmes/{id}/budget.{format}")
	org.springframework.http.ResponseEntity<byte[]> budget(@PathVariable long id, @PathVariable String format) {
		return download(programmes.programme(id), format, budgetExport);
	}

	/** Task status counted nationally (per jurisdiction) or within one jurisdiction (per lead unit). */
	@GetMapping("/tasks/rollup")
	String rollup(@RequestParam(required = false) @Nullable Integer year, @RequestParam(required = false) @Nullable String jurisdiction,
			Model model) {
		int y = year != null ? year : LocalDate.now(clock).getYear();
		model.addAttribute("year", y);
		model.addAttribute("jurisdiction", jurisdiction == null ? null : organization.jurisdiction(jurisdiction));
		model.addAttribute("rows", queries.rollup(y, jurisdiction));
		return "planning/rollup";
	}

	@GetMapping("/plans")
	String list(@RequestParam(required = false) @Nullable String jurisdiction, @RequestParam(required = false) @Nullable Integer year,
			Actor actor, Model model) {
		String code = jurisdiction != null ? jurisdiction : actor.jurisdictionCode() != null ? actor.jurisdictionCode() : "01";
		model.addAttribute("jurisdiction", organization.jurisdiction(code));
		model.addAttribute("jurisdictions", organization.jurisdictions());
		model.addAttribute("year", year);
		model.addAttribute("plans", queries.plans(actor, code, year, null));
		model.addAttribute("programmes", programmes.programmes(code));
		model.addAttribute("canCreate", actor.unitId() != null || actor.canManage(code));
		model.addAttribute("createsJurisdictionPlan", actor.canManage(code));
		model.addAttribute("nextYear", LocalDate.now(clock).getYear() + 1);
		return "planning/plans";
	}

	@PostMapping("/plans")
	String create(@RequestParam String jurisdiction, @RequestParam(required = false) @Nullable Long unitId,
			@RequestParam int year, @RequestParam(required = false) @Nullable String title, Actor actor,
			RedirectAttributes redirect, Locale locale) {
		try {
			long id = plans.create(actor, jurisdiction, unitId, year, title);
			return "redirect:/plans/" + id;
		}
		catch (UserError e) {
			redirect.addFlashAttribute("error", messages.getMessage(e.key(), e.arguments(), locale));
			return "redirect:/plans?jurisdiction=" + jurisdiction;
		}
	}

	/** Tasks shown on one page of a plan's tasks or timeline view. */
	static final int TASKS_PER_PAGE = 100;

	@GetMapping("/plans/{id}")
	String plan(@PathVariable long id, @RequestParam(required = false) @Nullable Long lead,
			@RequestParam(required = false) @Nullable TaskStatus status, @RequestParam(required = false) @Nullable Integer quarter,
			@RequestParam(defaultValue = "tasks") String view, @RequestParam(defaultValue = "1") int page, Actor actor, Model model) {
		var plan = queries.plan(actor, id);
		List<PlanQueries.TaskView> tasks = plan.tasks().stream()
			.filter(t -> lead == null || lead.equals(t.lead().unitId()))
			.filter(t -> status == null || t.status() == status)
			.filter(t -> quarter == null || t.quarters().contains(quarter))
			.toList();
		// a large appendix is shown a page at a time; filters apply to the whole of it
		int pages = Math.max(1, (tasks.size() + TASKS_PER_PAGE - 1) / TASKS_PER_PAGE);
		int current = Math.min(Math.max(page, 1), pages);
		model.addAttribute("p", plan);
		model.addAttribute("tasks", tasks);
		model.addAttribute("shown", tasks.subList((current - 1) * TASKS_PER_PAGE, Math.min(tasks.size(), current * TASKS_PER_PAGE)));
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		model.addAttribute("leads", plan.tasks().stream().map(PlanQueries.TaskView::lead).filter(b -> b.unitId() != null)
			.distinct().toList());
		model.addAttribute("lead", lead);
		model.addAttribute("status", status);
		model.addAttribute("quarter", quarter);
		model.addAttribute("view", view);
		model.addAttribute("statuses", TaskStatus.values());
		model.addAttribute("canImport", PlanWorkflow.isEditable(plan.plan().status()) && (plan.plan().unitId() == null
				? actor.canManage(plan.plan().jurisdictionCode())
				: actor.canEditUnit(plan.plan().jurisdictionCode(), plan.plan().unitId())));
		model.addAttribute("actions", List.of(PlanAction.values()).stream()
			.filter(a -> PlanWorkflow.mayAct(actor, a, plan.plan().jurisdictionCode(), plan.plan().unitId()))
			.filter(a -> allowed(plan.plan(), a))
			.toList());
		if ("comments".equals(view)) {
			model.addAttribute("comments", queries.comments(actor, id));
			var requests = consultations.requests(actor, id);
			model.addAttribute("requests", requests);
			boolean manage = actor.canManage(plan.plan().jurisdictionCode());
			boolean open = plan.plan().status() == PlanStatus.CONSULTATION;
			model.addAttribute("canAsk", open && manage);
			model.addAttribute("canHandle", manage && plan.plan().status() != PlanStatus.ISSUED);
			model.addAttribute("canComment", open && (manage && !requests.isEmpty()
					|| requests.stream().anyMatch(r -> r.unitId() == (actor.unitId() == null ? -1 : actor.unitId())
							&& actor.canEditUnit(plan.plan().jurisdictionCode(), r.unitId()))));
			if (open && manage) {
				model.addAttribute("bodies", organization.units(plan.plan().jurisdictionCode(), LocalDate.now(clock), null));
			}
			model.addAttribute("today", LocalDate.now(clock));
		}
		if ("versions".equals(view)) {
			model.addAttribute("versions", versions.versions(actor, plan.plan()));
		}
		return "planning/plan";
	}

	private static boolean allowed(PlanQueries.PlanSummary plan, PlanAction action) {
		try {
			PlanWorkflow.next(plan.status(), action, plan.unitId() != null);
			return true;
		}
		catch (UserError e) {
			return false;
		}
	}

	@PostMapping("/plans/{id}/transitions")
	String transition(@PathVariable long id, @RequestParam PlanAction action, @RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable String number,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate issuedOn,
			@RequestParam(required = false) @Nullable String signer, @RequestParam(required = false) @Nullable String signerTitle,
			@RequestParam(required = false) @Nullable Long version, Actor actor, RedirectAttributes redirect, Locale locale) {
		try {
			PlanStatus next = plans.act(actor, id, action, note, new Plans.Issuance(number, issuedOn, signer, signerTitle), version);
			redirect.addFlashAttribute("success", messages.getMessage("plan.status." + next, null, locale));
		}
		catch (UserError e) {
			redirect.addFlashAttribute("error", messages.getMessage(e.key(), e.arguments(), locale));
		}
		return "redirect:/plans/" + id;
	}

	@GetMapping("/tasks/{id}")
	String task(@PathVariable long id, Actor actor, Model model) {
		var page = queries.task(actor, id);
		model.addAttribute("page", page);
		Long lead = page.task().lead().unitId();
		model.addAttribute("canRecord", actor.canManage(page.plan().jurisdictionCode())
				|| lead != null && actor.canEditUnit(page.plan().jurisdictionCode(), lead));
		model.addAttribute("today", LocalDate.now(clock));
		return "planning/task";
	}

	@PostMapping("/tasks/{id}/progress")
	String record(@PathVariable long id, @RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable String link, @RequestParam(defaultValue = "false") boolean completes,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate recordedOn,
			@RequestParam(required = false) org.springframework.web.multipart.@Nullable MultipartFile file,
			Actor actor, RedirectAttributes redirect, Locale locale) throws java.io.IOException {
		try {
			Plans.Attachment attachment = file == null || file.isEmpty() ? null
					: new Plans.Attachment(file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), file.getBytes());
			plans.recordProgress(actor, id, note, link, completes, recordedOn, attachment);
			redirect.addFlashAttribute("success", messages.getMessage("task.recorded", null, locale));
		}
		catch (UserError e) {
			redirect.addFlashAttribute("error", messages.getMessage(e.key(), e.arguments(), locale));
			redirect.addFlashAttribute("note", note);
			redirect.addFlashAttribute("link", link);
		}
		return "redirect:/tasks/" + id;
	}

	/** A file attached to a progress record, to whoever may read the plan. */
	@GetMapping({ "/attachments/{id}", "/api/v1/attachments/{id}" })
	org.springframework.http.ResponseEntity<byte[]> attachment(@PathVariable long id, Actor actor) {
		var file = queries.attachment(actor, id);
		return org.springframework.http.ResponseEntity.ok()
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
				.attachment().filename(file.attachment().filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.contentType(org.springframework.http.MediaType.parseMediaType(file.attachment().contentType()))
			.body(files.get(file.storageKey()));
	}

	@GetMapping("/my/tasks")
	String myTasks(Actor actor, Model model) {
		model.addAttribute("tasks", queries.myTasks(actor));
		return "planning/my-tasks";
	}

	@GetMapping("/programmes/{id}")
	String programme(@PathVariable long id, Model model) {
		model.addAttribute("v", programmes.programme(id));
		return "planning/programme";
	}
}
