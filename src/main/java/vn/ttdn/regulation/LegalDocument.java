package vn.ttdn.regulation;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A legal document as issued: number and symbol, date, issuer, signer, effect, what it replaces. */
public record LegalDocument(long id, String jurisdictionCode, String kind, String number, String title,
		LocalDate issuedOn, String issuer, @Nullable String signer, @Nullable String signerTitle,
		@Nullable LocalDate effectiveFrom, @Nullable LocalDate effectiveTo, @Nullable String replaces,
		@Nullable String sourceFile, @Nullable String note) {

	public boolean isInEffectDuring(int year) {
		return (effectiveFrom == null || effectiveFrom.getYear() <= year)
				&& (effectiveTo == null || effectiveTo.getYear() >= year);
	}
}
