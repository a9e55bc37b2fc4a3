package vn.ttdn.promotion;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
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
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.files.FileStorage;
import vn.ttdn.shared.security.Actor;

/** The collection in the staff pages: search, contribute, review, clear, publish, comment, import. */
@Controller
class PromotionController {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

	private final PromotionItems items;
	private final PromotionQueries queries;
	private final PromotionSearch search;
	private final PromotionImports imports;
	private final PromotionProperties properties;
	private final PublicCatalog catalog;
	private final FileStorage files;
	private final MessageSource messages;

	PromotionController(PromotionItems items, PromotionQueries queries, PromotionSearch search, PromotionImports imports,
			PromotionProperties properties, PublicCatalog catalog, FileStorage files, MessageSource messages) {
		this.items = items;
		this.queries = queries;
		this.search = search;
		this.imports = imports;
		this.properties = properties;
		this.catalog = catalog;
		this.files = files;
		this.messages = messages;
	}

	@GetMapping("/promotion")
	String list(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String lang,
			@RequestParam(required = false) @Nullable String field, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(defaultValue = "0") int page, Actor actor, Model model) {
		String language = lang == null || lang.isBlank() ? null : lang;
		var result = search.staffSearch(actor, new PromotionSearch.Query(q, language, blank(field), blank(kind), null, null,
				page, 20, q == null || q.isBlank() ? PromotionSearch.Sort.NEWEST : PromotionSearch.Sort.RELEVANCE));
		model.addAttribute("result", result);
		model.addAttribute("q", q);
		model.addAttribute("lang", language);
		model.addAttribute("field", field);
		model.addAttribute("kind", kind);
		model.addAttribute("languages", properties.languages());
		model.addAttribute("topics", Topic.values());
		model.addAttribute("kinds", ItemKind.values());
		model.addAttribute("canContribute", actor.unitId() != null && actor.jurisdictionCode() != null
				&& actor.canEditUnit(actor.jurisdictionCode(), actor.unitId()));
		return "promotion/list";
	}

	@GetMapping("/promotion/new")
	String form(Model model) {
		formModel(model);
		return "promotion/form";
	}

	@PostMapping("/promotion/new")
	String create(@RequestParam Map<String, String> form, @RequestParam(name = "fields", required = false) @Nullable List<Topic> fields,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> uploads, Actor actor, Model model,
			RedirectAttributes redirect, Locale locale) throws IOException {
		try {
			List<PromotionItems.TranslationForm> translations = new ArrayList<>();
			for (String l : properties.languages()) {
				translations.add(new PromotionItems.TranslationForm(l, form.getOrDefault("title_" + l, ""),
						blank(form.get("summary_" + l)), blank(form.get("body_" + l))));
			}
			var item = new PromotionItems.ItemForm(ItemKind.valueOf(form.getOrDefault("kind", "PHOTO")),
					fields == null ? List.of() : fields, Arrays.stream(form.getOrDefault("tags", "").split(";")).toList(),
					form.get("place"), date(form.get("date")), form.get("author"), form.get("credit"), form.get("licence"),
					Classification.valueOf(form.getOrDefault("classification", "PUBLIC")));
			long id = items.create(actor, item, translations, PromotionApi.uploads(uploads, List.of(form.getOrDefault("caption", ""))));
			redirect.addFlashAttribute("success", messages.getMessage("promotion.created", null, locale));
			return "redirect:/promotion/" + id;
		}
		catch (UserError e) {
			formModel(model);
			model.addAttribute("form", form);
			model.addAttribute("error", messages.getMessage(e.key(), e.arguments(), e.key(), locale));
			return "promotion/form";
		}
	}

	@GetMapping("/promotion/{id}")
	String item(@PathVariable long id, Actor actor, Model model) {
		var item = queries.item(actor, id);
		model.addAttribute("item", item);
		model.addAttribute("actions", ItemWorkflow.from(item.status()).stream()
			.filter(a -> ItemWorkflow.mayAct(actor, a, item.jurisdictionCode(), item.unitId(), item.status()))
			.sorted()
			.toList());
		model.addAttribute("unitName", catalog.unitName(item.unitId(), "vi"));
		model.addAttribute("date", item.takenOn() == null ? null : DAY.format(item.takenOn()));
		return "promotion/item";
	}

