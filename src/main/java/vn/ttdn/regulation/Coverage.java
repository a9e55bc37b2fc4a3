package vn.ttdn.regulation;

/** The part of the year a plan or report covers. */
public enum Coverage {
	YEAR, FIRST_HALF, ON_REQUEST
}
