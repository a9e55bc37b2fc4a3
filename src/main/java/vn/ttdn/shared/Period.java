package vn.ttdn.shared;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A period of validity, open at either end; both ends are days included in the period. */
public record Period(@Nullable LocalDate from, @Nullable LocalDate to) {

	public Period {
		if (from != null && to != null && to.isBefore(from)) {
			throw new UserError("error.period.reversed");
		}
	}

	public boolean contains(LocalDate day) {
		return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
	}

	public boolean isOpen() {
		return to == null;
	}
}
