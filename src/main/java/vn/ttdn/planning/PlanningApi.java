package vn.ttdn.planning;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.security.Actor;

/** Programmes, plans, tasks, comments, progress and the plan workflow as JSON (C3, C4); same access rules as the UI. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Planning", description = "Programmes, annual plans, tasks, comments on drafts (C3, C4)")
class PlanningApi {

	private final ProgrammeCatalog programmes;
	private final PlanQueries queries;
	private final Plans plans;
	private final Clock clock;
	private final PlanExport export;
	private final AppendixImports imports;
	private final BudgetExport budgetExport;
	private final Consultations consultations;
	private final PlanVersions versions;

	PlanningApi(ProgrammeCatalog programmes, PlanQueries queries, Plans plans, Clock clock, PlanExport export,
			AppendixImports imports, BudgetExport budgetExport, Consultations consultations, PlanVersions versions) {
		this.budgetExport = budgetExport;
		this.consultations = consultations;
		this.versions = versions;
		this.programmes = programmes;
		this.queries = queries;
		this.plans = plans;
		this.clock = clock;
		this.export = export;
		this.imports = imports;
	}

	@PostMapping(value = "/plans/{id}/appendix", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload a task appendix (.docx or .xlsx) for a draft plan: returns a preview; nothing is saved yet")
	AppendixImports.Preview uploadAppendix(@PathVariable long id,
			@RequestParam("file") org.springframework.web.multipart.MultipartFile file, Actor actor) throws java.io.IOException {
		return imports.preview(actor, id, file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), file.getBytes());
	}

	record Confirmation(@Nullable Map<String, Long> mapping) {
	}

	@PostMapping("/plans/{id}/appendix/{importId}/confirm")
	@Operation(summary = "Confirm a previewed appendix with a mapping for the names left: the tasks are saved in the background (202); follow Location for progress")
	ResponseEntity<AppendixImports.Progress> confirmAppendix(@PathVariable long id, @PathVariable java.util.UUID importId,
			@RequestBody Confirmation confirmation, Actor actor) {
		var progress = imports.confirm(actor, id, importId, confirmation.mapping() == null ? Map.of() : confirmation.mapping());
		return ResponseEntity.accepted().location(java.net.URI.create("/api/v1/plans/" + id + "/appendix/" + importId)).body(progress);
	}

	@GetMapping("/plans/{id}/appendix/{importId}")
	@Operation(summary = "How far a confirmed appendix import has got: RUNNING (done of total), DONE, FAILED with the reason, or INTERRUPTED")
	AppendixImports.Progress appendixProgress(@PathVariable long id, @PathVariable java.util.UUID importId, Actor actor) {
		return imports.progress(actor, id, importId);
	}

	@GetMapping("/plans/{id}/export")
	@Operation(summary = "The plan with its appendix as .docx in the state format (format=docx), or the appendix as .xlsx (format=xlsx)")
	ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(defaultValue = "docx") String format, Actor actor) {
		return PlanningController.download(queries.plan(actor, id), format, export);
	}

	@GetMapping("/programmes/{id}/budget/export")
	@Operation(summary = "The programme's budget estimate table as printed, with computed sums, disagreements marked and totals in words: .docx in the state format (format=docx) or .xlsx (format=xlsx)")
	ResponseEntity<byte[]> budgetExport(@PathVariable long id, @RequestParam(defaultValue = "docx") String format) {
		return PlanningController.download(programmes.programme(id), format, budgetExport);
	}

	@GetMapping("/plans/rollup")
	@Operation(summary = "Status of the tasks of issued and accepted plans: per jurisdiction, or per lead unit when a jurisdiction is given")
	List<PlanQueries.Rollup> rollup(@RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable String jurisdiction) {
		return queries.rollup(year, jurisdiction);
	}

	@GetMapping("/programmes")
	@Operation(summary = "Programmes (đề án), optionally of one jurisdiction")
	List<ProgrammeCatalog.ProgrammeSummary> programmes(@RequestParam(required = false) @Nullable String jurisdiction) {
		return programmes.programmes(jurisdiction);
	}

	@GetMapping("/programmes/{id}")
	@Operation(summary = "A programme: objectives, targets with progress, and its budget table with stated and computed sums and every disagreement")
	ProgrammeCatalog.ProgrammeView programme(@PathVariable long id) {
		return programmes.programme(id);
	}

	record Measurement(@Nullable LocalDate measuredOn, @Nullable BigDecimal value, @Nullable String evidence) {
	}

	@PostMapping("/targets/{id}/measurements")
	@Operation(summary = "Record a target's value with its evidence")
	ResponseEntity<Void> measure(@PathVariable long id, @RequestBody Measurement m, Actor actor) {
		programmes.measure(actor, id, m.measuredOn() != null ? m.measuredOn() : LocalDate.now(clock), m.value(), m.evidence());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/plans")
	@Operation(summary = "Plans by jurisdiction, year and unit, as the caller may see them")
	List<PlanQueries.PlanSummary> plans(@RequestParam(required = false) @Nullable String jurisdiction,
			@RequestParam(required = false) @Nullable Integer year, @RequestParam(required = false) @Nullable Long unit,
			Actor actor) {
		return queries.plans(actor, jurisdiction, year, unit);
	}

	record NewPlan(@Nullable String jurisdiction, @Nullable Long unitId, @Nullable Integer year, @Nullable String title) {
	}

	@PostMapping("/plans")
	@Operation(summary = "Start a plan: a unit's (unitId) or the jurisdiction's (no unitId), as a draft")
	ResponseEntity<PlanQueries.PlanView> create(@RequestBody NewPlan p, Actor actor) {
		if (p.jurisdiction() == null || p.year() == null) {
			throw new UserError("error.invalidInput");
		}
		long id = plans.create(actor, p.jurisdiction(), p.unitId(), p.year(), p.title());
		return ResponseEntity.created(java.net.URI.create("/api/v1/plans/" + id)).body(queries.plan(actor, id));
	}

	@GetMapping("/plans/{id}")
	@Operation(summary = "A plan with its sections and its tasks, each with its schedule as written and as understood, and its status")
	PlanQueries.PlanView plan(@PathVariable long id, Actor actor) {
		return queries.plan(actor, id);
	}

	@GetMapping("/plans/{id}/consultations")
	@Operation(summary = "The bodies asked for comments on the draft, with due dates and whether they answered")
	List<Consultations.Request> consultations(@PathVariable long id, Actor actor) {
		return consultations.requests(actor, id);
	}

	record Ask(@Nullable List<Long> unitIds, @Nullable LocalDate dueOn) {
	}

	@PostMapping("/plans/{id}/consultations")
	@Operation(summary = "Ask bodies of the jurisdiction for comments on the draft by a date (the plan must be in consultation)")
	List<Consultations.Request> ask(@PathVariable long id, @RequestBody Ask ask, Actor actor) {
		consultations.ask(actor, id, ask.unitIds() == null ? List.of() : ask.unitIds(), ask.dueOn());
		return consultations.requests(actor, id);
	}

	record NewComment(@Nullable String text, @Nullable String documentNumber, @Nullable LocalDate documentDate,
			@Nullable Long onBehalfOf) {
	}

	@PostMapping("/plans/{id}/comments")
	@Operation(summary = "A consulted body's comment with its document number and date")
	ResponseEntity<List<PlanQueries.CommentView>> comment(@PathVariable long id, @RequestBody NewComment c, Actor actor) {
		consultations.comment(actor, id, c.onBehalfOf(), c.text(), c.documentNumber(), c.documentDate());
		return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED).body(queries.comments(actor, id));
	}

	record HandlingBody(@Nullable Handling handling, @Nullable String explanation) {
	}

	@org.springframework.web.bind.annotation.PutMapping("/comments/{id}/handling")
	@Operation(summary = "How the coordinating department handled a comment (ACCEPTED, EXPLAINED, NOT_ACCEPTED with the explanation)")
	ResponseEntity<Void> handle(@PathVariable long id, @RequestBody HandlingBody h, Actor actor) {
		consultations.handle(actor, id, h.handling(), h.explanation());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/plans/{id}/versions")
	@Operation(summary = "The plan's versions, newest first: taken at every workflow step and every new appendix")
	List<PlanVersions.VersionSummary> versions(@PathVariable long id, Actor actor) {
		return versions.versions(actor, queries.summary(id));
	}

	@GetMapping("/plans/{id}/versions/{number}")
	@Operation(summary = "One version of the plan: its text and appendix, and what changed from the version before")
	PlanVersions.Version version(@PathVariable long id, @PathVariable int number, Actor actor) {
		return versions.version(actor, queries.summary(id), number);
	}

	@GetMapping("/plans/{id}/comments")
	@Operation(summary = "The comments on the plan's draft with their source document and handling")
	List<PlanQueries.CommentView> comments(@PathVariable long id, Actor actor) {
		return queries.comments(actor, id);
	}

	record Transition(@Nullable PlanAction action, @Nullable String note, @Nullable String number,
			@Nullable LocalDate issuedOn, @Nullable String signer, @Nullable String signerTitle, @Nullable Long version) {
	}

	@PostMapping("/plans/{id}/transitions")
	@Operation(summary = "Take a workflow step: SUBMIT, RETURN (with a reason), ACCEPT, OPEN_CONSULTATION, ISSUE (with number, date, signer)")
	Map<String, PlanStatus> transition(@PathVariable long id, @RequestBody Transition t, Actor actor) {
		if (t.action() == null) {
			throw new UserError("error.invalidInput");
		}
		return Map.of("status", plans.act(actor, id, t.action(), t.note(),
				new Plans.Issuance(t.number(), t.issuedOn(), t.signer(), t.signerTitle()), t.version()));
	}

	@GetMapping("/my/tasks")
	@Operation(summary = "The tasks the caller's unit leads, in plans in force")
	List<PlanQueries.TaskView> myTasks(Actor actor) {
		return queries.myTasks(actor);
	}

	@GetMapping("/tasks/{id}/progress")
	@Operation(summary = "What has been recorded on a task, newest first")
	List<PlanQueries.ProgressView> progress(@PathVariable long id, Actor actor) {
		return queries.progress(actor, id);
	}

	record Progress(@Nullable String note, @Nullable String link, boolean completes, @Nullable LocalDate recordedOn) {
	}

	@PostMapping("/tasks/{id}/progress")
	@Operation(summary = "Record progress on a task (the lead unit's staff or the coordinating department)")
	ResponseEntity<List<PlanQueries.ProgressView>> record(@PathVariable long id, @RequestBody Progress p, Actor actor) {
		plans.recordProgress(actor, id, p.note(), p.link(), p.completes(), p.recordedOn());
		return ResponseEntity.status(201).body(queries.progress(actor, id));
	}
}
