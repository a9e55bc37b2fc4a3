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
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.projection.SearchProjection;
import org.hibernate.search.engine.search.query.SearchResult;
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
@Transactional(readOnly = true)
public class PromotionSearch {

	public static final int MAX_PAGE_SIZE = 100;

	private final EntityManager entities;
	private final JdbcClient jdbc;

	PromotionSearch(EntityManager entities, JdbcClient jdbc) {
		this.entities = entities;
		this.jdbc = jdbc;
	}

	public enum Sort {
		RELEVANCE, NEWEST, OLDEST
	}

	public record Query(@Nullable String text, @Nullable String language, @Nullable String field, @Nullable String kind,
			@Nullable Long unit, @Nullable Integer year, int page, int size, Sort sort) {

		public Query {
			if (page < 0) {
				throw new UserError("error.promotion.page");
			}
			size = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
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

	public record Result(long total, int page, int size, List<Hit> hits, Facets facets) {

		public int pages() {
			return (int) ((total + size - 1) / size);
		}
	}

	/** Search for the public: published translations of published, public items only. */
	public Result publicSearch(Query query) {
		return search(query, null);
	}

	/** Search for staff: the public's results and the unpublished items the actor may see. */
	public Result staffSearch(Actor actor, Query query) {
		return search(query, actor);
	}

	private Result search(Query query, @Nullable Actor actor) {
		var session = Search.session(entities);
		SearchScope<Translation> scope = session.scope(Translation.class);
		List<String> analyzers = query.language() == null ? SearchAnalysis.ANALYZERS
				: List.of(SearchAnalysis.analyzerOf(query.language()));
		var fieldsKey = AggregationKey.<Map<String, Long>>of("fields");
		var kindsKey = AggregationKey.<Map<ItemKind, Long>>of("kinds");
		var languagesKey = AggregationKey.<Map<String, Long>>of("languages");
		var unitsKey = AggregationKey.<Map<Long, Long>>of("units");
		var yearsKey = AggregationKey.<Map<Integer, Long>>of("years");
		SearchResult<List<?>> result = session.search(scope)
			.select(f -> {
				List<SearchProjection<?>> projections = new ArrayList<>();
				projections.add(f.id(Long.class).toProjection());
				for (String a : analyzers) {
					projections.add(f.highlight("title_" + a).toProjection());
					projections.add(f.highlight("text_" + a).toProjection());
				}
				return f.composite().from(projections.toArray(SearchProjection<?>[]::new)).asList();
			})
			.where((f, root) -> {
				root.add(visible(f, actor));
				String text = query.text() == null ? "" : query.text().strip();
				if (!text.isEmpty()) {
					List<String> fields = new ArrayList<>();
					analyzers.forEach(a -> {
						fields.add("title_" + a);
						fields.add("text_" + a);
					});
					root.add(f.simpleQueryString().fields(fields.toArray(String[]::new)).matching(text)
						.defaultOperator(BooleanOperator.AND));
				}
				if (query.language() != null) {
					root.add(f.match().field("language").matching(query.language()));
				}
				if (query.field() != null) {
					root.add(f.match().field("item.fields").matching(query.field()));
				}
				if (query.kind() != null) {
					root.add(f.match().field("item.kind").matching(kind(query.kind())));
				}
				if (query.unit() != null) {
					root.add(f.match().field("item.unitId").matching(query.unit()));
				}
				if (query.year() != null) {
					root.add(f.match().field("item.year").matching(query.year()));
				}
			})
			.highlighter(h -> h.unified().encoder(HighlighterEncoder.HTML).tag("<mark>", "</mark>")
				.numberOfFragments(1))
			.sort(f -> switch (query.sort()) {
				case NEWEST -> f.field("item.takenOn").desc().missing().last().then().score();
				case OLDEST -> f.field("item.takenOn").asc().missing().last().then().score();
				case RELEVANCE -> f.score().then().field("item.takenOn").desc().missing().last();
			})
			.aggregation(fieldsKey, f -> f.terms().field("item.fields", String.class).maxTermCount(20))
			.aggregation(kindsKey, f -> f.terms().field("item.kind", ItemKind.class).maxTermCount(20))
			.aggregation(languagesKey, f -> f.terms().field("language", String.class).maxTermCount(20))
			.aggregation(unitsKey, f -> f.terms().field("item.unitId", Long.class).maxTermCount(50))
			.aggregation(yearsKey, f -> f.terms().field("item.year", Integer.class).maxTermCount(50))
			.fetch(query.page() * query.size(), query.size());
		Map<Long, List<?>> highlights = new LinkedHashMap<>();
		for (List<?> row : result.hits()) {
			highlights.put((Long) row.get(0), row);
		}
		List<Hit> hits = load(highlights);
		Map<String, Long> kinds = new LinkedHashMap<>();
		result.aggregation(kindsKey).forEach((k, v) -> kinds.put(k.name(), v));
		Facets facets = new Facets(result.aggregation(fieldsKey), kinds, result.aggregation(languagesKey),
				result.aggregation(unitsKey), result.aggregation(yearsKey));
		return new Result(result.total().hitCount(), query.page(), query.size(), hits, facets);
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
		SearchPredicate published = f.and(f.match().field("status").matching(TranslationStatus.PUBLISHED),
				f.match().field("item.status").matching(ItemStatus.PUBLISHED),
				f.match().field("item.classification").matching(Classification.PUBLIC)).toPredicate();
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
