package vn.ttdn.planning;

/** What a user can do to a plan. */
public enum PlanAction {
	/** The unit (its head) sends its plan to the coordinating department; the jurisdiction's plan goes to the People's Committee. */
	SUBMIT,
	/** The coordinating department sends a unit's plan back with reasons. */
	RETURN,
	/** The coordinating department accepts a unit's plan. */
	ACCEPT,
	/** The jurisdiction's draft goes out to chosen bodies for comments. */
	OPEN_CONSULTATION,
	/** The People's Committee issues the jurisdiction's plan with number, date and signer. */
	ISSUE
}
