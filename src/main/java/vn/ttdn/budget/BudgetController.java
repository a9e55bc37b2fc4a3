package vn.ttdn.budget;

import java.time.Clock;
import java.time.LocalDate;
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

/** Budgets in the browser: the estimates of a year, one estimate with every step, and the roll-up. */
@Controller
class BudgetController {

	private final Budgets budgets;
	private final BudgetQueries queries;
	private final OrganizationQueries organization;
	private final MessageSource messages;
	private final Clock clock;

	BudgetController(Budgets budgets, BudgetQueries queries, OrganizationQueries organization, MessageSource messages, Clock clock) {
		this.budgets = budgets;
		this.queries = queries;
		this.organization = organization;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/budget")
	String list(@RequestParam(required = false) @Nullable Integer year, Actor actor, Model model) {
		String code = actor.jurisdictionCode() != null ? actor.jurisdictionCode() : "01";
		int y = year != null ? year : LocalDate.now(clock).getYear();
		model.addAttribute("jurisdiction", organization.jurisdiction(code));
		model.addAttribute("year", y);
		boolean readsAll = BudgetQueries.readsJurisdiction(actor, code);
		model.addAttribute("estimates", readsAll || actor.role().isUnitScoped() ? queries.estimates(actor, code, y) : java.util.List.of());
		model.addAttribute("readsAll", readsAll);
		model.addAttribute("canCreate", actor.unitId() != null && actor.role().isUnitScoped());
		if (BudgetQueries.readsJurisdiction(actor, code)) {
			model.addAttribute("bySource", queries.rollup(actor, code, y, BudgetQueries.By.SOURCE));
			model.addAttribute("byCapital", queries.rollup(actor, code, y, BudgetQueries.By.CAPITAL));
			model.addAttribute("byUnit", queries.rollup(actor, code, y, BudgetQueries.By.UNIT));
		}
		return "budget/estimates";
	}

	@PostMapping("/budget")
	String create(@RequestParam int year, @RequestParam(required = false) @Nullable String title, Actor actor,
			RedirectAttributes redirect, Locale locale) {
		if (actor.unitId() == null || actor.jurisdictionCode() == null) {
			throw new org.springframework.security.access.AccessDeniedException("budget");
		}
		try {
			return "redirect:/budget/" + budgets.create(actor, actor.jurisdictionCode(), actor.unitId(), year, title);
		}
		catch (UserError e) {
			redirect.addFlashAttribute("error", messages.getMessage(e.key(), e.arguments(), locale));
			return "redirect:/budget?year=" + year;
		}
	}

	@GetMapping("/budget/{id}")
	String estimate(@PathVariable long id, Actor actor, Model model) {
		var view = queries.estimate(actor, id);
		var e = view.estimate();
		model.addAttribute("v", view);
		model.addAttribute("editable", BudgetWorkflow.isEditable(e.status()) && actor.canEditUnit(e.jurisdictionCode(), e.unitId()));
		boolean finance = BudgetWorkflow.isFinance(actor, e.jurisdictionCode());
		model.addAttribute("appraising", finance && e.status() == BudgetStatus.SUBMITTED);
		model.addAttribute("allocating", finance && e.status() == BudgetStatus.APPRAISED);
		model.addAttribute("spending", e.status() == BudgetStatus.ALLOCATED
				&& (actor.canEditUnit(e.jurisdictionCode(), e.unitId()) || finance));
		model.addAttribute("actions", java.util.Arrays.stream(BudgetAction.values())
			.filter(a -> BudgetWorkflow.allows(e.status(), a) && BudgetWorkflow.mayAct(actor, a, e.jurisdictionCode(), e.unitId()))
			.toList());
		model.addAttribute("sources", FundingSource.values());
		model.addAttribute("capitals", CapitalKind.values());
		model.addAttribute("decisions", Appraisal.values());
		model.addAttribute("today", LocalDate.now(clock));
		return "budget/estimate";
	}

	@PostMapping("/budget/{id}/lines")
	String addLine(@PathVariable long id, @RequestParam(required = false) @Nullable String content,
			@RequestParam(required = false) @Nullable Long planTaskId, @RequestParam(required = false) @Nullable Long programmeLineId,
			@RequestParam(required = false) @Nullable FundingSource fundingSource,
			@RequestParam(required = false) @Nullable CapitalKind capitalKind, @RequestParam(required = false) @Nullable String requested,
			Actor actor, RedirectAttributes redirect, Locale locale) {
		return attempt(id, redirect, locale, () -> budgets.addLine(actor, id,
				new Budgets.LineInput(content, planTaskId, programmeLineId, fundingSource, capitalKind, requested)));
	}

	@PostMapping("/budget/{id}/lines/{line}/delete")
	String removeLine(@PathVariable long id, @PathVariable long line, Actor actor, RedirectAttributes redirect, Locale locale) {
		return attempt(id, redirect, locale, () -> {
			budgets.removeLine(actor, line);
		});
	}

	@PostMapping("/budget/{id}/lines/{line}/appraisal")
	String appraise(@PathVariable long id, @PathVariable long line, @RequestParam(required = false) @Nullable Appraisal decision,
			@RequestParam(required = false) @Nullable String approved, @RequestParam(required = false) @Nullable String reason, Actor actor,
			RedirectAttributes redirect, Locale locale) {
		return attempt(id, redirect, locale, () -> {
			budgets.appraise(actor, line, decision, approved, reason);
		});
	}

	@PostMapping("/budget/{id}/lines/{line}/allocation")
	String allocate(@PathVariable long id, @PathVariable long line, @RequestParam(required = false) @Nullable String amount, Actor actor,
			RedirectAttributes redirect, Locale locale) {
		return attempt(id, redirect, locale, () -> {
			budgets.allocate(actor, line, amount);
		});
	}

	@PostMapping("/budget/{id}/lines/{line}/spending")
	String spend(@PathVariable long id, @PathVariable long line,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate spentOn,
			@RequestParam(required = false) @Nullable String amount, @RequestParam(required = false) @Nullable String document, Actor actor,
			RedirectAttributes redirect, Locale locale) {
		return attempt(id, redirect, locale, () -> budgets.spend(actor, line, spentOn, amount, document));
	}

	@PostMapping("/budget/{id}/transitions")
	String transition(@PathVariable long id, @RequestParam BudgetAction action, @RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable Long version, Actor actor, RedirectAttributes redirect, Locale locale) {
		return attempt(id, redirect, locale, () -> budgets.act(actor, id, action, note, version));
	}

	private String attempt(long id, RedirectAttributes redirect, Locale locale, Runnable action) {
		vn.ttdn.shared.web.Flash.attempt(redirect, messages, locale, "budget.saved", action);
		return "redirect:/budget/" + id;
	}
}
