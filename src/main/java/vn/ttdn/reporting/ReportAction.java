package vn.ttdn.reporting;

/** What a user can do to a unit's report. */
public enum ReportAction {
	/** The unit's head confirms the report and sends it to the coordinating department (again, after a return). */
	SUBMIT,
	/** The coordinating department sends it back with comments. */
	RETURN,
	/** The coordinating department accepts it; it then counts in the consolidation. */
	ACCEPT
}
