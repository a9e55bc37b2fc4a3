package vn.ttdn.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ttdn.shared.NotFound;
import vn.ttdn.shared.TtdnProperties;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.security.Actor;

/** The organisation browser, unit pages and the forms that change the registry. */
@Controller
class OrganizationController {

	private final OrganizationQueries queries;
	private final Registry registry;
	private final MessageSource messages;
	private final Clock clock;
	private final TtdnProperties properties;
	private final TreeHtml treeHtml;
	private final TreePage treePage;

	OrganizationController(OrganizationQueries queries, Registry registry, MessageSource messages, Clock clock,
			TtdnProperties properties, TreeHtml treeHtml, TreePage treePage) {
		this.treeHtml = treeHtml;
		this.treePage = treePage;
		this.queries = queries;
		this.registry = registry;
		this.messages = messages;
		this.clock = clock;
		this.properties = properties;
	}

	@GetMapping("/org")
	String home(Actor actor) {
		return "redirect:/org/" + (actor.jurisdictionCode() != null ? actor.jurisdictionCode() : "01");
	}

	@GetMapping("/org/{code}")
	org.springframework.web.servlet.ModelAndView tree(@PathVariable String code, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
			Actor actor, Model model, Locale locale, jakarta.servlet.http.HttpServletRequest request) {
		LocalDate day = asOf != null ? asOf : queries.defaultDay(code, LocalDate.now(clock));
		model.addAttribute("jurisdiction", queries.jurisdiction(code));
		model.addAttribute("jurisdictionOptions", treeHtml.jurisdictionOptions(request.getContextPath(), code));
		model.addAttribute("asOf", day);
		model.addAttribute("q", q);
		model.addAttribute("canManage", actor.canManage(code));
		if (q != null && !q.isBlank()) {
			model.addAttribute("matches", queries.units(code, day, q));
			return new org.springframework.web.servlet.ModelAndView("organization/tree");
		}
		model.addAttribute("treeHtml", treeHtml.render(request.getContextPath(), code, day, locale));
		// The page of the default day, without a message after a redirect, is assembled from kept parts (a
		// bounded number of them: one day); any other goes through the template.
		if (asOf != null || model.containsAttribute("success") || model.containsAttribute("error")) {
			return new org.springframework.web.servlet.ModelAndView("organization/tree");
		}
		return new org.springframework.web.servlet.ModelAndView(treePage);
	}

	@GetMapping("/units/{id}")
	String unit(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
			Actor actor, Model model) {
		LocalDate day = asOf != null ? asOf : queries.defaultUnitDay(id, LocalDate.now(clock));
		var details = OrganizationApi.visibleTo(queries.details(id, day), actor);
		String jurisdiction = details.unit().jurisdictionCode();
		model.addAttribute("d", details);
		model.addAttribute("jurisdiction", queries.jurisdiction(jurisdiction));
		model.addAttribute("history", queries.history(id));
		model.addAttribute("allRoles", queries.roles());
		model.addAttribute("canManage", actor.canManage(jurisdiction));
		model.addAttribute("canEdit", actor.canEditUnit(jurisdiction, id));
		model.addAttribute("zone", properties.zone());
		return "organization/unit";
	}

	// ---------------------------------------------------------------- units

	@GetMapping("/org/{code}/units/new")
	String newUnit(@PathVariable String code, Actor actor, Model model) {
		requireManage(actor, code);
		return unitForm(model, code, null, UnitForm.empty(), true);
	}

	@PostMapping("/org/{code}/units")
	String createUnit(@PathVariable String code, @Valid @ModelAttribute("form") UnitForm form, BindingResult errors,
			Actor actor, Model model, RedirectAttributes redirect, Locale locale) {
		requireManage(actor, code);
		if (errors.hasErrors()) {
			return unitForm(model, code, null, form, true);
		}
		try {
			Unit unit = registry.createUnit(actor, code, form);
			redirect.addFlashAttribute("success", messages.getMessage("unit.saved", null, locale));
			return "redirect:/units/" + unit.getId();
		}
		catch (UserError e) {
			model.addAttribute("error", messages.getMessage(e.key(), e.arguments(), locale));
			return unitForm(model, code, null, form, true);
		}
	}

	@GetMapping("/units/{id}/edit")
	String editUnit(@PathVariable long id, Actor actor, Model model) {
		var d = queries.details(id, LocalDate.now(clock));
		var u = d.unit();
		if (!actor.canEditUnit(u.jurisdictionCode(), id)) {
			throw new org.springframework.security.access.AccessDeniedException("unit " + id);
		}
		var form = new UnitForm(u.type(), u.name(), u.abbreviation(), u.nameEn(), u.parentId(), d.email(), d.phone(),
				d.address(), d.website(), u.validFrom());
		return unitForm(model, u.jurisdictionCode(), id, form, actor.canManage(u.jurisdictionCode()));
	}

