package vn.ttdn.budget;

/** The finance body's decision on a line: approved as asked, adjusted (with the reason), or rejected (with the reason). */
public enum Appraisal {
	APPROVED, ADJUSTED, REJECTED
}
