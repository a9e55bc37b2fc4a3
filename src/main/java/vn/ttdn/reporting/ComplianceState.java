package vn.ttdn.reporting;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** How a unit stands against one period: judged by its first submission against the last on-time day. */
public enum ComplianceState {
	ON_TIME, LATE, MISSING, NOT_YET_DUE, EXEMPT;

	static ComplianceState of(boolean exempt, @Nullable LocalDate firstSubmittedOn, LocalDate lastOnTimeDay, LocalDate today) {
		if (exempt) {
			return EXEMPT;
		}
		if (firstSubmittedOn != null) {
			return firstSubmittedOn.isAfter(lastOnTimeDay) ? LATE : ON_TIME;
		}
		return today.isAfter(lastOnTimeDay) ? MISSING : NOT_YET_DUE;
	}

	/** Days after the last on-time day the report first arrived (0 when on time or not yet sent). */
	static long daysLate(@Nullable LocalDate firstSubmittedOn, LocalDate lastOnTimeDay) {
		return firstSubmittedOn == null ? 0 : Math.max(0, lastOnTimeDay.until(firstSubmittedOn, java.time.temporal.ChronoUnit.DAYS));
	}
}
