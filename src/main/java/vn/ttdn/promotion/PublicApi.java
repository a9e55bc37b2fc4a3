package vn.ttdn.promotion;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import vn.ttdn.shared.NotFound;
import vn.ttdn.shared.UserError;

/**
 * The collection for the world and for the national foreign-information database (004 Art. 8;
 * 000 Art. 11): published items only, without an account, from any origin, with ETags so that
 * unchanged items cost nothing, limited per client ({@link PublicRateLimit}); and the change feed.
 */
@RestController
@RequestMapping("/api/v1/public")
@CrossOrigin(origins = "*", methods = RequestMethod.GET, exposedHeaders = "ETag")
class PublicApi {

	private final PromotionSearch search;
	private final PublicCatalog catalog;
	private final PromotionProperties properties;

	PublicApi(PromotionSearch search, PublicCatalog catalog, PromotionProperties properties) {
		this.search = search;
		this.catalog = catalog;
		this.properties = properties;
	}

	record ItemList(long total, boolean totalExact, int page, int size, List<PublicCatalog.PublicItem> items,
			PromotionSearch.@Nullable Facets facets) {
	}

	@GetMapping("/items")
	ItemList items(@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "vi") String lang,
			@RequestParam(required = false) @Nullable String field, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable Integer year, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @RequestParam(defaultValue = "RELEVANCE") PromotionSearch.Sort sort,
			@RequestParam(defaultValue = "true") boolean facets) {
		language(lang);
		var result = search.publicTranslations(new PromotionSearch.Query(q, lang, field, kind, null, year, page, size, sort)
			.withFacets(facets));
		List<PublicCatalog.PublicItem> items = catalog.translations(result.translationIds(), lang);
		return new ItemList(result.total(), result.totalExact(), result.page(), result.size(), items, result.facets());
	}

	@GetMapping("/items/{id}")
	ResponseEntity<PublicCatalog.PublicItem> item(@PathVariable long id, @RequestParam(defaultValue = "vi") String lang,
			WebRequest request) {
		language(lang);
		PublicCatalog.PublicItem item = catalog.item(id, lang).orElseThrow(() -> new NotFound("item", id));
		if (request.checkNotModified(item.etag())) {
			return ResponseEntity.status(304).eTag(item.etag()).build();
		}
		return ResponseEntity.ok().eTag(item.etag()).cacheControl(CacheControl.noCache()).body(item);
	}

	record ChangePage(List<PublicCatalog.Change> changes, long next, boolean more) {
	}

	/**
	 * Everything published, changed or withdrawn after {@code after} (0 for the beginning); the
	 * caller keeps {@code next} and asks again from it.
	 */
	@GetMapping("/changes")
	ChangePage changes(@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
		if (after < 0 || limit < 1 || limit > 1000) {
			throw new UserError("error.promotion.feedParameters");
		}
		List<PublicCatalog.Change> changes = catalog.changes(after, limit + 1);
		boolean more = changes.size() > limit;
		List<PublicCatalog.Change> page = more ? changes.subList(0, limit) : changes;
		long next = page.isEmpty() ? after : page.getLast().seq();
		return new ChangePage(page, next, more);
	}

	@GetMapping("/languages")
	Map<String, List<String>> languages() {
		return Map.of("languages", properties.languages());
	}

	private void language(String lang) {
		if (!properties.holds(lang)) {
			throw new UserError("error.promotion.language", lang);
		}
	}
}
