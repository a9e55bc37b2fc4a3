package vn.ttdn.organization;

/** Tỉnh or thành phố trực thuộc Trung ương. */
public enum JurisdictionKind {
	PROVINCE, CENTRAL_CITY
}
