package vn.ttdn.regulation;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.shared.VietnameseText;

/** Records a legal document, its articles read from its text, and the reporting rules it sets. */
@Component
@Transactional
public class RegulationImport {

	private final JdbcClient jdbc;

	RegulationImport(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record DocumentSpec(String number, String jurisdiction, String kind, String title, LocalDate issuedOn,
			String issuer, @Nullable String signer, @Nullable String signerTitle, @Nullable LocalDate effectiveFrom,
			@Nullable String replaces, @Nullable String sourceFile, @Nullable String note) {
	}

	public record RuleSpec(ReportKind kind, Coverage covers, @Nullable Integer dueBeforeDay,
			@Nullable Integer dueBeforeMonth, @Nullable String form, String submitters, List<String> recipients,
			String articleRef, String quote, @Nullable String note) {
	}

	/** Saves the document and, given its text, its articles and clauses; returns the document's id. */
	public long importDocument(DocumentSpec spec, @Nullable String text, List<RuleSpec> rules) {
		long id = jdbc.sql("""
				insert into legal_document (jurisdiction_code, kind, number, title, issued_on, issuer, signer, signer_title,
				  effective_from, replaces, source_file, note)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(spec.jurisdiction(), spec.kind(), VietnameseText.clean(spec.number()), VietnameseText.clean(spec.title()),
					spec.issuedOn(), spec.issuer(), spec.signer(), spec.signerTitle(), spec.effectiveFrom(),
					spec.replaces(), spec.sourceFile(), spec.note())
			.query(Long.class)
			.single();
		if (text != null) {
			for (RegulationText.Article article : RegulationText.articles(text)) {
				long articleId = jdbc.sql("""
						insert into legal_article (document_id, number, chapter, title, lead_in) values (?, ?, ?, ?, ?)
						returning id""")
					.params(id, article.number(), article.chapter(), article.title(), article.leadIn())
					.query(Long.class)
					.single();
				int position = 0;
				for (RegulationText.Clause clause : article.clauses()) {
					jdbc.sql("insert into legal_clause (article_id, position, label, text) values (?, ?, ?, ?)")
						.params(articleId, ++position, clause.label(), clause.text())
						.update();
				}
			}
		}
		for (RuleSpec rule : rules) {
			jdbc.sql("""
					insert into reporting_rule (jurisdiction_code, document_id, kind, covers, due_before_day, due_before_month,
					  submitters, collector_role, recipients, form, article_ref, quote, note)
					values (?, ?, ?, ?, ?, ?, ?, 'FOREIGN_INFO_LEAD', ?, ?, ?, ?, ?)""")
				.params(spec.jurisdiction(), id, rule.kind().name(), rule.covers().name(), rule.dueBeforeDay(),
						rule.dueBeforeMonth(), rule.submitters(), String.join("\n", rule.recipients()), rule.form(),
						rule.articleRef(), VietnameseText.nfc(rule.quote()), rule.note())
				.update();
		}
		return id;
	}
}
