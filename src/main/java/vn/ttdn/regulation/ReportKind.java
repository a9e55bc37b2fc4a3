package vn.ttdn.regulation;

/** What a unit owes the coordinating department. */
public enum ReportKind {
	ANNUAL_PLAN, HALF_YEAR_REPORT, ANNUAL_REPORT, AD_HOC_REPORT
}
