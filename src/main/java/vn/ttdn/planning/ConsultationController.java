package vn.ttdn.planning;

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
import vn.ttdn.shared.security.Actor;

/** Consultation on a draft plan and the plan's versions, in the browser. */
@Controller
class ConsultationController {

	private final Consultations consultations;
	private final PlanVersions versions;
	private final PlanQueries queries;
	private final MessageSource messages;

	ConsultationController(Consultations consultations, PlanVersions versions, PlanQueries queries, MessageSource messages) {
		this.consultations = consultations;
		this.versions = versions;
		this.queries = queries;
		this.messages = messages;
	}

	@PostMapping("/plans/{id}/consultations")
	String ask(@PathVariable long id, @RequestParam(name = "unitId", required = false) @Nullable List<Long> unitIds,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dueOn, Actor actor,
			RedirectAttributes redirect, Locale locale) {
		return attempt(id, redirect, locale, "consultation.asked",
				() -> consultations.ask(actor, id, unitIds == null ? List.of() : unitIds, dueOn));
	}

	@PostMapping("/plans/{id}/comments")
	String comment(@PathVariable long id, @RequestParam(required = false) @Nullable Long onBehalfOf,
			@RequestParam(required = false) @Nullable String text, @RequestParam(required = false) @Nullable String documentNumber,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate documentDate,
			Actor actor, RedirectAttributes redirect, Locale locale) {
		return attempt(id, redirect, locale, "comment.sent",
				() -> consultations.comment(actor, id, onBehalfOf, text, documentNumber, documentDate));
	}

	@PostMapping("/plans/{id}/comments/{commentId}/handling")
	String handle(@PathVariable long id, @PathVariable long commentId, @RequestParam(required = false) @Nullable Handling handling,
			@RequestParam(required = false) @Nullable String explanation, Actor actor, RedirectAttributes redirect, Locale locale) {
		return attempt(id, redirect, locale, "comment.handled", () -> {
			consultations.handle(actor, commentId, handling, explanation);
		});
	}

	@GetMapping("/plans/{id}/versions/{number}")
	String version(@PathVariable long id, @PathVariable int number, Actor actor, Model model) {
		var plan = queries.summary(id);
		model.addAttribute("plan", plan);
		model.addAttribute("v", versions.version(actor, plan, number));
		return "planning/version";
	}

	private String attempt(long id, RedirectAttributes redirect, Locale locale, String done, Runnable action) {
		vn.ttdn.shared.web.Flash.attempt(redirect, messages, locale, done, action);
		return "redirect:/plans/" + id + "?view=comments";
	}
}
