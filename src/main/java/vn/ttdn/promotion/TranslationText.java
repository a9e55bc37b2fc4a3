package vn.ttdn.promotion;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;

/**
 * Puts a translation's title and text into the fields of its language's analyser
 * ({@link SearchAnalysis}): {@code title_vi}, {@code text_vi}, {@code title_en}, … so that each
 * language is cut into words and normalised its own way, and the others are not burdened with it.
 * The same text is also kept whole in one field per analyser ({@code all_vi}, {@code all_en}, …),
 * where a search looks its words up once instead of once in the title and once in the text; the
 * title and text fields serve the highlighted passages and the phrase syntax. {@value #LAYOUT_FIELD}
 * says which version of this layout wrote a document ({@link SearchIndex} rebuilds an index that
 * holds older ones).
 */
public class TranslationText implements TypeBinder {

	static final String LAYOUT_FIELD = "layout";

	/** Raised whenever what a document holds changes in a way searches rely on. */
	static final String LAYOUT = "3";

	@Override
	public void bind(TypeBindingContext context) {
		context.dependencies().use("language").use("title").use("summary").use("body");
		Map<String, IndexFieldReference<String>> titles = new HashMap<>();
		Map<String, IndexFieldReference<String>> texts = new HashMap<>();
		Map<String, IndexFieldReference<String>> wholes = new HashMap<>();
		IndexFieldReference<String> layout = context.indexSchemaElement()
			.field(LAYOUT_FIELD, f -> f.asString()).toReference();
		for (String analyzer : SearchAnalysis.ANALYZERS) {
			wholes.put(analyzer, context.indexSchemaElement()
				.field("all_" + analyzer, f -> f.asString().analyzer(SearchAnalysis.wholeTextAnalyzer(analyzer))
					.searchAnalyzer(analyzer))
				.toReference());
			titles.put(analyzer, context.indexSchemaElement()
				.field("title_" + analyzer, f -> f.asString().analyzer(analyzer).projectable(Projectable.YES)
					.highlightable(List.of(Highlightable.UNIFIED)))
				.toReference());
			texts.put(analyzer, context.indexSchemaElement()
				.field("text_" + analyzer, f -> f.asString().analyzer(analyzer).projectable(Projectable.YES)
					.highlightable(List.of(Highlightable.UNIFIED)))
				.toReference());
		}
		context.bridge(Translation.class, new Bridge(titles, texts, wholes, layout));
	}

	private record Bridge(Map<String, IndexFieldReference<String>> titles, Map<String, IndexFieldReference<String>> texts,
			Map<String, IndexFieldReference<String>> wholes, IndexFieldReference<String> layout)
			implements TypeBridge<Translation> {

		@Override
		public void write(DocumentElement target, Translation translation, TypeBridgeWriteContext context) {
			String analyzer = SearchAnalysis.analyzerOf(translation.getLanguage());
			target.addValue(titles.get(analyzer), translation.getTitle());
			StringBuilder text = new StringBuilder();
			if (translation.getSummary() != null) {
				text.append(translation.getSummary()).append("\n\n");
			}
			if (translation.getBody() != null) {
				text.append(translation.getBody());
			}
			target.addValue(texts.get(analyzer), text.toString());
			target.addValue(wholes.get(analyzer), translation.getTitle() + "\n\n" + text);
			target.addValue(layout, LAYOUT);
		}
	}
}
