package vn.ttdn.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.VietnameseText;

/** A duty as the regulation words it, verbatim, with its article and clause. Who holds it is a {@link DutyAssignment}. */
@Entity
@Table(name = "duty")
public class Duty {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private String jurisdictionCode;
	private String documentNumber;
	private int article;
	private @Nullable String clause;
	private int position;
	@Column(columnDefinition = "text")
	private String text;

	protected Duty() {
	}

	public Duty(String jurisdictionCode, String documentNumber, int article, @Nullable String clause, int position,
			String text) {
		String clean = VietnameseText.nfc(text);
		if (clean == null || clean.isEmpty()) {
			throw new UserError("error.duty.textRequired");
		}
		if (article < 1) {
			throw new UserError("error.duty.articleRequired");
		}
		this.jurisdictionCode = jurisdictionCode;
		this.documentNumber = VietnameseText.clean(documentNumber);
		this.article = article;
		this.clause = VietnameseText.clean(clause);
		this.position = position;
		this.text = clean;
	}

	/** "Điều 18 khoản 3", "Điều 16 (ý 2)", "Điều 21" — as officials cite an article and clause. */
	public static String reference(int article, @Nullable String clause) {
		if (clause == null || clause.isEmpty()) {
			return "Điều " + article;
		}
		return clause.chars().allMatch(Character::isDigit) ? "Điều " + article + " khoản " + clause
				: "Điều " + article + " (" + clause + ")";
	}

	public Long getId() {
		return id;
	}

	public String getJurisdictionCode() {
		return jurisdictionCode;
	}

	public String getDocumentNumber() {
		return documentNumber;
	}

	public int getArticle() {
		return article;
	}

	public @Nullable String getClause() {
		return clause;
	}

	public int getPosition() {
		return position;
	}

	public String getText() {
		return text;
	}
}