	@PostMapping("/units/{id}")
	String updateUnit(@PathVariable long id, @Valid @ModelAttribute("form") UnitForm form, BindingResult errors,
			Actor actor, Model model, RedirectAttributes redirect, Locale locale) {
		var u = queries.unitOn(id, LocalDate.now(clock)).orElseThrow(() -> new NotFound("unit", id));
		boolean manage = actor.canManage(u.jurisdictionCode());
		if (!manage && !actor.canEditUnit(u.jurisdictionCode(), id)) {
			throw new org.springframework.security.access.AccessDeniedException("unit " + id);
		}
		if (manage && errors.hasErrors() || !manage && hasContactErrors(errors)) {
			return unitForm(model, u.jurisdictionCode(), id, form, manage);
		}
		try {
			registry.updateUnit(actor, id, form);
		}
		catch (UserError e) {
			model.addAttribute("error", messages.getMessage(e.key(), e.arguments(), locale));
			return unitForm(model, u.jurisdictionCode(), id, form, manage);
		}
		redirect.addFlashAttribute("success", messages.getMessage("unit.saved", null, locale));
		return "redirect:/units/" + id;
	}

	private static boolean hasContactErrors(BindingResult errors) {
		return errors.getFieldErrors().stream()
			.anyMatch(f -> List.of("email", "phone", "address", "website").contains(f.getField()));
	}

	private String unitForm(Model model, String code, @Nullable Long unitId, UnitForm form, boolean canManage) {
		model.addAttribute("form", form);
		model.addAttribute("unitId", unitId);
		model.addAttribute("jurisdictionCode", code);
		model.addAttribute("canManage", canManage);
		model.addAttribute("types", UnitType.values());
		model.addAttribute("parents", queries.units(code, LocalDate.now(clock), null).stream()
			.filter(u -> unitId == null || u.id() != unitId)
			.toList());
		return "organization/unit-form";
	}

	// ---------------------------------------------------------------- roles and duties

	@PostMapping("/units/{id}/roles")
	String bindRole(@PathVariable long id, @RequestParam String roleCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate validFrom,
			@RequestParam(required = false) @Nullable String basis, Actor actor, RedirectAttributes redirect,
			Locale locale) {
		return flash(redirect, locale, "/units/" + id, () -> registry.bindRole(actor, id, roleCode, validFrom, basis));
	}

	@PostMapping("/role-bindings/{id}/end")
	String endRole(@PathVariable long id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastDay,
			Actor actor, RedirectAttributes redirect, Locale locale) {
		try {
			long unit = registry.endRoleBinding(actor, id, lastDay);
			redirect.addFlashAttribute("success", messages.getMessage("unit.saved", null, locale));
			return "redirect:/units/" + unit;
		}
		catch (UserError e) {
			redirect.addFlashAttribute("error", messages.getMessage(e.key(), e.arguments(), locale));
			return "redirect:/";
		}
	}

	@PostMapping("/units/{id}/duties")
	String addDuty(@PathVariable long id, @RequestParam String documentNumber, @RequestParam int article,
			@RequestParam(required = false) @Nullable String clause, @RequestParam String text,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate validFrom,
			Actor actor, RedirectAttributes redirect, Locale locale) {
		return flash(redirect, locale, "/units/" + id,
				() -> registry.addDuty(actor, id, documentNumber, article, clause, text, validFrom));
	}

