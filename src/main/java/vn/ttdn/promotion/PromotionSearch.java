package vn.ttdn.promotion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.projection.SearchProjection;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.query.dsl.SearchQueryOptionsStep;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.scope.SearchScope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.security.Actor;

/**
 * Full-text search of the collection, one hit per translation: words in each language's own
 * analysis, facets by field, kind, language, unit and year, highlighted passages, sorting and
 * paging. The public sees only published, public translations of published items; staff see those
 * and what their role lets them see before publication ({@link ItemWorkflow#maySee}).
 */
@Service
// No transaction of its own: the index answers, and the one statement that reads the hits' rows runs on
// its own (a transaction would add a connection checkout, BEGIN and COMMIT to every search).
@Transactional(readOnly = true, propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
public class PromotionSearch {

	public static final int MAX_PAGE_SIZE = 100;

	/** Only the first results up to this number can be paged through. */
	public static final int COUNTED_EXACTLY_UP_TO = 10_000;

	/**
	 * Without the facets, matches are counted one by one up to this number; beyond it the total is a
	 * lower bound, and Lucene may skip what cannot reach the page.
	 */
	public static final int COUNTED_UP_TO = 1_000;

	private final EntityManager entities;
	private final JdbcClient jdbc;

	private final FacetCache facetCache;

	PromotionSearch(EntityManager entities, JdbcClient jdbc, FacetCache facetCache) {
		this.entities = entities;
		this.jdbc = jdbc;
		this.facetCache = facetCache;
	}

	public enum Sort {
		RELEVANCE, NEWEST, OLDEST
	}

	/**
	 * What to look for, and what the answer needs besides the page of hits: the facets with the
	 * exact total, and highlighted passages (pages show them; the public API does not).
	 */
	public record Query(@Nullable String text, @Nullable String language, @Nullable String field, @Nullable String kind,
			@Nullable Long unit, @Nullable Integer year, int page, int size, Sort sort, boolean facets, boolean highlights) {

		/** A query answered with facets, the exact total and highlighted passages. */
		public Query(@Nullable String text, @Nullable String language, @Nullable String field, @Nullable String kind,
				@Nullable Long unit, @Nullable Integer year, int page, int size, Sort sort) {
			this(text, language, field, kind, unit, year, page, size, sort, true, true);
		}

		/** The same query, with or without the facets (without them the total is a lower bound above 1,000). */
		public Query withFacets(boolean wanted) {
			return new Query(text, language, field, kind, unit, year, page, size, sort, wanted, highlights);
		}

		/** The same query, with or without highlighted passages. */
		public Query withHighlights(boolean wanted) {
			return new Query(text, language, field, kind, unit, year, page, size, sort, facets, wanted);
		}

		public Query {
			if (page < 0) {
				throw new UserError("error.promotion.page");
			}
			size = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
			if ((long) (page + 1) * size > COUNTED_EXACTLY_UP_TO) {
				throw new UserError("error.promotion.pageTooDeep", COUNTED_EXACTLY_UP_TO);
			}
		}

		public static Query text(@Nullable String text, @Nullable String language) {
			return new Query(text, language, null, null, null, null, 0, 20, Sort.RELEVANCE);
		}
	}

	public record Hit(long translationId, long itemId, String language, String title, @Nullable String summary,
			ItemKind kind, java.time.@Nullable LocalDate takenOn, String itemStatus, String translationStatus,
			@Nullable Long thumbnail, @Nullable String titleHighlight, @Nullable String textHighlight) {
	}

	public record Facets(Map<String, Long> fields, Map<String, Long> kinds, Map<String, Long> languages,
			Map<Long, Long> units, Map<Integer, Long> years) {
	}

	/**
	 * A page of hits. {@code total} is exact when {@code totalExact}; otherwise it is a lower bound
	 * ("more than 1,000"), because counting every match of a common word would cost more than
	 * finding the page. {@code facets} is null when they were not asked for.
	 */
	public record Result(long total, boolean totalExact, int page, int size, List<Hit> hits, @Nullable Facets facets) {

		public int pages() {
			return (int) ((total + size - 1) / size);
		}
	}

	/**
	 * The translations found, in order, without their rows: what a caller needs that reads the
	 * rows itself ({@link PublicCatalog#translations}), so they are not read twice.
	 */
	public record Found(long total, boolean totalExact, int page, int size, List<Long> translationIds,
			@Nullable Facets facets) {
	}

	/** Search for the public: published translations of published, public items only. */
	public Result publicSearch(Query query) {
		return loaded(search(query, null));
	}

	/** {@link #publicSearch} without reading the hits' rows. */
	public Found publicTranslations(Query query) {
		return search(query.withHighlights(false), null).found();
	}

	/** Search for staff: the public's results and the unpublished items the actor may see. */
	public Result staffSearch(Actor actor, Query query) {
		return loaded(search(query, actor));
	}

	/** The hits of a search: translation id, then, if asked for, the highlighted passages. */
	private record Searched(Found found, Map<Long, List<?>> rows) {
	}

	private Result loaded(Searched searched) {
		Found f = searched.found();
		return new Result(f.total(), f.totalExact(), f.page(), f.size(), load(searched.rows()), f.facets());
	}

	private Searched search(Query query, @Nullable Actor actor) {
		var session = Search.session(entities);
		SearchScope<Translation> scope = session.scope(Translation.class);
		List<String> analyzers = query.language() == null ? SearchAnalysis.ANALYZERS
				: List.of(SearchAnalysis.analyzerOf(query.language()));
		String text = query.text() == null ? "" : query.text().strip();
		List<String> facetKey = List.of(visibilityKey(actor), text, String.valueOf(query.language()),
				String.valueOf(query.field()), String.valueOf(query.kind()), String.valueOf(query.unit()),
				String.valueOf(query.year()));
		FacetCache.Ticket ticket = query.facets() ? facetCache.lookup(scope, facetKey) : null;
		try {
			return search(session, scope, query, actor, analyzers, text, ticket);
		}
		catch (RuntimeException e) {
			if (ticket != null && ticket.known() == null) {
				ticket.failed(e);
			}
			throw e;
		}
	}

	/** The search itself; {@code ticket} says whether facets are asked for and whether they are counted yet. */
	private Searched search(org.hibernate.search.mapper.orm.session.SearchSession session, SearchScope<Translation> scope,
			Query query, @Nullable Actor actor, List<String> analyzers, String text, FacetCache.@Nullable Ticket ticket) {
		Counted known = ticket == null ? null : ticket.known();
		boolean counting = ticket != null && known == null;
		var keys = new FacetKeys();
		var step = session.search(scope)
			.select(f -> {
				List<SearchProjection<?>> projections = new ArrayList<>();
				projections.add(f.id(Long.class).toProjection());
				for (String a : query.highlights() ? analyzers : List.<String>of()) {
					projections.add(f.highlight("title_" + a).toProjection());
					projections.add(f.highlight("text_" + a).toProjection());
				}
				return f.composite().from(projections.toArray(SearchProjection<?>[]::new)).asList();
			})
			.where(f -> matching(f, query, actor, analyzers, text))
			.highlighter(h -> h.unified().encoder(HighlighterEncoder.HTML).tag("<mark>", "</mark>")
				.numberOfFragments(1))
			.sort(f -> switch (sort(query, text)) {
				case NEWEST -> f.field("item.takenOn").desc().missing().last();
				case OLDEST -> f.field("item.takenOn").asc().missing().last();
				// Score alone, so that Lucene may skip what cannot reach the page (block-max WAND).
				case RELEVANCE -> f.score();
			})
			.totalHitCountThreshold(counting ? Integer.MAX_VALUE : COUNTED_UP_TO);
		// Facets not counted yet: the search that finds the page counts them too, visiting every match (a count
		// apart, without scores, measured slower: it walks the matches a second time).
		SearchResult<List<?>> result = (counting ? keys.ask(step, scope) : step).fetch(query.page() * query.size(),
				query.size());
		Map<Long, List<?>> rows = new LinkedHashMap<>();
		for (List<?> row : result.hits()) {
			rows.put((Long) row.get(0), row);
		}
		long total = result.total().hitCountLowerBound();
		boolean exact = result.total().isHitCountExact();
		Facets facets = null;
		if (counting) {
			Counted counted = keys.read(result);
			ticket.counted(counted);
			facets = counted.facets();
			total = counted.total();
			exact = true;
		}
		else if (known != null) {
			facets = known.facets();
			total = known.total();
			exact = true;
		}
		return new Searched(new Found(total, exact, query.page(), query.size(), List.copyOf(rows.keySet()), facets),
				rows);
	}

	/** Relevance needs words; without them the newest come first. */
	private static Sort sort(Query query, String text) {
		return text.isEmpty() && query.sort() == Sort.RELEVANCE ? Sort.NEWEST : query.sort();
	}

	/** The facets asked of a search, and how to read them from its result. */
	private static final class FacetKeys {

		private final AggregationKey<Map<String, Long>> fields = AggregationKey.of("fields");
		private final AggregationKey<Map<ItemKind, Long>> kinds = AggregationKey.of("kinds");
		private final AggregationKey<Map<String, Long>> languages = AggregationKey.of("languages");
		private final AggregationKey<Map<Long, Long>> units = AggregationKey.of("units");
		private final AggregationKey<Map<Integer, Long>> years = AggregationKey.of("years");

		/** The query with the five facets asked of it. */
		<H> SearchQueryOptionsStep<?, ?, H, ?, ?, ?> ask(SearchQueryOptionsStep<?, ?, H, ?, ?, ?> step,
				SearchScope<Translation> scope) {
			var a = scope.aggregation();
			return step.aggregation(fields, a.terms().field("item.fields", String.class).maxTermCount(20).toAggregation())
				.aggregation(kinds, a.terms().field("item.kind", ItemKind.class).maxTermCount(20).toAggregation())
				.aggregation(languages, a.terms().field("language", String.class).maxTermCount(20).toAggregation())
				.aggregation(units, a.terms().field("item.unitId", Long.class).maxTermCount(50).toAggregation())
				.aggregation(years, a.terms().field("item.year", Integer.class).maxTermCount(50).toAggregation());
		}

		Counted read(SearchResult<?> result) {
			Map<String, Long> kindNames = new LinkedHashMap<>();
			result.aggregation(kinds).forEach((k, v) -> kindNames.put(k.name(), v));
			return new Counted(result.total().hitCount(), new Facets(Map.copyOf(result.aggregation(fields)), kindNames,
					result.aggregation(languages), result.aggregation(units), result.aggregation(years)));
		}
	}

	record Counted(long total, Facets facets) {
	}

	/**
	 * The words must match (every word, in the language's analysis); the rest only filters, so it
	 * neither scores nor stops Lucene from skipping documents that cannot make the page.
	 */
	private static PredicateFinalStep matching(SearchPredicateFactory f, Query query, @Nullable Actor actor,
			List<String> analyzers, String text) {
		var bool = f.bool();
		if (text.isEmpty()) {
			bool.must(f.matchAll());
		}
		else if (usesSyntax(text)) {
			// Phrases ("…"), alternatives (|), exclusions (-), prefixes (*): the query syntax, on the title and text.
			bool.must(f.simpleQueryString().fields(titleAndText(analyzers)).matching(text)
				.defaultOperator(BooleanOperator.AND));
		}
		else {
			var any = f.bool();
			for (String a : analyzers) {
				var words = f.bool().must(f.simpleQueryString().field("all_" + a).matching(text)
					.defaultOperator(BooleanOperator.AND));
				if ("vi".equals(a) && text.indexOf(' ') > 0) {
					// Most Vietnamese words are two syllables: at least half of the query's neighbouring syllables
					// must be neighbours in the text too, so "van hoa" is the word văn hóa, not any text with both.
					// Half rounded up: -50 % lets at most half, rounded down, be missing (50 % would ask one of three).
					words.must(f.match().field("all_vi").matching(text).analyzer(SearchAnalysis.VI_PAIRS)
						.minimumShouldMatchPercent(-50));
				}
				any.should(words);
			}
			bool.must(any);
			if (query.highlights()) {
				// Only to mark the words in the title and text shown (the highlighter reads these fields' matches).
				bool.should(f.simpleQueryString().fields(titleAndText(analyzers)).matching(text)
					.defaultOperator(BooleanOperator.AND));
			}
		}
		bool.filter(visible(f, actor));
		// Words of Vietnamese, English or Chinese are looked for in that language's own fields, which no other
		// language's documents have: the condition would only cost time. The other languages share fields.
		if (query.language() != null && (text.isEmpty() || analyzers.contains("icu"))) {
			bool.filter(f.match().field("language").matching(query.language()));
		}
		if (query.field() != null) {
			bool.filter(f.match().field("item.fields").matching(query.field()));
		}
		if (query.kind() != null) {
			bool.filter(f.match().field("item.kind").matching(kind(query.kind())));
		}
		if (query.unit() != null) {
			bool.filter(f.match().field("item.unitId").matching(query.unit()));
		}
		if (query.year() != null) {
			bool.filter(f.match().field("item.year").matching(query.year()));
		}
		return bool;
	}

	private static String[] titleAndText(List<String> analyzers) {
		List<String> fields = new ArrayList<>();
		analyzers.forEach(a -> {
			fields.add("title_" + a);
			fields.add("text_" + a);
		});
		return fields.toArray(String[]::new);
	}

	/** Whether the words use the query syntax: a phrase, an alternative, an exclusion, a prefix or a group. */
	static boolean usesSyntax(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '|' || c == '*' || c == '~' || c == '(' || c == ')'
					|| ((c == '-' || c == '+') && (i == 0 || Character.isWhitespace(text.charAt(i - 1))))) {
				return true;
			}
		}
		return false;
	}

	/** Who sees what, as a key of the facet cache: the public, everything, a jurisdiction, or a unit. */
	private static String visibilityKey(@Nullable Actor actor) {
		if (actor == null || (!actor.isSystemAdmin() && actor.jurisdictionCode() == null)) {
			return "public";
		}
		if (actor.isSystemAdmin()) {
			return "all";
		}
		return actor.role().isUnitScoped() ? actor.jurisdictionCode() + "/" + actor.unitId() : actor.jurisdictionCode();
	}

	private static ItemKind kind(String kind) {
		try {
			return ItemKind.valueOf(kind);
		}
		catch (IllegalArgumentException e) {
			throw new UserError("error.promotion.kind", kind);
		}
	}

	/**
	 * What may be seen: published translations of published items cleared as public; for staff also
	 * their jurisdiction's items (a unit's staff: their unit's).
	 */
	private static SearchPredicate visible(SearchPredicateFactory f, @Nullable Actor actor) {
		SearchPredicate published = f.match().field("audience").matching(Translation.PUBLIC).toPredicate();
		if (actor == null) {
			return published;
		}
		if (actor.isSystemAdmin()) {
			return f.matchAll().toPredicate();
		}
		if (actor.jurisdictionCode() == null) {
			return published;
		}
		var own = f.bool().must(f.match().field("item.jurisdictionCode").matching(actor.jurisdictionCode()));
		if (actor.role().isUnitScoped()) {
			own.must(f.match().field("item.unitId").matching(actor.unitId() == null ? -1L : actor.unitId()));
		}
		return f.or(published, own.toPredicate()).toPredicate();
	}

	private List<Hit> load(Map<Long, List<?>> highlighted) {
		if (highlighted.isEmpty()) {
			return List.of();
		}
		Map<Long, Hit> byId = new LinkedHashMap<>();
		jdbc.sql("""
				select t.id, t.item_id, t.language, t.title, t.summary, i.kind, i.taken_on, i.status as item_status,
				       t.status as translation_status,
				       (select m.id from promo_media m where m.item_id = i.id and m.kind = 'IMAGE' order by m.position limit 1) as thumbnail
				from promo_translation t join promo_item i on i.id = t.item_id
				where t.id in (:ids)""")
			.param("ids", highlighted.keySet())
			.query((rs, n) -> {
				long id = rs.getLong("id");
				List<?> row = highlighted.get(id);
				return new Hit(id, rs.getLong("item_id"), rs.getString("language"), rs.getString("title"),
						rs.getString("summary"), ItemKind.valueOf(rs.getString("kind")),
						rs.getObject("taken_on", java.time.LocalDate.class), rs.getString("item_status"),
						rs.getString("translation_status"), rs.getObject("thumbnail", Long.class), first(row, 0),
						first(row, 1));
			})
			.list()
			.forEach(h -> byId.put(h.translationId(), h));
		List<Hit> ordered = new ArrayList<>();
		for (Long id : highlighted.keySet()) {
			Hit hit = byId.get(id);
			if (hit != null) {
				ordered.add(hit);
			}
		}
		return ordered;
	}

	/** The first highlighted passage of the title ({@code which} 0) or text (1) of any analyser. */
	private static @Nullable String first(List<?> row, int which) {
		for (int i = 1 + which; i < row.size(); i += 2) {
			if (row.get(i) instanceof List<?> passages && !passages.isEmpty()) {
				return (String) passages.getFirst();
			}
		}
		return null;
	}
}
