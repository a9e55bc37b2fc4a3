package vn.ttdn.demo;

/** Fictional Vietnamese names and phone numbers for demonstration people; any likeness is chance. */
final class DemoNames {

	private static final String[] FAMILY = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô",
			"Dương", "Lý" };
	private static final String[] MIDDLE = { "Văn", "Thị", "Minh", "Thu", "Đức", "Thanh", "Quốc", "Ngọc", "Hải", "Bảo" };
	private static final String[] GIVEN = { "An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hùng", "Lan", "Long", "Mai",
			"Nam", "Phương", "Quân", "Sơn", "Trang", "Tú", "Vân", "Yến", "Khánh", "Linh", "Hiếu" };

	private DemoNames() {
	}

	static String person(int i) {
		return FAMILY[i % FAMILY.length] + " " + MIDDLE[(i / FAMILY.length) % MIDDLE.length] + " "
				+ GIVEN[(i * 7) % GIVEN.length];
	}

	/** Numbers in a block that is not assigned to subscribers. */
	static String phone(int i) {
		return String.format("0900 000 %03d", i % 1000);
	}
}
