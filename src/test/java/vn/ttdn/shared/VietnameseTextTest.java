package vn.ttdn.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

class VietnameseTextTest {

	@Test
	void foldsDiacriticsAndDSoThatPlainTypingMatches() {
		assertThat(VietnameseText.fold("Sở Ngoại vụ")).isEqualTo("so ngoai vu");
		assertThat(VietnameseText.fold("Đài Phát thanh và Truyền hình")).isEqualTo("dai phat thanh va truyen hinh");
		assertThat(VietnameseText.fold("  Văn   phòng UBND ")).isEqualTo("van phong ubnd");
	}

	@Test
	void storesDecomposedInputComposed() {
		String decomposed = Normalizer.normalize("Ủy ban nhân dân", Normalizer.Form.NFD);
		assertThat(decomposed).isNotEqualTo("Ủy ban nhân dân");
		assertThat(VietnameseText.clean(decomposed)).isEqualTo("Ủy ban nhân dân");
	}
}