	private String flash(RedirectAttributes redirect, Locale locale, String back, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("success", messages.getMessage("unit.saved", null, locale));
		}
		catch (UserError e) {
			redirect.addFlashAttribute("error", messages.getMessage(e.key(), e.arguments(), locale));
		}
		return "redirect:" + back;
	}

	// ---------------------------------------------------------------- people

	@GetMapping("/units/{id}/people/new")
	String newPerson(@PathVariable long id, Actor actor, Model model) {
		var u = editable(id, actor);
		return personForm(model, u, null, PersonForm.empty());
	}

	@PostMapping("/units/{id}/people")
	String addPerson(@PathVariable long id, @Valid @ModelAttribute("form") PersonForm form, BindingResult errors,
			Actor actor, Model model, RedirectAttributes redirect, Locale locale) {
		var u = editable(id, actor);
		if (errors.hasErrors()) {
			return personForm(model, u, null, form);
		}
		try {
			registry.addPerson(actor, id, form);
		}
		catch (UserError e) {
			model.addAttribute("error", messages.getMessage(e.key(), e.arguments(), locale));
			return personForm(model, u, null, form);
		}
		redirect.addFlashAttribute("success", messages.getMessage("person.saved", null, locale));
		return "redirect:/units/" + id;
	}

	@GetMapping("/people/{id}/edit")
	String editPerson(@PathVariable long id, Actor actor, Model model) {
		var p = queries.person(id);
		var u = editable(p.unitId(), actor);
		var form = new PersonForm(p.fullName(), p.post(), p.positionTitle(), p.phone(), p.email(), p.validFrom(),
				p.validTo());
		return personForm(model, u, id, form);
	}

	@PostMapping("/people/{id}")
	String updatePerson(@PathVariable long id, @Valid @ModelAttribute("form") PersonForm form, BindingResult errors,
			Actor actor, Model model, RedirectAttributes redirect, Locale locale) {
		var p = queries.person(id);
		var u = editable(p.unitId(), actor);
		if (errors.hasErrors()) {
			return personForm(model, u, id, form);
		}
		try {
			registry.updatePerson(actor, id, form);
		}
		catch (UserError e) {
			model.addAttribute("error", messages.getMessage(e.key(), e.arguments(), locale));
			return personForm(model, u, id, form);
		}
		redirect.addFlashAttribute("success", messages.getMessage("person.saved", null, locale));
		return "redirect:/units/" + p.unitId();
	}

	private OrganizationQueries.UnitRow editable(long unitId, Actor actor) {
		var u = queries.unitOn(unitId, LocalDate.now(clock)).orElseThrow(() -> new NotFound("unit", unitId));
		if (!actor.canEditUnit(u.jurisdictionCode(), unitId)) {
			throw new org.springframework.security.access.AccessDeniedException("unit " + unitId);
		}
		return u;
	}

	private String personForm(Model model, OrganizationQueries.UnitRow unit, @Nullable Long personId, PersonForm form) {
		model.addAttribute("form", form);
		model.addAttribute("unitId", unit.id());
		model.addAttribute("unitName", unit.name());
		model.addAttribute("personId", personId);
		model.addAttribute("posts", Post.values());
		return "organization/person-form";
	}

	// ---------------------------------------------------------------- succession

	@GetMapping("/org/{code}/successions/new")
	String newSuccession(@PathVariable String code, Actor actor, Model model) {
		requireManage(actor, code);
		return successionForm(model, code, new SuccessionForm(SuccessionKind.MERGE, LocalDate.now(clock), List.of(),
				null, null, null, null, null, null, null, null, null, false));
	}

	@PostMapping("/org/{code}/successions")
	String recordSuccession(@PathVariable String code, @Valid @ModelAttribute("form") SuccessionForm form,
			BindingResult errors, Actor actor, Model model, RedirectAttributes redirect, Locale locale) {
		requireManage(actor, code);
		if (errors.hasErrors()) {
			return successionForm(model, code, form);
		}
		try {
			Succession s = registry.record(actor, code, form);
			redirect.addFlashAttribute("success", messages.getMessage("succession.saved", null, locale));
			return "redirect:/units/" + s.to().getFirst() + "?asOf=" + s.getEffectiveDate();
		}
		catch (UserError e) {
			model.addAttribute("error", messages.getMessage(e.key(), e.arguments(), locale));
			return successionForm(model, code, form);
		}
	}

	private String successionForm(Model model, String code, SuccessionForm form) {
		model.addAttribute("form", form);
		model.addAttribute("jurisdiction", queries.jurisdiction(code));
		model.addAttribute("units", queries.units(code, LocalDate.now(clock), null));
		model.addAttribute("roles", queries.roles());
		model.addAttribute("kinds", SuccessionKind.values());
		return "organization/succession-form";
	}

	// ---------------------------------------------------------------- role matrix

	@GetMapping("/roles")
	String roles(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
			Model model) {
		LocalDate day = asOf != null ? asOf : LocalDate.now(clock);
		Map<String, List<OrganizationQueries.RoleHolder>> matrix = new HashMap<>();
		for (var h : queries.roleHolders(day)) {
			matrix.computeIfAbsent(h.roleCode() + "|" + h.jurisdictionCode(), k -> new ArrayList<>()).add(h);
		}
		model.addAttribute("asOf", day);
		model.addAttribute("roles", queries.roles());
		model.addAttribute("jurisdictions", queries.jurisdictions().stream()
			.filter(j -> j.validTo() == null || !j.validTo().isBefore(day))
			.toList());
		model.addAttribute("matrix", matrix);
		return "organization/roles";
	}

	private static void requireManage(Actor actor, String code) {
		if (!actor.canManage(code)) {
			throw new org.springframework.security.access.AccessDeniedException("jurisdiction " + code);
		}
	}
}
