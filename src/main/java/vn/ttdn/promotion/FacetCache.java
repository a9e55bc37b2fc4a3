package vn.ttdn.promotion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.mapper.orm.scope.SearchScope;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.ttdn.shared.Completions;

/**
 * Facet counts and exact totals, kept per query for as long as the search index does not change.
 * Counting visits every match: for a common word in a million items that is most of the index, far
 * more work than finding the first page. The same question asked again, by anyone with the same
 * visibility, on the same index, has the same answer; so it is counted once and then read. The
 * state of the index is the set of its segment readers (a new or changed segment is a new reader),
 * so a published, changed or withdrawn translation makes every entry stale at once. Two requests
 * for the same uncounted query wait for one count.
 */
@Component
class FacetCache {

	private record Cached(List<Object> indexState, CompletableFuture<PromotionSearch.Counted> counted) {
	}

	private final int capacity;

	/** Answers read from the cache and answers counted ({@code ttdn.promotion.facets}, tag {@code result}). */
	private final Counter hits;

	private final Counter counted;

	private final Map<List<String>, Cached> entries;

	FacetCache(@Value("${ttdn.promotion.facet-cache-size:10000}") int capacity, MeterRegistry meters) {
		this.capacity = capacity;
		this.hits = Counter.builder("ttdn.promotion.facets").description("Facet counts of a search")
			.tag("result", "cached").register(meters);
		this.counted = Counter.builder("ttdn.promotion.facets").description("Facet counts of a search")
			.tag("result", "counted").register(meters);
		this.entries = java.util.Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<List<String>, Cached> eldest) {
				return size() > FacetCache.this.capacity;
			}
		});
	}

	/**
	 * What is known of a query's facets: counted already (and counted on this state of the index),
	 * being counted by another request (waited for), or to be counted by the caller, who then hands
	 * the count to the ticket, or its failure.
	 */
	Ticket lookup(SearchScope<Translation> scope, List<String> key) {
		if (capacity <= 0) {
			counted.increment();
			return new Ticket(null, new CompletableFuture<>(), null);
		}
		// Read before counting: should the index change meanwhile, the count is newer than its label and
		// is merely counted again by the next request, never older than it.
		List<Object> state = indexState(scope);
		CompletableFuture<PromotionSearch.Counted> mine = new CompletableFuture<>();
		Cached entry = entries.compute(key, (k, known) -> known != null && known.indexState().equals(state)
				&& !known.counted().isCompletedExceptionally() ? known : new Cached(state, mine));
		if (entry.counted() == mine) {
			counted.increment();
			return new Ticket(null, mine, () -> entries.remove(key, entry));
		}
		hits.increment();
		return new Ticket(Completions.join(entry.counted()), entry.counted(), null);
	}

	/** A query's facets: {@link #known()} if counted, otherwise the caller counts them and says so. */
	static final class Ticket {

		private final PromotionSearch.@Nullable Counted known;
		private final CompletableFuture<PromotionSearch.Counted> promise;
		private final @Nullable Runnable forget;

		private Ticket(PromotionSearch.@Nullable Counted known, CompletableFuture<PromotionSearch.Counted> promise,
				@Nullable Runnable forget) {
			this.known = known;
			this.promise = promise;
			this.forget = forget;
		}

		/** The counted facets, or null when the caller is to count them. */
		PromotionSearch.@Nullable Counted known() {
			return known;
		}

		/** The caller's count, for those waiting and those who come later. */
		void counted(PromotionSearch.Counted counted) {
			promise.complete(counted);
		}

		/** The caller could not count: those waiting get the failure, and the next request counts again. */
		void failed(RuntimeException e) {
			if (promise.completeExceptionally(e) && forget != null) {
				forget.run();
			}
		}
	}

	/** The segments the searches see now; equal lists mean an unchanged index. */
	private static List<Object> indexState(SearchScope<Translation> scope) {
		try (IndexReader reader = scope.extension(LuceneExtension.get()).openIndexReader()) {
			List<Object> state = new ArrayList<>();
			for (LeafReaderContext leaf : reader.leaves()) {
				var helper = leaf.reader().getReaderCacheHelper();
				// A reader without a cache key cannot be recognised again: such a state never matches.
				state.add(helper == null ? new Object() : helper.getKey());
			}
			return state;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void clear() {
		entries.clear();
	}
}
