import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MultiCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.store.FSDirectory;

/**
 * The floor under the promotion search: the same queries as {@link PromotionBench}, asked of the
 * same Lucene index directly, in this process, with nothing around them: no HTTP, no JSON, no
 * database, no framework, no second process. What a search costs here is the least any server on
 * this index can spend on it, so the latencies of 20 clients in a closed loop here are the best a
 * server could reach on the same processors.
 *
 * <p>Each query set is run in two ways: the page alone (top 20 by relevance, matches counted up to
 * 1,000 so that Lucene may skip the rest, as the application's search without facets), and every
 * match visited with the five facets read from the doc values and counted in arrays (the least
 * that exact facets need). The words are analysed as the application does (Vietnamese folded, with
 * at least half of the query's syllable pairs; English stemmed), and only what the public may see
 * is searched. The analysers and the query are written out again here, since the application's are
 * built by Hibernate Search: a change to {@code SearchAnalysis} or {@code PromotionSearch#matching}
 * must be made here too.
 *
 * <pre>
 * INDEX=target/bench-data/&lt;run&gt;/data/index/promo_translation CLASSPATH=&lt;the application's Lucene jars&gt; \
 *   java bench/SearchFloor.java
 * </pre>
 * {@code bench/promotion.sh} runs it with {@code SCENARIOS=floor-lucene} (it takes the jars from the
 * application). Settings: CLIENTS (20), WARMUP (10 s), DURATION (20 s), SETS (typical,selective,common).
 */
public class SearchFloor {

	static final String[] FACET_FIELDS = { "item.fields", "item.kind", "language", "item.unitId", "item.year" };

	static Analyzer vi;
	static Analyzer viPairs;
	static Analyzer en;

	public static void main(String[] args) throws Exception {
		Path index = Path.of(PromotionBench.env("INDEX", "index/promo_translation"));
		int clients = Integer.parseInt(PromotionBench.env("CLIENTS", "20"));
		int warmup = Integer.parseInt(PromotionBench.env("WARMUP", "10"));
		int duration = Integer.parseInt(PromotionBench.env("DURATION", "20"));
		List<String> sets = List.of(PromotionBench.env("SETS", "typical,selective,common").split(","));
		vi = CustomAnalyzer.builder()
			.withTokenizer("standard")
			.addCharFilter("patternReplace", "pattern", "[đĐ]", "replacement", "d")
			.addTokenFilter("icuFolding")
			.build();
		viPairs = CustomAnalyzer.builder()
			.withTokenizer("standard")
			.addCharFilter("patternReplace", "pattern", "[đĐ]", "replacement", "d")
			.addTokenFilter("icuFolding")
			.addTokenFilter("shingle", "minShingleSize", "2", "maxShingleSize", "2", "outputUnigrams", "false",
					"outputUnigramsIfNoShingles", "true")
			.build();
		en = CustomAnalyzer.builder()
			.withTokenizer("standard")
			.addTokenFilter("englishPossessive")
			.addTokenFilter("icuFolding")
			.addTokenFilter("stop")
			.addTokenFilter("porterStem")
			.build();
		try (var dir = FSDirectory.open(index); var reader = DirectoryReader.open(dir)) {
			var searcher = new IndexSearcher(reader);
			if ("off".equals(PromotionBench.env("QUERY_CACHE", "on"))) {
				searcher.setQueryCache(null);
			}
			System.out.printf(Locale.ROOT, "index %s: %,d documents in %d segments, %d processors%n", index.getFileName(), reader.numDocs(),
					reader.leaves().size(), Runtime.getRuntime().availableProcessors());
			for (String set : sets) {
				Function<String, String> words = switch (set) {
					case "typical" -> PromotionBench::typical;
					case "common" -> PromotionBench::common;
					case "selective" -> lang -> "k" + ThreadLocalRandom.current().nextInt(20000);
					default -> throw new IllegalArgumentException("unknown query set " + set);
				};
				for (boolean facets : new boolean[] { false, true }) {
					String name = "floor-lucene-" + set + (facets ? "-facets" : "-page");
					run(name, searcher, words, facets, clients, warmup, duration);
				}
			}
		}
	}

	/**
	 * 20 clients in {@link PromotionBench#closed}'s closed loop, each asking its next query as soon as the last is
	 * answered; as many searches run at once as there are processors, the others waiting in order, as in a server.
	 * A latency counts from the asking.
	 */
	static void run(String name, IndexSearcher searcher, Function<String, String> words, boolean facets, int clients,
			int warmup, int duration) throws Exception {
		try (var workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
			PromotionBench.closed(name, clients, warmup, duration, () -> () -> {
				String lang = ThreadLocalRandom.current().nextBoolean() ? "vi" : "en";
				String text = words.apply(lang);
				workers.submit(() -> {
					search(searcher, query(lang, text), facets);
					return null;
				}).get();
				return true;
			}).print();
		}
		if (facets) {
			System.out.printf(Locale.ROOT, "  %s: %,d matches per search on average%n", name,
					MATCHES.sumThenReset() / Math.max(1, COUNTED.sumThenReset()));
		}
	}

