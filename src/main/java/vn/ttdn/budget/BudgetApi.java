package vn.ttdn.budget;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ttdn.shared.security.Actor;

/** Budgets as JSON (C5); same access rules as the pages. Amounts are exact đồng; amounts sent may be "1.500.000.000" or "1500000000". */
@RestController
@RequestMapping("/api/v1/budget")
@Tag(name = "Budget", description = "Yearly estimates, appraisal, allocation, spending, settlement and roll-ups (C5)")
class BudgetApi {

	private final Budgets budgets;
	private final BudgetQueries queries;

	BudgetApi(Budgets budgets, BudgetQueries queries) {
		this.budgets = budgets;
		this.queries = queries;
	}

	@GetMapping("/estimates")
	@Operation(summary = "Estimates of a jurisdiction (a unit's staff see their unit's only)")
	List<BudgetQueries.EstimateSummary> estimates(@RequestParam String jurisdiction, @RequestParam(required = false) @Nullable Integer year,
			Actor actor) {
		return queries.estimates(actor, jurisdiction, year);
	}

	record NewEstimate(String jurisdiction, long unitId, int year, @Nullable String title) {
	}

	@PostMapping("/estimates")
	@Operation(summary = "Start a unit's yearly estimate (one per unit and year)")
	ResponseEntity<BudgetQueries.EstimateView> create(@RequestBody NewEstimate e, Actor actor) {
		long id = budgets.create(actor, e.jurisdiction(), e.unitId(), e.year(), e.title());
		return ResponseEntity.status(HttpStatus.CREATED).body(queries.estimate(actor, id));
	}

	@GetMapping("/estimates/{id}")
	@Operation(summary = "An estimate with its lines (requested, approved, allocated, spent), spending records and history")
	BudgetQueries.EstimateView estimate(@PathVariable long id, Actor actor) {
		return queries.estimate(actor, id);
	}

	@PostMapping("/estimates/{id}/lines")
	@Operation(summary = "Add a line to a draft or returned estimate, tied to a plan task or a programme budget line where it has one")
	ResponseEntity<BudgetQueries.EstimateView> addLine(@PathVariable long id, @RequestBody Budgets.LineInput line, Actor actor) {
		budgets.addLine(actor, id, line);
		return ResponseEntity.status(HttpStatus.CREATED).body(queries.estimate(actor, id));
	}

	@DeleteMapping("/lines/{id}")
	@Operation(summary = "Remove a line of a draft or returned estimate")
	ResponseEntity<Void> removeLine(@PathVariable long id, Actor actor) {
		budgets.removeLine(actor, id);
		return ResponseEntity.noContent().build();
	}

	record Transition(@Nullable BudgetAction action, @Nullable String note, @Nullable Long version) {
	}

	@PostMapping("/estimates/{id}/transitions")
	@Operation(summary = "A workflow step: SUBMIT (unit head), RETURN with a note, APPRAISE, ALLOCATE, SETTLE (finance body)")
	BudgetQueries.EstimateView transition(@PathVariable long id, @RequestBody Transition t, Actor actor) {
		if (t.action() == null) {
			throw new vn.ttdn.shared.UserError("error.budget.actionRequired");
		}
		budgets.act(actor, id, t.action(), t.note(), t.version());
		return queries.estimate(actor, id);
	}

	record AppraisalBody(@Nullable Appraisal decision, @Nullable String approved, @Nullable String reason) {
	}

	@PutMapping("/lines/{id}/appraisal")
	@Operation(summary = "The finance body's decision on a line: APPROVED, ADJUSTED (amount and reason), REJECTED (reason)")
	ResponseEntity<Void> appraise(@PathVariable long id, @RequestBody AppraisalBody a, Actor actor) {
		budgets.appraise(actor, id, a.decision(), a.approved(), a.reason());
		return ResponseEntity.noContent().build();
	}

	record Allocation(@Nullable String amount) {
	}

	@PutMapping("/lines/{id}/allocation")
	@Operation(summary = "What is allocated to a line of an appraised estimate (at most what was approved)")
	ResponseEntity<Void> allocate(@PathVariable long id, @RequestBody Allocation a, Actor actor) {
		budgets.allocate(actor, id, a.amount());
		return ResponseEntity.noContent().build();
	}

	record SpendingBody(@Nullable LocalDate spentOn, @Nullable String amount, @Nullable String document) {
	}

	@PostMapping("/lines/{id}/spending")
	@Operation(summary = "Spending against a line of an allocated estimate, with its document; never beyond the allocation")
	ResponseEntity<Void> spend(@PathVariable long id, @RequestBody SpendingBody s, Actor actor) {
		budgets.spend(actor, id, s.spentOn(), s.amount(), s.document());
		return ResponseEntity.status(HttpStatus.CREATED).build();
	}

	@GetMapping("/rollup")
	@Operation(summary = "A jurisdiction's budget for a year summed by funding source (SOURCE), body (UNIT) or kind of capital (CAPITAL)")
	List<BudgetQueries.RollupRow> rollup(@RequestParam String jurisdiction, @RequestParam int year,
			@RequestParam(defaultValue = "SOURCE") BudgetQueries.By by, Actor actor) {
		return queries.rollup(actor, jurisdiction, year, by);
	}
}
