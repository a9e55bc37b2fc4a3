package vn.ttdn.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.ttdn.organization.OrganizationQueries;
import vn.ttdn.shared.NotFound;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.files.FileStorage;
import vn.ttdn.shared.security.Actor;

/** Reporting periods, unit reports, consolidation, compliance and calendar links in the browser (C6). */
@Controller
class ReportingController {

	private final ReportingQueries queries;
	private final ReportingPeriods periods;
	private final Reports reports;
	private final Consolidations consolidations;
	private final ConsolidationRuns runs;
	private final ReportingExport export;
	private final ReportForms forms;
	private final ReminderSettings reminderSettings;
	private final Notifications notifications;
	private final CalendarFeed calendar;
	private final OrganizationQueries organization;
	private final FileStorage files;
	private final MessageSource messages;
	private final Clock clock;
	private final String baseUrl;

	ReportingController(ReportingQueries queries, ReportingPeriods periods, Reports reports, Consolidations consolidations,
			ConsolidationRuns runs, ReportingExport export, ReportForms forms, ReminderSettings reminderSettings, Notifications notifications,
			CalendarFeed calendar, OrganizationQueries organization, FileStorage files, MessageSource messages, Clock clock,
			@Value("${ttdn.reminders.base-url:http://localhost:8080}") String baseUrl) {
		this.queries = queries;
		this.periods = periods;
		this.reports = reports;
		this.consolidations = consolidations;
		this.runs = runs;
		this.export = export;
		this.forms = forms;
		this.reminderSettings = reminderSettings;
		this.notifications = notifications;
		this.calendar = calendar;
		this.organization = organization;
		this.files = files;
		this.messages = messages;
		this.clock = clock;
		this.baseUrl = baseUrl;
	}

	/** Runs a change; a failure the user caused comes back as a message on the page they return to. */
	private String attempt(Runnable change, String target, @Nullable String successKey, RedirectAttributes redirect,
			Locale locale) {
		try {
			change.run();
			if (successKey != null) {
				redirect.addFlashAttribute("success", messages.getMessage(successKey, null, locale));
			}
		}
		catch (UserError e) {
			redirect.addFlashAttribute("error", messages.getMessage(e.key(), e.arguments(), e.key(), locale));
		}
		return "redirect:" + target;
	}

	private String jurisdiction(@Nullable String requested, Actor actor) {
		return requested != null ? requested : actor.jurisdictionCode() != null ? actor.jurisdictionCode() : "01";
	}

	/** The jurisdiction and year a page shows, with the choices of the filter form; returns the year. */
	private int select(String code, @Nullable Integer year, Model model) {
		int y = year != null ? year : LocalDate.now(clock).getYear();
		model.addAttribute("jurisdiction", organization.jurisdiction(code));
		model.addAttribute("jurisdictions", organization.jurisdictions());
		model.addAttribute("year", y);
		return y;
	}

	@GetMapping("/reporting")
	String home(@RequestParam(required = false) @Nullable String jurisdiction, @RequestParam(required = false) @Nullable Integer year,
			Actor actor, Model model) {
		String code = jurisdiction(jurisdiction, actor);
		int y = select(code, year, model);
		model.addAttribute("periods", queries.periods(actor, code, y));
		model.addAttribute("myReports", queries.myReports(actor));
		model.addAttribute("notices", notifications.recent(actor));
		boolean manages = actor.canManage(code);
		model.addAttribute("manages", manages);
		model.addAttribute("seesJurisdiction", ReportWorkflow.seesJurisdiction(actor, code));
		if (manages) {
			LocalDate today = LocalDate.now(clock);
			model.addAttribute("units", periods.owingUnits(code, today).stream()
				.map(id -> organization.unitOn(id, today)).flatMap(java.util.Optional::stream).toList());
			model.addAttribute("reminders", reminderSettings.of(code));
			model.addAttribute("forms", forms.versions(code));
		}
		return "reporting/periods";
	}

