package vn.ttdn.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ttdn.IntegrationTest;

/** Body names as the 2023 plan's appendix (003) writes them, matched to Hà Nội's registry of that day. */
@IntegrationTest
class UnitMatcherTest {

	@Autowired
	UnitMatcher matcher;

	Function<String, UnitMatcher.Match> hanoi;

	@BeforeEach
	void load() {
		hanoi = matcher.forJurisdiction("01", LocalDate.of(2023, 3, 23));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			Sở Thông tin và Truyền thông   | Sở Thông tin và Truyền thông
			Sở TTTT                        | Sở Thông tin và Truyền thông
			sở thông tin và truyền thông   | Sở Thông tin và Truyền thông
			So Thong tin va Truyen thong   | Sở Thông tin và Truyền thông
			Sở Thông tin và Truyền thông Hà Nội | Sở Thông tin và Truyền thông
			SỞ NGOẠI VỤ                    | Sở Ngoại vụ
			UBND Thành phố                 | Ủy ban nhân dân Thành phố
			Sở Tài chính                   | Sở Tài chính
			Công an Thành phố              | Công an Thành phố
			Công an thành phố Hà Nội       | Công an Thành phố
			UBND quận, huyện, thị xã       | Ủy ban nhân dân quận, huyện, thị xã
			""")
	void findsTheUnitAnOfficialMeans(String written, String unit) {
		var match = hanoi.apply(written);
		assertThat(match.matched()).as(written).isTrue();
		assertThat(match.unitName()).isEqualTo(unit);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Thông tấn xã Việt Nam", "Kênh truyền hình CNN", "Các cơ quan, đơn vị liên quan", "Sở" })
	void leavesNamesOutsideTheRegistryUnmatched(String written) {
		assertThat(hanoi.apply(written).matched()).isFalse();
	}
}
