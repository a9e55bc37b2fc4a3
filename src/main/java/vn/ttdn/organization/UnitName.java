package vn.ttdn.organization;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;
import vn.ttdn.shared.UserError;
import vn.ttdn.shared.VietnameseText;

/** The name a unit bears for a period: full name, the abbreviation documents use, and the English name. */
@Entity
@Audited
@Table(name = "unit_name")
public class UnitName extends Dated {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private Long unitId;
	private String name;
	private @Nullable String abbreviation;
	private @Nullable String nameEn;
	private String searchKey;

	protected UnitName() {
	}

	UnitName(Long unitId, String name, @Nullable String abbreviation, @Nullable String nameEn,
			@Nullable LocalDate validFrom) {
		String clean = VietnameseText.clean(name);
		if (clean == null || clean.isEmpty()) {
			throw new UserError("error.unit.nameRequired");
		}
		this.unitId = unitId;
		this.name = clean;
		this.abbreviation = blankToNull(VietnameseText.clean(abbreviation));
		this.nameEn = blankToNull(VietnameseText.clean(nameEn));
		this.validFrom = validFrom;
		this.searchKey = VietnameseText.fold(clean + " " + (this.abbreviation == null ? "" : this.abbreviation));
	}

	/** Corrects the current name in place (a typo), as opposed to a rename from a date. */
	void correct(String name, @Nullable String abbreviation, @Nullable String nameEn) {
		UnitName corrected = new UnitName(unitId, name, abbreviation, nameEn, validFrom);
		this.name = corrected.name;
		this.abbreviation = corrected.abbreviation;
		this.nameEn = corrected.nameEn;
		this.searchKey = corrected.searchKey;
	}

	void end(LocalDate firstDayAfter) {
		endBefore(firstDayAfter);
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isEmpty() ? null : s;
	}

	public Long getId() {
		return id;
	}

	public Long getUnitId() {
		return unitId;
	}

	public String getName() {
		return name;
	}

	public @Nullable String getAbbreviation() {
		return abbreviation;
	}

	public @Nullable String getNameEn() {
		return nameEn;
	}
}
