package vn.ttdn.reporting;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ttdn.shared.NotFound;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.security.Actor;

/** Reporting periods, unit reports and their workflow, compliance and the consolidated report as JSON (C6); same access rules as the UI. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Reporting", description = "Reporting periods, ad-hoc requests, unit reports, compliance, consolidation (C6)")
class ReportingApi {

	private final ReportingQueries queries;
	private final ReportingPeriods periods;
	private final Reports reports;
	private final Consolidations consolidations;
	private final ReportingExport export;

	ReportingApi(ReportingQueries queries, ReportingPeriods periods, Reports reports, Consolidations consolidations,
			ReportingExport export) {
		this.queries = queries;
		this.periods = periods;
		this.reports = reports;
		this.consolidations = consolidations;
		this.export = export;
	}

	@GetMapping("/reporting/periods")
	@Operation(summary = "The reporting periods of a jurisdiction's year, with counts owed, submitted, accepted, late and missing")
	List<ReportingQueries.PeriodView> periods(@RequestParam String jurisdiction, @RequestParam int year, Actor actor) {
		return queries.periods(actor, jurisdiction, year);
	}

	@PostMapping("/reporting/periods")
	@Operation(summary = "Open the year's periods from the jurisdiction's reporting rules (coordinating department)")
	Map<String, Integer> generate(@RequestParam String jurisdiction, @RequestParam int year, Actor actor) {
		return Map.of("opened", periods.generate(actor, jurisdiction, year));
	}

	@GetMapping("/reporting/periods/{id}")
	@Operation(summary = "A period")
	ReportingQueries.PeriodView period(@PathVariable long id, Actor actor) {
		return queries.period(actor, id);
	}

	@GetMapping("/reporting/periods/{id}/reports")
	@Operation(summary = "The unit reports of a period the caller may see, with status and days late")
	List<ReportingQueries.ReportSummary> reports(@PathVariable long id, Actor actor) {
		return queries.reports(actor, id);
	}

	record NewRequest(@Nullable String jurisdiction, @Nullable String subject, @Nullable List<Long> unitIds,
			@Nullable LocalDate dueOn, @Nullable Long formId, @Nullable String instructions) {
	}

	@PostMapping("/reporting/requests")
	@Operation(summary = "Ask chosen units for an ad-hoc report by a day (coordinating department)")
	ResponseEntity<ReportingQueries.PeriodView> request(@RequestBody NewRequest r, Actor actor) {
		if (r.jurisdiction() == null) {
			throw new UserError("error.invalidInput");
		}
		long id = periods.request(actor, r.jurisdiction(),
				new ReportingPeriods.Request(r.subject(), r.unitIds(), r.dueOn(), r.formId(), r.instructions()));
		return ResponseEntity.created(java.net.URI.create("/api/v1/reporting/periods/" + id)).body(queries.period(actor, id));
	}

	@GetMapping("/reporting/periods/{id}/compliance")
	@Operation(summary = "How each unit stands against the period: on time, late (days), missing, not yet due, exempt")
	List<ReportingQueries.ReportSummary> compliance(@PathVariable long id, Actor actor) {
		var period = queries.period(actor, id);
		if (!ReportWorkflow.seesJurisdiction(actor, period.jurisdictionCode())) {
			throw new org.springframework.security.access.AccessDeniedException("compliance of " + id);
		}
		return queries.reports(actor, id);
	}

	@GetMapping("/reporting/compliance")
	@Operation(summary = "The matrix units × periods of a jurisdiction's year")
	ReportingQueries.Matrix matrix(@RequestParam String jurisdiction, @RequestParam int year,
			@RequestParam(required = false) @Nullable String unit, @RequestParam(required = false) @Nullable ComplianceState state,
			Actor actor) {
		return queries.compliance(actor, jurisdiction, year, unit, state);
	}

	@GetMapping("/reports/{id}")
	@Operation(summary = "A unit report: form, values, prefilled numbers with their source, corrections, attachments, history")
	ReportingQueries.ReportView report(@PathVariable long id, Actor actor) {
		return queries.report(actor, id);
	}

	record Content(@Nullable Map<String, String> indicators, @Nullable Map<String, String> narrative, @Nullable Long version) {
	}

	@PutMapping("/reports/{id}")
	@Operation(summary = "Save a draft or returned report (the unit's staff): indicator values and narrative by section code")
	ReportingQueries.ReportView save(@PathVariable long id, @RequestBody Content c, Actor actor) {
		reports.save(actor, id, c.indicators() == null ? Map.of() : c.indicators(), c.narrative() == null ? Map.of() : c.narrative(),
				c.version());
		return queries.report(actor, id);
	}

	record Transition(@Nullable ReportAction action, @Nullable String note, @Nullable Long version) {
	}

	@PostMapping("/reports/{id}/transitions")
	@Operation(summary = "SUBMIT (unit head), RETURN with a comment or ACCEPT (coordinating department)")
	Map<String, ReportStatus> transition(@PathVariable long id, @RequestBody Transition t, Actor actor) {
		if (t.action() == null) {
			throw new UserError("error.invalidInput");
		}
		return Map.of("status", reports.act(actor, id, t.action(), t.note(), t.version()));
	}

	@PostMapping("/reporting/periods/{id}/consolidation")
	@Operation(summary = "Build or rebuild the consolidation draft from the accepted reports")
	Consolidations.View build(@PathVariable long id, Actor actor) {
		return consolidations.build(actor, id);
	}

	@GetMapping("/reporting/periods/{id}/consolidation")
	@Operation(summary = "The consolidation: summed indicators, per-unit annex, narrative by section, late and missing units")
	Consolidations.View consolidation(@PathVariable long id, Actor actor) {
		return consolidations.view(actor, id).orElseThrow(() -> new NotFound("consolidation", id));
	}

	@org.springframework.web.bind.annotation.PutMapping("/reporting/periods/{id}/consolidation")
	@Operation(summary = "Edit the draft: section texts by code, number, date of issue, signer")
	Consolidations.View edit(@PathVariable long id, @RequestBody Consolidations.Edit edit, Actor actor) {
		return consolidations.edit(actor, id, edit);
	}

	@PostMapping("/reporting/periods/{id}/consolidation/finalise")
	@Operation(summary = "Finalise the consolidation (it needs its number and date); it no longer changes")
	Consolidations.View finalise(@PathVariable long id, Actor actor) {
		return consolidations.finalise(actor, id);
	}

	@GetMapping("/reporting/periods/{id}/consolidation/export")
	@Operation(summary = "The consolidated report as .docx in the state format (format=docx) or .xlsx (format=xlsx)")
	ResponseEntity<byte[]> exportConsolidation(@PathVariable long id, @RequestParam(defaultValue = "docx") String format, Actor actor) {
		return ReportingController.download(queries.period(actor, id), consolidation(id, actor), format, export);
	}
}