	@PostMapping("/reporting/periods")
	String generate(@RequestParam String jurisdiction, @RequestParam int year, Actor actor, RedirectAttributes redirect,
			Locale locale) {
		return attempt(() -> periods.generate(actor, jurisdiction, year), "/reporting?jurisdiction=" + jurisdiction + "&year=" + year,
				"reporting.generated", redirect, locale);
	}

	@PostMapping("/reporting/requests")
	String request(@RequestParam String jurisdiction, @RequestParam(required = false) @Nullable String subject,
			@RequestParam(name = "unitIds", required = false) @Nullable List<Long> unitIds,
			@RequestParam(required = false) @DateTimeFormat(pattern = "dd/MM/yyyy") @Nullable LocalDate dueOn,
			@RequestParam(required = false) @Nullable Long formId, @RequestParam(required = false) @Nullable String instructions,
			Actor actor, RedirectAttributes redirect, Locale locale) {
		long[] id = { 0 };
		String back = attempt(() -> id[0] = periods.request(actor, jurisdiction,
				new ReportingPeriods.Request(subject, unitIds, dueOn, formId, instructions)), "/reporting?jurisdiction=" + jurisdiction,
				"reporting.requested", redirect, locale);
		return id[0] == 0 ? back : "redirect:/reporting/periods/" + id[0];
	}

	@PostMapping("/reporting/reminders")
	String reminders(@RequestParam String jurisdiction, @RequestParam(required = false) @Nullable String daysBefore,
			@RequestParam int overdueEvery, Actor actor, RedirectAttributes redirect, Locale locale) {
		return attempt(() -> reminderSettings.set(actor, jurisdiction, daysBefore, overdueEvery),
				"/reporting?jurisdiction=" + jurisdiction, "reporting.remindersSaved", redirect, locale);
	}

	@PostMapping("/reporting/notifications/read")
	String markRead(Actor actor) {
		notifications.markRead(actor);
		return "redirect:/reporting";
	}

	@GetMapping("/reporting/periods/{id}")
	String period(@PathVariable long id, Actor actor, Model model) {
		var period = queries.period(actor, id);
		model.addAttribute("period", period);
		model.addAttribute("reports", queries.reports(actor, id));
		model.addAttribute("manages", actor.canManage(period.jurisdictionCode()));
		model.addAttribute("seesJurisdiction", ReportWorkflow.seesJurisdiction(actor, period.jurisdictionCode()));
		return "reporting/period";
	}

	@PostMapping("/reporting/reports/{id}/exempt")
	String exempt(@PathVariable long id, @RequestParam boolean exempt, @RequestParam long periodId, Actor actor) {
		periods.exempt(actor, id, exempt);
		return "redirect:/reporting/periods/" + periodId;
	}

	@GetMapping("/reports/{id}")
	String report(@PathVariable long id, Actor actor, Model model) {
		var view = queries.report(actor, id);
		String j = view.period().jurisdictionCode();
		model.addAttribute("r", view);
		model.addAttribute("editable", ReportWorkflow.isEditable(view.report().status())
				&& ReportWorkflow.mayEdit(actor, j, view.report().unitId()));
		model.addAttribute("maySubmit", ReportWorkflow.mayAct(actor, ReportAction.SUBMIT, j, view.report().unitId())
				&& ReportWorkflow.isEditable(view.report().status()));
		model.addAttribute("mayReview", actor.canManage(j) && view.report().status() == ReportStatus.SUBMITTED);
		return "reporting/report";
	}

	@PostMapping("/reports/{id}")
	String save(@PathVariable long id, @RequestParam Map<String, String> params, Actor actor, RedirectAttributes redirect,
			Locale locale) {
		Map<String, String> indicators = new HashMap<>();
		Map<String, String> narrative = new HashMap<>();
		params.forEach((k, v) -> {
			if (k.startsWith("i.")) {
				indicators.put(k.substring(2), v);
			}
			else if (k.startsWith("s.")) {
				narrative.put(k.substring(2), v);
			}
		});
		Long version = params.get("version") == null ? null : Long.valueOf(params.get("version"));
		return attempt(() -> reports.save(actor, id, indicators, narrative, version), "/reports/" + id, "report.saved",
				redirect, locale);
	}

