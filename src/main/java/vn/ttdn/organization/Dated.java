package vn.ttdn.organization;

import java.time.LocalDate;

import jakarta.persistence.MappedSuperclass;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;
import vn.ttdn.shared.Period;
import vn.ttdn.shared.UserError;

/** A record that holds for a period: a unit, a name, a role binding, a duty assignment, a post. */
@MappedSuperclass
@Audited
public abstract class Dated {

	protected @Nullable LocalDate validFrom;
	protected @Nullable LocalDate validTo;

	public boolean isValidOn(LocalDate day) {
		return period().contains(day);
	}

	public Period period() {
		return new Period(validFrom, validTo);
	}

	/**
	 * Ends the record so that {@code firstDayAfter} is the first day it no longer holds. A record that
	 * already ended earlier cannot end again; one that starts on or after that day cannot end then.
	 */
	void endBefore(LocalDate firstDayAfter) {
		LocalDate last = firstDayAfter.minusDays(1);
		if (validTo != null && validTo.isBefore(last)) {
			throw new UserError("error.dated.alreadyEnded", validTo);
		}
		if (validFrom != null && !validFrom.isBefore(firstDayAfter)) {
			throw new UserError("error.dated.endsBeforeStart", validFrom);
		}
		validTo = last;
	}

	public @Nullable LocalDate getValidFrom() {
		return validFrom;
	}

	public @Nullable LocalDate getValidTo() {
		return validTo;
	}
}
