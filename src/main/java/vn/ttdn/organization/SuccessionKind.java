package vn.ttdn.organization;

/** How bodies change: the administration is reorganised, the work and its history go on. */
public enum SuccessionKind {
	/** Same body, new name from a date. */
	RENAME,
	/** Several bodies become one (the result may be one of them, which continues). */
	MERGE,
	/** One body becomes several. */
	SPLIT,
	/** A role moves from one body to another. */
	ROLE_TRANSFER,
	/** A duty moves from one body to another. */
	DUTY_TRANSFER
}