	@PostMapping("/reports/{id}/transitions")
	String act(@PathVariable long id, @RequestParam ReportAction action, @RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable Long version, Actor actor, RedirectAttributes redirect, Locale locale) {
		return attempt(() -> reports.act(actor, id, action, note, version), "/reports/" + id, "report.done." + action,
				redirect, locale);
	}

	@PostMapping("/reports/{id}/attachments")
	String attach(@PathVariable long id, @RequestParam("file") MultipartFile file, Actor actor, RedirectAttributes redirect,
			Locale locale) throws java.io.IOException {
		byte[] content = file.getBytes();
		return attempt(() -> reports.attach(actor, id, file.getOriginalFilename(), content), "/reports/" + id,
				"report.attached", redirect, locale);
	}

	@GetMapping("/reports/attachments/{id}")
	ResponseEntity<byte[]> attachment(@PathVariable long id, Actor actor) {
		var file = queries.attachment(actor, id);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
				.filename(file.attachment().filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType(file.attachment().contentType()))
			.body(files.get(file.storageKey()));
	}

	@GetMapping("/reporting/periods/{id}/consolidation")
	String consolidation(@PathVariable long id, Actor actor, Model model) {
		var period = queries.period(actor, id);
		model.addAttribute("period", period);
		model.addAttribute("c", consolidations.view(actor, id).orElse(null));
		model.addAttribute("manages", actor.canManage(period.jurisdictionCode()));
		model.addAttribute("run", runs.run(id).orElse(null));
		return "reporting/consolidation";
	}

	/** Starts building the draft in the background; the page then shows its progress. */
	@PostMapping("/reporting/periods/{id}/consolidation")
	String build(@PathVariable long id, Actor actor, RedirectAttributes redirect, Locale locale) {
		return attempt(() -> runs.start(actor, id), "/reporting/periods/" + id + "/consolidation",
				"consolidation.started", redirect, locale);
	}

	/** The progress of a build, polled by the page; when the build has ended the page reloads itself. */
	@GetMapping("/reporting/periods/{id}/consolidation/progress")
	String progress(@PathVariable long id, Actor actor, Model model, jakarta.servlet.http.HttpServletResponse response) {
		model.addAttribute("period", queries.period(actor, id));
		var run = runs.run(id).orElse(null);
		if (run == null || !run.running()) {
			response.setHeader("HX-Refresh", "true");
		}
		model.addAttribute("run", run);
		return "reporting/consolidation :: progress";
	}

	@PostMapping("/reporting/periods/{id}/consolidation/edit")
	String editConsolidation(@PathVariable long id, @RequestParam Map<String, String> params, Actor actor,
			RedirectAttributes redirect, Locale locale) {
		Map<String, String> sections = new HashMap<>();
		params.forEach((k, v) -> {
			if (k.startsWith("s.")) {
				sections.put(k.substring(2), v);
			}
		});
		return attempt(() -> consolidations.edit(actor, id, new Consolidations.Edit(sections, params.get("number"),
				day(params.get("issuedOn")), params.get("signer"), params.get("signerTitle"),
				params.get("version") == null ? null : Long.valueOf(params.get("version")))),
				"/reporting/periods/" + id + "/consolidation", "consolidation.saved", redirect, locale);
	}

