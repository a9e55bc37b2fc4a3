package vn.ttdn.budget;

/**
 * Where the money comes from (000 Art. 5: "từ nguồn ngân sách Nhà nước theo phân cấp hiện hành và
 * các nguồn huy động hợp pháp khác"; 001 VI: central, city and district budgets, socialised sources).
 */
public enum FundingSource {
	CENTRAL, PROVINCIAL, DISTRICT, SOCIALISED, OTHER
}
