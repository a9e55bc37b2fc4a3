package vn.ttdn.regulation;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.ttdn.shared.NotFound;
import vn.ttdn.shared.UserError;

/** The legal documents of each jurisdiction, their articles, and the reporting calendar they set. */
@Component
@Transactional(readOnly = true)
public class RegulationCatalog {

	private static final String DOCUMENT_COLUMNS = """
			id, jurisdiction_code, kind, number, title, issued_on, issuer, signer, signer_title, effective_from,
			effective_to, replaces, source_file, note""";

	private final JdbcClient jdbc;

	RegulationCatalog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record ArticleView(long id, int number, @Nullable String chapter, String title, @Nullable String leadIn,
			List<RegulationText.Clause> clauses) {
	}

	public List<LegalDocument> documents(String jurisdictionCode) {
		return jdbc.sql("select " + DOCUMENT_COLUMNS + " from legal_document where jurisdiction_code = ? order by issued_on desc")
			.param(jurisdictionCode)
			.query(LegalDocument.class)
			.list();
	}

	public Optional<LegalDocument> document(long id) {
		return jdbc.sql("select " + DOCUMENT_COLUMNS + " from legal_document where id = ?")
			.param(id)
			.query(LegalDocument.class)
			.optional();
	}

	/** How many articles each document of a jurisdiction has (documents without articles are left out). */
	public Map<Long, Integer> articleCounts(String jurisdictionCode) {
		Map<Long, Integer> counts = new java.util.HashMap<>();
		jdbc.sql("""
				select a.document_id, count(*) from legal_article a join legal_document d on d.id = a.document_id
				where d.jurisdiction_code = ? group by a.document_id""")
			.param(jurisdictionCode)
			.query((rs, i) -> counts.put(rs.getLong(1), rs.getInt(2)))
			.list();
		return counts;
	}

	public List<ArticleView> articles(long documentId) {
		record Row(long id, int number, @Nullable String chapter, String title, @Nullable String leadIn) {
		}
		return jdbc.sql("select id, number, chapter, title, lead_in from legal_article where document_id = ? order by number")
			.param(documentId)
			.query(Row.class)
			.list()
			.stream()
			.map(r -> new ArticleView(r.id(), r.number(), r.chapter(), r.title(), r.leadIn(),
					jdbc.sql("select label, text from legal_clause where article_id = ? order by position")
						.param(r.id())
						.query(RegulationText.Clause.class)
						.list()))
			.toList();
	}

	/** The reporting rules of the documents of a jurisdiction in effect during {@code year}. */
	public List<ReportingRule> rules(String jurisdictionCode, int year) {
		return jdbc.sql("""
				select r.id, r.jurisdiction_code, d.number, r.kind, r.covers, r.due_before_day, r.due_before_month,
				  r.submitters, r.collector_role, r.recipients, r.form, r.article_ref, r.quote, r.note
				from reporting_rule r join legal_document d on d.id = r.document_id
				where r.jurisdiction_code = :j
				  and (d.effective_from is null or extract(year from d.effective_from) <= :year)
				  and (d.effective_to is null or extract(year from d.effective_to) >= :year)
				order by r.id""")
			.param("j", jurisdictionCode)
			.param("year", year)
			.query((rs, i) -> new ReportingRule(rs.getLong(1), rs.getString(2), rs.getString(3),
					ReportKind.valueOf(rs.getString(4)), Coverage.valueOf(rs.getString(5)),
					rs.getObject(6, Integer.class), rs.getObject(7, Integer.class), rs.getString(8), rs.getString(9),
					Arrays.asList(rs.getString(10).split("\n")), rs.getString(11), rs.getString(12), rs.getString(13),
					rs.getString(14)))
			.list();
	}

	/** The dated obligations of {@code year}, earliest first; those without a fixed day last. */
	public List<Deadline> calendar(String jurisdictionCode, int year) {
		if (year < 1990 || year > 2100) {
			throw new UserError("error.year.outOfRange", year);
		}
		return rules(jurisdictionCode, year).stream()
			.map(r -> r.deadlineIn(year))
			.sorted(Comparator.comparing(Deadline::dueBefore, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder())))
			.toList();
	}

	public LegalDocument requireDocument(long id) {
		return document(id).orElseThrow(() -> new NotFound("document", id));
	}
}
