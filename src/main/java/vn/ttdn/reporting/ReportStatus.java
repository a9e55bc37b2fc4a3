package vn.ttdn.reporting;

/** Where a unit's report stands: draft, submitted (confirmed by the unit's head), returned with comments, accepted. */
public enum ReportStatus {
	DRAFT, SUBMITTED, RETURNED, ACCEPTED
}
