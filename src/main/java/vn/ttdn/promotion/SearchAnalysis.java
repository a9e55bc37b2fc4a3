package vn.ttdn.promotion;

import java.util.List;

import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizerFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.icu.ICUFoldingFilterFactory;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizerFactory;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilterFactory;
import org.apache.lucene.analysis.shingle.ShingleFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * How each language is cut into words: Vietnamese by spaces and folded (ICU) so that "ha noi" finds
 * "Hà Nội" (đ written as d, as people type it); English stemmed ("festivals" finds "festival") and
 * folded, since English text names Vietnamese places ("long bien" finds "Long Biên");
 * Chinese segmented into words (smartcn); Lao, Khmer and the other languages segmented by ICU's
 * dictionaries and folded.
 *
 * <p>Vietnamese is written a syllable at a time, and most of its words are two syllables ("văn
 * hóa", "lễ hội"): each syllable alone is in a large share of all texts. So the Vietnamese text
 * searched is also indexed as pairs of neighbouring syllables ({@value #VI_ALL}), and a query looks
 * for its own pairs ({@value #VI_PAIRS}); a pair is found in few texts, which is what makes the
 * search quick ({@link PromotionSearch}).
 */
public class SearchAnalysis implements LuceneAnalysisConfigurer {

	/** The analysers, each the suffix of its fields. */
	static final List<String> ANALYZERS = List.of("vi", "en", "zh", "icu");

	/** Vietnamese syllables and the pairs of neighbouring syllables ("van", "van hoa", "hoa"), for indexing. */
	static final String VI_ALL = "vi_all";

	/** The pairs of neighbouring syllables alone, for querying them. */
	static final String VI_PAIRS = "vi_pairs";

	/** The analyser of the field that holds the whole text (title, summary, body) of an analyser's documents. */
	static String wholeTextAnalyzer(String analyzer) {
		return "vi".equals(analyzer) ? VI_ALL : analyzer;
	}

	static String analyzerOf(String language) {
		return switch (language) {
			case "vi", "en", "zh" -> language;
			default -> "icu";
		};
	}

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		context.analyzer("vi").custom()
			.tokenizer(StandardTokenizerFactory.class)
			.charFilter(PatternReplaceCharFilterFactory.class).param("pattern", "[đĐ]").param("replacement", "d")
			.tokenFilter(ICUFoldingFilterFactory.class);
		context.analyzer(VI_ALL).custom()
			.tokenizer(StandardTokenizerFactory.class)
			.charFilter(PatternReplaceCharFilterFactory.class).param("pattern", "[đĐ]").param("replacement", "d")
			.tokenFilter(ICUFoldingFilterFactory.class)
			.tokenFilter(ShingleFilterFactory.class).param("minShingleSize", "2").param("maxShingleSize", "2")
			.param("outputUnigrams", "true");
		context.analyzer(VI_PAIRS).custom()
			.tokenizer(StandardTokenizerFactory.class)
			.charFilter(PatternReplaceCharFilterFactory.class).param("pattern", "[đĐ]").param("replacement", "d")
			.tokenFilter(ICUFoldingFilterFactory.class)
			.tokenFilter(ShingleFilterFactory.class).param("minShingleSize", "2").param("maxShingleSize", "2")
			.param("outputUnigrams", "false").param("outputUnigramsIfNoShingles", "true");
		context.analyzer("en").custom()
			.tokenizer(StandardTokenizerFactory.class)
			.tokenFilter(EnglishPossessiveFilterFactory.class)
			.tokenFilter(ICUFoldingFilterFactory.class)
			.tokenFilter(StopFilterFactory.class)
			.tokenFilter(PorterStemFilterFactory.class);
		context.analyzer("zh").custom()
			.tokenizer(HMMChineseTokenizerFactory.class)
			.tokenFilter(LowerCaseFilterFactory.class);
		context.analyzer("icu").custom()
			.tokenizer(ICUTokenizerFactory.class)
			.tokenFilter(ICUFoldingFilterFactory.class);
	}
}
