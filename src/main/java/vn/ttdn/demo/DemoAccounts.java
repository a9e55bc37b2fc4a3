package vn.ttdn.demo;

import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.ttdn.shared.security.AppRole;

/** The demo accounts, one or more for every kind of user of each jurisdiction (listed in the README). */
final class DemoAccounts {

	record Spec(String username, String displayName, AppRole role, String jurisdiction, @Nullable String unitKey) {
	}

	static final List<Spec> SPECS = List.of(
			new Spec("hn.dieuphoi", "Điều phối TTĐN Hà Nội", AppRole.JURISDICTION_ADMIN, "01", "hn-sttt"),
			new Spec("hn.lanhdao", "Lãnh đạo UBND Thành phố Hà Nội", AppRole.LEADER, "01", "hn-ubnd"),
			new Spec("hn.taichinh", "Cán bộ Sở Tài chính Hà Nội", AppRole.FINANCE_OFFICER, "01", "hn-stc-2025"),
			new Spec("hn.anninh", "Cán bộ Công an Thành phố Hà Nội", AppRole.SECURITY_REVIEWER, "01", "hn-ca"),
			new Spec("hn.vpub.truong", "Lãnh đạo Văn phòng UBND Thành phố Hà Nội", AppRole.UNIT_HEAD, "01", "hn-vpub"),
			new Spec("hn.vpub.canbo", "Cán bộ Văn phòng UBND Thành phố Hà Nội", AppRole.UNIT_OFFICER, "01", "hn-vpub"),
			new Spec("hn.dulich.canbo", "Cán bộ Sở Du lịch Hà Nội", AppRole.UNIT_OFFICER, "01", "hn-sdl"),
			new Spec("hnam.dieuphoi", "Điều phối TTĐN Hà Nam", AppRole.JURISDICTION_ADMIN, "35", "hnam-sttt"),
			new Spec("hnam.lanhdao", "Lãnh đạo UBND tỉnh Hà Nam", AppRole.LEADER, "35", "hnam-ubnd"),
			new Spec("hnam.taichinh", "Cán bộ Sở Tài chính Hà Nam", AppRole.FINANCE_OFFICER, "35", "hnam-stc"),
			new Spec("hnam.anninh", "Cán bộ Công an tỉnh Hà Nam", AppRole.SECURITY_REVIEWER, "35", "hnam-ca"),
			new Spec("hnam.vpub.truong", "Lãnh đạo Văn phòng UBND tỉnh Hà Nam", AppRole.UNIT_HEAD, "35", "hnam-vpub"),
			new Spec("hnam.vpub.canbo", "Cán bộ Văn phòng UBND tỉnh Hà Nam", AppRole.UNIT_OFFICER, "35", "hnam-vpub"),
			new Spec("bd.dieuphoi", "Điều phối TTĐN Bình Dương", AppRole.JURISDICTION_ADMIN, "74", "bd-sttt"),
			new Spec("bd.lanhdao", "Lãnh đạo UBND tỉnh Bình Dương", AppRole.LEADER, "74", "bd-ubnd"),
			new Spec("bd.taichinh", "Cán bộ Sở Tài chính Bình Dương", AppRole.FINANCE_OFFICER, "74", "bd-stc"),
			new Spec("bd.anninh", "Cán bộ Công an tỉnh Bình Dương", AppRole.SECURITY_REVIEWER, "74", "bd-ca"),
			new Spec("bd.ngoaivu.truong", "Lãnh đạo Sở Ngoại vụ Bình Dương", AppRole.UNIT_HEAD, "74", "bd-sngv"),
			new Spec("bd.ngoaivu.canbo", "Cán bộ Sở Ngoại vụ Bình Dương", AppRole.UNIT_OFFICER, "74", "bd-sngv"));

	private DemoAccounts() {
	}
}