	/** Matches of the searches with facets (where every match is counted), to tell how much each search had to visit. */
	static final java.util.concurrent.atomic.LongAdder MATCHES = new java.util.concurrent.atomic.LongAdder();
	static final java.util.concurrent.atomic.LongAdder COUNTED = new java.util.concurrent.atomic.LongAdder();

	static void search(IndexSearcher searcher, Query q, boolean facets) throws IOException {
		if (!facets) {
			searcher.search(q, TopScoreDocCollector.create(20, 1_000));
			return;
		}
		var counts = new FacetCounts();
		var top = TopScoreDocCollector.create(20, Integer.MAX_VALUE);
		searcher.search(q, MultiCollector.wrap(top, counts));
		MATCHES.add(top.getTotalHits());
		COUNTED.increment();
	}

	/** The query as the application builds it for one language: every word, half the pairs, public only. */
	static Query query(String lang, String text) throws IOException {
		var words = new BooleanQuery.Builder();
		String field = "all_" + lang;
		for (String w : tokens("vi".equals(lang) ? vi : en, text)) {
			words.add(new TermQuery(new Term(field, w)), Occur.MUST);
		}
		if ("vi".equals(lang) && text.indexOf(' ') > 0) {
			var pairs = new BooleanQuery.Builder();
			List<String> ps = tokens(viPairs, text);
			for (String p : ps) {
				pairs.add(new TermQuery(new Term(field, p)), Occur.SHOULD);
			}
			pairs.setMinimumNumberShouldMatch((ps.size() + 1) / 2);
			words.add(pairs.build(), Occur.MUST);
		}
		return new BooleanQuery.Builder().add(words.build(), Occur.MUST)
			.add(new TermQuery(new Term("audience", "PUBLIC")), Occur.FILTER)
			.build();
	}

	static List<String> tokens(Analyzer analyzer, String text) throws IOException {
		List<String> out = new ArrayList<>();
		try (TokenStream ts = analyzer.tokenStream("f", text)) {
			var term = ts.addAttribute(CharTermAttribute.class);
			ts.reset();
			while (ts.incrementToken()) {
				out.add(term.toString());
			}
			ts.end();
		}
		return out;
	}

	/** The five facets, counted by ordinal or value in arrays: the least work exact facets need per match. */
	static final class FacetCounts implements Collector {

		final long[][] ordinalCounts = new long[FACET_FIELDS.length][];
		final java.util.HashMap<Long, Long>[] valueCounts = newMaps();

		@SuppressWarnings("unchecked")
		static java.util.HashMap<Long, Long>[] newMaps() {
			java.util.HashMap<Long, Long>[] maps = new java.util.HashMap[FACET_FIELDS.length];
			for (int i = 0; i < maps.length; i++) {
				maps[i] = new java.util.HashMap<>();
			}
			return maps;
		}

		@Override
		public ScoreMode scoreMode() {
			return ScoreMode.COMPLETE_NO_SCORES;
		}

		@Override
		public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
			var leaf = context.reader();
			SortedSetDocValues[] sets = new SortedSetDocValues[FACET_FIELDS.length];
			SortedNumericDocValues[] numbers = new SortedNumericDocValues[FACET_FIELDS.length];
			for (int i = 0; i < FACET_FIELDS.length; i++) {
				FieldInfo info = leaf.getFieldInfos().fieldInfo(FACET_FIELDS[i]);
				if (info == null) {
					continue;
				}
				if (info.getDocValuesType() == DocValuesType.SORTED_SET) {
					sets[i] = DocValues.getSortedSet(leaf, FACET_FIELDS[i]);
					ordinalCounts[i] = new long[(int) sets[i].getValueCount()];
				}
				else {
					numbers[i] = DocValues.getSortedNumeric(leaf, FACET_FIELDS[i]);
				}
			}
			return new LeafCollector() {
				@Override
				public void setScorer(Scorable scorer) {
				}

				@Override
				public void collect(int doc) throws IOException {
					for (int i = 0; i < FACET_FIELDS.length; i++) {
						if (sets[i] != null && sets[i].advanceExact(doc)) {
							for (int k = 0; k < sets[i].docValueCount(); k++) {
								ordinalCounts[i][(int) sets[i].nextOrd()]++;
							}
						}
						else if (numbers[i] != null && numbers[i].advanceExact(doc)) {
							for (int k = 0; k < numbers[i].docValueCount(); k++) {
								valueCounts[i].merge(numbers[i].nextValue(), 1L, Long::sum);
							}
						}
					}
				}
			};
		}
	}
}
