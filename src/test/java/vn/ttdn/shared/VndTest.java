package vn.ttdn.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VndTest {

	/** 001's budget table: "106,972" tỷ đồng in total, "Một trăm linh sáu tỷ, chín trăm bảy mươi hai triệu đồng" in words. */
	@Test
	void readsTheProgrammeTotalAsPrintedAndWritesItInWords() {
		BigDecimal dong = Vnd.toDong(Vnd.parse("106,972"), 1_000_000_000L);
		assertThat(Vnd.format(dong)).isEqualTo("106.972.000.000");
		assertThat(Vnd.inWords(dong)).isEqualTo("Một trăm linh sáu tỷ chín trăm bảy mươi hai triệu đồng");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			1000000         | Một triệu đồng
			15000           | Mười lăm nghìn đồng
			21000           | Hai mươi mốt nghìn đồng
			1005000         | Một triệu không trăm linh năm nghìn đồng
			250000000       | Hai trăm năm mươi triệu đồng
			730000000       | Bảy trăm ba mươi triệu đồng
			45890000000     | Bốn mươi lăm tỷ tám trăm chín mươi triệu đồng
			2000000000000   | Hai nghìn tỷ đồng
			""")
	void writesAmountsInWords(long dong, String words) {
		assertThat(Vnd.inWords(BigDecimal.valueOf(dong))).isEqualTo(words);
	}

	@Test
	void readsDecimalCommasAndRefusesWhatIsNotANumber() {
		assertThat(Vnd.parse("0,7")).isEqualByComparingTo("0.7");
		assertThat(Vnd.parse("4,907")).isEqualByComparingTo("4.907");
		assertThat(Vnd.parse("1.250.000")).isEqualByComparingTo("1250000");
		assertThat(Vnd.parse("")).isNull();
		assertThatThrownBy(() -> Vnd.parse("1,2,3")).isInstanceOf(UserError.class);
	}
}
