package vn.ttdn.budget;

/** Kind of capital: recurrent spending (chi thường xuyên) or development investment (chi đầu tư phát triển). */
public enum CapitalKind {
	RECURRENT, DEVELOPMENT
}
