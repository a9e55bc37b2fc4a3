package vn.ttdn.promotion;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.ttdn.shared.security.Actor;

/** The collection for staff and other systems: contribute, review, clear, publish, comment, search, import. */
@RestController
@RequestMapping("/api/v1/promotion")
class PromotionApi {

	private final PromotionItems items;
	private final PromotionQueries queries;
	private final PromotionSearch search;
	private final PromotionImports imports;
	private final SearchIndex index;

	PromotionApi(PromotionItems items, PromotionQueries queries, PromotionSearch search, PromotionImports imports,
			SearchIndex index) {
		this.items = items;
		this.queries = queries;
		this.search = search;
		this.imports = imports;
		this.index = index;
	}

	record NewItem(@NotNull ItemKind kind, @Nullable List<Topic> fields, @Nullable List<String> tags,
			@Nullable String place, @Nullable LocalDate date, @Nullable String author, @Nullable String credit,
			@Nullable String licence, @NotNull Classification classification,
			@NotNull List<PromotionItems.TranslationForm> translations, @Nullable List<String> captions) {

		PromotionItems.ItemForm form() {
			return new PromotionItems.ItemForm(kind, fields == null ? List.of() : fields, tags == null ? List.of() : tags,
					place, date, author, credit, licence, classification);
		}
	}

	@PostMapping("/items")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Long> create(@Valid @RequestPart("item") NewItem item,
			@RequestPart(name = "files", required = false) @Nullable List<MultipartFile> files, Actor actor) throws IOException {
		return Map.of("id", items.create(actor, item.form(), item.translations(), uploads(files, item.captions())));
	}

	@PostMapping("/items/{id}")
	void update(@PathVariable long id, @Valid @RequestBody NewItem item, Actor actor) {
		items.update(actor, id, item.form(), item.translations());
	}

	/** More media for a draft, checked like those given at creation. */
	@PostMapping("/items/{id}/media")
	@ResponseStatus(HttpStatus.CREATED)
	void addMedia(@PathVariable long id, @RequestPart("files") List<MultipartFile> files,
			@RequestPart(name = "captions", required = false) @Nullable List<String> captions, Actor actor) throws IOException {
		items.addMedia(actor, id, uploads(files, captions));
	}

	@GetMapping("/items/{id}")
	PromotionQueries.ItemView item(@PathVariable long id, Actor actor) {
		return queries.item(actor, id);
	}

	record Step(@NotNull ItemAction action, @Nullable String note, @Nullable Classification classification,
			@Nullable List<String> languages) {
	}

	@PostMapping("/items/{id}/actions")
	Map<String, ItemStatus> act(@PathVariable long id, @Valid @RequestBody Step step, Actor actor) {
		return Map.of("status", items.act(actor, id, step.action(), step.note(), step.classification(),
				step.languages() == null ? List.of() : step.languages()));
	}

	record Comment(@NotNull String text) {
	}

	@PostMapping("/items/{id}/comments")
	@ResponseStatus(HttpStatus.CREATED)
	void comment(@PathVariable long id, @Valid @RequestBody Comment comment, Actor actor) {
		items.comment(actor, id, comment.text());
	}

	@GetMapping("/search")
	PromotionSearch.Result search(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String lang, @RequestParam(required = false) @Nullable String field,
			@RequestParam(required = false) @Nullable String kind, @RequestParam(required = false) @Nullable Long unit,
			@RequestParam(required = false) @Nullable Integer year, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @RequestParam(defaultValue = "RELEVANCE") PromotionSearch.Sort sort,
			@RequestParam(defaultValue = "true") boolean facets, Actor actor) {
		return search.staffSearch(actor, new PromotionSearch.Query(q, lang, field, kind, unit, year, page, size, sort)
			.withFacets(facets));
	}

	@PostMapping("/imports")
	@ResponseStatus(HttpStatus.CREATED)
	PromotionImports.ImportView importZip(@RequestParam("file") MultipartFile file, Actor actor) throws IOException {
		return imports.preview(actor, file.getOriginalFilename(), file.getBytes());
	}

	@GetMapping("/imports/{id}")
	PromotionImports.ImportView importStatus(@PathVariable long id, Actor actor) {
		return imports.view(actor, id);
	}

	@PostMapping("/imports/{id}/confirm")
	PromotionImports.ImportView confirmImport(@PathVariable long id, Actor actor) {
		return imports.confirm(actor, id);
	}

	/** Rebuilds the search index from the database in the background (system administrator). */
	@PostMapping("/index")
	SearchIndex.Progress reindex(Actor actor) {
		return index.rebuild(actor);
	}

	@GetMapping("/index")
	SearchIndex.Progress indexProgress() {
		return index.progress();
	}

	static List<PromotionItems.Upload> uploads(@Nullable List<MultipartFile> files, @Nullable List<String> captions)
			throws IOException {
		List<PromotionItems.Upload> uploads = new ArrayList<>();
		if (files != null) {
			for (int i = 0; i < files.size(); i++) {
				MultipartFile f = files.get(i);
				if (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank())) {
					continue;
				}
				String caption = captions != null && i < captions.size() ? captions.get(i) : null;
				uploads.add(new PromotionItems.Upload(f.getOriginalFilename() == null ? "" : f.getOriginalFilename(),
						f.getBytes(), caption));
			}
		}
		return uploads;
	}
}
