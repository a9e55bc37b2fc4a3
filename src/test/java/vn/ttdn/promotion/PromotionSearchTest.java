package vn.ttdn.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ttdn.IntegrationTest;
import vn.ttdn.promotion.PromotionSearch.Query;
import vn.ttdn.promotion.PromotionSearch.Sort;

/** Searching the demo collection in its languages, with facets that count what is there. */
@IntegrationTest
class PromotionSearchTest {

	@Autowired
	PromotionSearch search;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SearchIndex index;

	@Autowired
	MockMvc mvc;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	List<String> titles(PromotionSearch.Result result) {
		return result.hits().stream().map(PromotionSearch.Hit::title).toList();
	}

	@Test
	void vietnameseIsFoundWithAndWithoutDiacritics() {
		var accented = search.publicSearch(Query.text("Quốc Tử Giám", "vi"));
		var bare = search.publicSearch(Query.text("quoc tu giam", "vi"));
		assertThat(titles(accented)).containsExactly("Văn Miếu – Quốc Tử Giám, trường đại học đầu tiên của Việt Nam");
		assertThat(titles(bare)).isEqualTo(titles(accented));
		// Syllables are read as words: the query's neighbouring syllables must be neighbours in the text too
		// (at least half of the pairs), so the same syllables in another order are another thing.
		assertThat(titles(search.publicSearch(Query.text("giam tu quoc", "vi")))).isEmpty();
		assertThat(titles(search.publicSearch(Query.text("van mieu giam", "vi"))))
			.containsExactly("Văn Miếu – Quốc Tử Giám, trường đại học đầu tiên của Việt Nam");
		// Half means rounded up: of three pairs two must stand ("van mieu" alone of "giam van", "van mieu", "mieu tu"
		// is not enough), while two words whole and the pair between them apart still find it.
		assertThat(titles(search.publicSearch(Query.text("giam van mieu tu", "vi")))).isEmpty();
		assertThat(titles(search.publicSearch(Query.text("van mieu tu giam", "vi"))))
			.containsExactly("Văn Miếu – Quốc Tử Giám, trường đại học đầu tiên của Việt Nam");
		// đ typed as d, as people type on a keyboard without Vietnamese input
		assertThat(titles(search.publicSearch(Query.text("le hoi chua ba thien hau", "vi"))))
			.containsExactly("Lễ hội chùa Bà Thiên Hậu Thủ Dầu Một");
		// Without diacritics words run together ("doi" is also "dời", "tam" also "tâm"): the best match comes first,
		// and a phrase finds only it.
		assertThat(titles(search.publicSearch(Query.text("doi tam", "vi"))).getFirst())
			.isEqualTo("Lễ tịch điền Đọi Sơn và làng trống Đọi Tam");
		assertThat(titles(search.publicSearch(Query.text("\"doi tam\"", "vi"))))
			.containsExactly("Lễ tịch điền Đọi Sơn và làng trống Đọi Tam");
	}

	@Test
	void englishIsStemmed() {
		// "festivals" and "celebrating" find "festival" and "celebrates"
		assertThat(titles(search.publicSearch(Query.text("festivals", "en"))))
			.contains("The Thiên Hậu pagoda festival in Thủ Dầu Một", "The rice-distribution festival of Trần Thương temple");
		assertThat(titles(search.publicSearch(Query.text("celebrating learning", "en"))))
			.containsExactly("The Temple of Literature, Vietnam's first university");
	}

	@Test
	void theWordsFoundAreMarkedInTheTitleAndText() {
		var festivals = search.publicSearch(Query.text("festivals", "en")).hits().stream()
			.filter(h -> h.title().equals("The Thiên Hậu pagoda festival in Thủ Dầu Một"))
			.findFirst()
			.orElseThrow();
		assertThat(festivals.titleHighlight()).isEqualTo("The Thiên Hậu pagoda <mark>festival</mark> in Thủ Dầu Một");
		assertThat(festivals.textHighlight()).contains("<mark>").doesNotContain("<script");
		// Without diacritics in the query, the words are marked as written in the text.
		var temple = search.publicSearch(Query.text("quoc tu giam", "vi")).hits().getFirst();
		assertThat(temple.titleHighlight()).contains("<mark>Quốc</mark> <mark>Tử</mark> <mark>Giám</mark>");
	}

	@Test
	void chineseIsFoundByATwoCharacterWord() {
		assertThat(titles(search.publicSearch(Query.text("文庙", "zh")))).containsExactly("河内文庙国子监：越南第一所大学");
		assertThat(titles(search.publicSearch(Query.text("陶瓷", "zh")))).containsExactly("红河边的八长陶瓷村");
	}