	private static @Nullable LocalDate day(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip(), Reminders.DAY);
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new UserError("error.date.invalid", text);
		}
	}

	@PostMapping("/reporting/periods/{id}/consolidation/finalise")
	String finalise(@PathVariable long id, Actor actor, RedirectAttributes redirect, Locale locale) {
		return attempt(() -> consolidations.finalise(actor, id), "/reporting/periods/" + id + "/consolidation",
				"consolidation.finalised", redirect, locale);
	}

	@GetMapping("/reporting/periods/{id}/consolidation.{format}")
	ResponseEntity<byte[]> exportConsolidation(@PathVariable long id, @PathVariable String format, Actor actor) {
		return download(queries.period(actor, id), consolidations.view(actor, id).orElseThrow(() -> new NotFound("consolidation", id)),
				format, export);
	}

	static ResponseEntity<byte[]> download(ReportingQueries.PeriodView period, Consolidations.View view, String format,
			ReportingExport export) {
		boolean word = "docx".equals(format);
		if (!word && !"xlsx".equals(format)) {
			throw new NotFound("format", format);
		}
		return file("tong-hop-" + period.year() + "-" + period.id() + "." + format,
				word ? export.docx(period, view) : export.xlsx(period, view));
	}

	static ResponseEntity<byte[]> file(String name, byte[] body) {
		boolean word = name.endsWith(".docx");
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.contentType(MediaType.parseMediaType(word
					? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
					: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(body);
	}

	@GetMapping("/reporting/compliance")
	String compliance(@RequestParam(required = false) @Nullable String jurisdiction, @RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable String unit, @RequestParam(required = false) @Nullable ComplianceState state,
			Actor actor, Model model) {
		String code = jurisdiction(jurisdiction, actor);
		int y = select(code, year, model);
		model.addAttribute("unit", unit);
		model.addAttribute("state", state);
		model.addAttribute("states", ComplianceState.values());
		model.addAttribute("matrix", queries.compliance(actor, code, y, unit, state));
		return "reporting/compliance";
	}

	@GetMapping("/reporting/compliance.xlsx")
	ResponseEntity<byte[]> complianceExport(@RequestParam String jurisdiction, @RequestParam int year,
			@RequestParam(required = false) @Nullable String unit, @RequestParam(required = false) @Nullable ComplianceState state,
			Actor actor, Locale locale) {
		var matrix = queries.compliance(actor, jurisdiction, year, unit, state);
		return file("tinh-hinh-bao-cao-" + jurisdiction + "-" + year + ".xlsx",
				export.complianceXlsx(matrix, s -> messages.getMessage("compliance." + s, null, locale)));
	}

	@GetMapping("/reporting/units/{id}/compliance")
	String unitCompliance(@PathVariable long id, Actor actor, Model model) {
		model.addAttribute("unit", organization.unitOn(id, LocalDate.now(clock)).orElseThrow(() -> new NotFound("unit", id)));
		model.addAttribute("years", queries.unitCompliance(actor, id));
		return "reporting/unit-compliance";
	}

	@GetMapping("/reporting/calendar")
	String calendar(Actor actor, Model model) {
		model.addAttribute("link", calendar.token(actor).map(t -> baseUrl + "/calendar/" + t + ".ics").orElse(null));
		return "reporting/calendar";
	}

	@PostMapping("/reporting/calendar")
	String renewCalendar(@RequestParam(defaultValue = "false") boolean revoke, Actor actor) {
		if (revoke) {
			calendar.revoke(actor);
		}
		else {
			calendar.renew(actor);
		}
		return "redirect:/reporting/calendar";
	}

	@GetMapping(value = "/calendar/{token}.ics")
	ResponseEntity<String> feed(@PathVariable String token) {
		return calendar.feed(token, baseUrl)
			.map(ics -> ResponseEntity.ok().contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8)).body(ics))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@GetMapping("/reporting/forms")
	String forms(@RequestParam(required = false) @Nullable String jurisdiction, Actor actor, Model model) {
		String code = jurisdiction(jurisdiction, actor);
		if (!actor.isIn(code)) {
			throw new org.springframework.security.access.AccessDeniedException("forms of " + code);
		}
		model.addAttribute("jurisdiction", organization.jurisdiction(code));
		var versions = forms.versions(code);
		model.addAttribute("versions", versions);
		model.addAttribute("manages", actor.canManage(code));
		model.addAttribute("reportJson", ReportForms.toJson(forms.current(code, ReportForms.Kind.REPORT).form()));
		return "reporting/forms";
	}

	@PostMapping("/reporting/forms")
	String saveForm(@RequestParam String jurisdiction, @RequestParam ReportForms.Kind kind, @RequestParam String definition,
			Actor actor, RedirectAttributes redirect, Locale locale) {
		return attempt(() -> forms.saveVersion(actor, jurisdiction, kind, definition), "/reporting/forms?jurisdiction=" + jurisdiction,
				"forms.saved", redirect, locale);
	}
}