	@PostMapping("/promotion/{id}/act")
	String act(@PathVariable long id, @RequestParam ItemAction action, @RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable Classification classification,
			@RequestParam(name = "languages", required = false) @Nullable List<String> languages, Actor actor,
			RedirectAttributes redirect, Locale locale) {
		try {
			ItemStatus next = items.act(actor, id, action, note, classification, languages == null ? List.of() : languages);
			redirect.addFlashAttribute("success", messages.getMessage("promotion.moved",
					new Object[] { messages.getMessage("promotion.status." + next, null, locale) }, locale));
		}
		catch (UserError e) {
			redirect.addFlashAttribute("error", messages.getMessage(e.key(), e.arguments(), e.key(), locale));
		}
		return "redirect:/promotion/" + id;
	}

	@PostMapping("/promotion/{id}/comment")
	String comment(@PathVariable long id, @RequestParam String text, Actor actor, RedirectAttributes redirect, Locale locale) {
		try {
			items.comment(actor, id, text);
		}
		catch (UserError e) {
			redirect.addFlashAttribute("error", messages.getMessage(e.key(), e.arguments(), e.key(), locale));
		}
		return "redirect:/promotion/" + id;
	}

	/** Any file of an item the actor may see, for staff review (the original too). */
	@GetMapping("/promotion/media/{id}/{rendition:web|thumb|original}")
	ResponseEntity<byte[]> media(@PathVariable long id, @PathVariable String rendition, Actor actor) {
		String key = queries.fileKey(actor, id, rendition);
		return ResponseEntity.ok()
			.contentType(rendition.equals("original") ? MediaType.APPLICATION_OCTET_STREAM : MediaType.IMAGE_JPEG)
			.body(files.get(key));
	}

	@GetMapping("/promotion/import")
	String importForm() {
		return "promotion/import";
	}

	@PostMapping("/promotion/import")
	String importPreview(@RequestParam("file") MultipartFile file, Actor actor, Model model, Locale locale) throws IOException {
		try {
			model.addAttribute("job", imports.preview(actor, file.getOriginalFilename(), file.getBytes()));
		}
		catch (UserError e) {
			model.addAttribute("error", messages.getMessage(e.key(), e.arguments(), e.key(), locale));
		}
		return "promotion/import";
	}

	@PostMapping("/promotion/import/{id}/confirm")
	String importConfirm(@PathVariable long id, Actor actor, RedirectAttributes redirect, Locale locale) {
		try {
			imports.confirm(actor, id);
		}
		catch (UserError e) {
			redirect.addFlashAttribute("error", messages.getMessage(e.key(), e.arguments(), e.key(), locale));
		}
		return "redirect:/promotion/import/" + id;
	}

	@GetMapping("/promotion/import/{id}")
	String importStatus(@PathVariable long id, Actor actor, Model model) {
		model.addAttribute("job", imports.view(actor, id));
		return "promotion/import";
	}

	/** The progress alone, refreshed by the page while the import runs. */
	@GetMapping("/promotion/import/{id}/progress")
	String importProgress(@PathVariable long id, Actor actor, Model model) {
		model.addAttribute("job", imports.view(actor, id));
		return "promotion/import :: progress";
	}

	private void formModel(Model model) {
		model.addAttribute("languages", properties.languages());
		model.addAttribute("topics", Topic.values());
		model.addAttribute("kinds", ItemKind.values());
		model.addAttribute("classifications", Classification.values());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", Map.of());
		}
	}

	private static @Nullable LocalDate date(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip(), DAY);
		}
		catch (DateTimeParseException e) {
			throw new UserError("error.promotion.import.date", text);
		}
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s;
	}
}
