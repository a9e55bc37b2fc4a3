package vn.ttdn.promotion;

/**
 * How an item is protected. Only {@link #PUBLIC} may ever leave the system; the three state-secret
 * levels (Luật Bảo vệ bí mật nhà nước: mật, tối mật, tuyệt mật) do not belong in it at all
 * (000 Art. 3.2: "bảo vệ bí mật Nhà nước"; 000 Art. 15.6: "thực hiện các quy định của pháp luật về
 * bảo vệ bí mật Nhà nước đối với quy trình lưu trữ hệ thống dữ liệu").
 */
public enum Classification {
	PUBLIC, INTERNAL, CONFIDENTIAL, SECRET, TOP_SECRET;

	public boolean isStateSecret() {
		return this == CONFIDENTIAL || this == SECRET || this == TOP_SECRET;
	}
}