	@Test
	void facetsCountWhatIsPublished() {
		// Other application contexts of the test run (the browser tests) share the database, not this index.
		index.rebuildNow(jdbc.sql("select count(*) from promo_translation").query(Long.class).single());
		var all = search.publicSearch(new Query(null, null, null, null, null, null, 0, 100, Sort.NEWEST));
		// Every count is what the database holds as public; other tests may have published items of their own.
		assertThat(all.total()).isEqualTo(count("'all'").get("all")).isEqualTo(all.hits().size());
		assertThat(all.facets().languages()).isEqualTo(count("t.language"));
		// The demo collection: 14 items published in Vietnamese and English, Hà Nội's 6 also in Chinese.
		assertThat(all.facets().languages().get("vi")).isGreaterThanOrEqualTo(14);
		assertThat(all.facets().languages().get("zh")).isEqualTo(6);
		assertThat(all.facets().kinds()).isEqualTo(count("i.kind"));
		assertThat(all.facets().fields()).isEqualTo(count("unnest(i.fields)"));
		assertThat(all.facets().years().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(all.total());
		// A facet is the count of what choosing it gives.
		var history = search.publicSearch(new Query(null, null, "HISTORY", null, null, null, 0, 100, Sort.NEWEST));
		assertThat(history.total()).isEqualTo(all.facets().fields().get("HISTORY"));
		var photosIn2025 = search.publicSearch(new Query(null, "en", null, "PHOTO", null, 2025, 0, 100, Sort.NEWEST));
		assertThat(photosIn2025.hits()).extracting(PromotionSearch.Hit::title)
			.containsExactlyInAnyOrder("Hoàn Kiếm Lake, the heart of the capital", "Lái Thiêu ceramics, a craft of Bình Dương",
					"The Old Quarter of Hà Nội, the \"36 streets\"", "The rice-distribution festival of Trần Thương temple",
					"The Thiên Hậu pagoda festival in Thủ Dầu Một");
	}

	@Autowired
	FacetCache facetCache;

	@Autowired
	jakarta.persistence.EntityManagerFactory entityManagers;

	@Test
	void aCountThatFailedIsCountedAgainAndOneInProgressIsWaitedFor() throws Exception {
		try (var em = entityManagers.createEntityManager()) {
			var scope = org.hibernate.search.mapper.orm.Search.session(em).scope(Translation.class);
			List<String> key = List.of("public", "a question asked only here");
			var first = facetCache.lookup(scope, key);
			assertThat(first.known()).as("never counted: the caller counts").isNull();
			first.failed(new IllegalStateException("the count failed"));
			var second = facetCache.lookup(scope, key);
			assertThat(second.known()).as("after a failure the next request counts again").isNull();
			var counted = new PromotionSearch.Counted(3, new PromotionSearch.Facets(java.util.Map.of("HISTORY", 3L),
					java.util.Map.of(), java.util.Map.of("vi", 3L), java.util.Map.of(), java.util.Map.of()));
			// A request asking while the count is in progress waits for it instead of counting too.
			var waiting = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
				try (var other = entityManagers.createEntityManager()) {
					return facetCache.lookup(org.hibernate.search.mapper.orm.Search.session(other).scope(Translation.class),
							key).known();
				}
			});
			Thread.sleep(200);
			assertThat(waiting).as("waits for the count in progress").isNotDone();
			second.counted(counted);
			assertThat(waiting.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(counted);
			assertThat(facetCache.lookup(scope, key).known()).isEqualTo(counted);
		}
	}

	@Test
	void countsFollowWhatIsPublishedAndWithdrawn() throws Exception {
		var work = new Contributions(mvc);
		var photos2026 = new Query(null, "en", null, "PHOTO", null, 2026, 0, 20, Sort.NEWEST);
		var before = search.publicSearch(photos2026);
		double cached = meters.get("ttdn.promotion.facets").tag("result", "cached").counter().count();
		assertThat(search.publicSearch(photos2026)).as("asked again, the same counts").isEqualTo(before);
		assertThat(meters.get("ttdn.promotion.facets").tag("result", "cached").counter().count())
			.as("read from the cache, not counted again").isEqualTo(cached + 1);
		long id = work.published("Ảnh Omicron hồ Tây", "Omicron photo of West Lake", List.of("vi", "en"));
		var published = search.publicSearch(photos2026);
		assertThat(published.total()).isEqualTo(before.total() + 1);
		assertThat(published.facets().kinds().get("PHOTO")).isEqualTo(before.total() + 1);
		assertThat(published.facets().fields().get("CULTURE"))
			.isEqualTo(before.facets().fields().getOrDefault("CULTURE", 0L) + 1);
		work.withdraw(id);
		var withdrawn = search.publicSearch(photos2026);
		assertThat(withdrawn.total()).isEqualTo(before.total());
		assertThat(withdrawn.facets()).isEqualTo(before.facets());
		// Hits alone: the same page, counted exactly while the matches are few, and no facets.
		var hitsOnly = search.publicSearch(photos2026.withFacets(false));
		assertThat(hitsOnly.hits()).isEqualTo(withdrawn.hits());
		assertThat(hitsOnly.totalExact()).isTrue();
		assertThat(hitsOnly.total()).isEqualTo(withdrawn.total());
		assertThat(hitsOnly.facets()).isNull();
	}

	@Test
	void onlyTheFirstTenThousandResultsArePaged() throws Exception {
		mvc.perform(get("/api/v1/public/items?q=ha+noi&lang=vi&page=500&size=20"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("Chỉ xem được 10.000 kết quả đầu tiên")));
		mvc.perform(get("/api/v1/public/items?q=hanoi&lang=en&page=500&size=20"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("Only the first 10,000 results")));
		mvc.perform(get("/api/v1/public/items?q=hanoi&lang=en&page=499&size=20&facets=false"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.facets").doesNotExist());
	}

	java.util.Map<String, Long> count(String expression) {
		java.util.Map<String, Long> counts = new java.util.HashMap<>();
		jdbc.sql("""
				select %s as k, count(*) as n from promo_translation t join promo_item i on i.id = t.item_id
				where t.status = 'PUBLISHED' and i.status = 'PUBLISHED' and i.classification = 'PUBLIC' group by 1"""
			.formatted(expression))
			.query((rs, n) -> counts.put(rs.getString("k"), rs.getLong("n")))
			.list();
		return counts;
	}
}
