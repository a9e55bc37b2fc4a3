package vn.ttdn.promotion;

/**
 * How an item is protected. Only {@link #PUBLIC} may ever leave the system; the three state-secret
 * levels (Luật Bảo vệ bí mật nhà nước: mật, tối mật, tuyệt mật) do not belong in it at all
 * (000 Art. 3.2, 15.6: information "thuộc danh mục bí mật nhà nước" is not published).
 */
public enum Classification {
	PUBLIC, INTERNAL, CONFIDENTIAL, SECRET, TOP_SECRET;

	public boolean isStateSecret() {
		return this == CONFIDENTIAL || this == SECRET || this == TOP_SECRET;
	}
}
