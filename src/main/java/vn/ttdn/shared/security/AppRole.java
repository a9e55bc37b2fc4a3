package vn.ttdn.shared.security;

/** What an account may do; every role except the system administrator is scoped to a jurisdiction (C19). */
public enum AppRole {
	/** Runs the installation: every jurisdiction, accounts. */
	SYSTEM_ADMIN,
	/** The coordinating department of a jurisdiction: manages its registry, consolidates. */
	JURISDICTION_ADMIN,
	/** Head of a unit: confirms and submits the unit's work. */
	UNIT_HEAD,
	/** Officer of a unit: prepares the unit's work. */
	UNIT_OFFICER,
	/** Leader of the People's Committee or steering committee: reads the whole jurisdiction. */
	LEADER,
	/** The finance body: appraises budgets, reads the jurisdiction. */
	FINANCE_OFFICER,
	/** The security body: clears material for publication, reads the jurisdiction. */
	SECURITY_REVIEWER;

	public boolean isUnitScoped() {
		return this == UNIT_HEAD || this == UNIT_OFFICER;
	}
}
