package vn.ttdn.regulation;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.ttdn.IntegrationTest;

/** The 2026 reporting calendar of each jurisdiction, exactly as its regulation sets it. */
@IntegrationTest
class RegulationApiTest {

	@Autowired
	MockMvc mvc;

	ResultActions regulation(String code, int year) throws Exception {
		return mvc.perform(get("/api/v1/jurisdictions/{code}/regulation", code).param("year", String.valueOf(year))
			.with(httpBasic("hn.lanhdao", IntegrationTest.PASSWORD)));
	}

	/**
	 * 000 Art. 28.3: "Định kỳ 6 tháng báo cáo … (trước ngày 20 các tháng 6 và tháng 11) hoặc báo cáo
	 * đột xuất theo yêu cầu"; Art. 28.2: yearly plans with no fixed day.
	 */
	@Test
	void hanoiReportsBeforeThe20thOfJuneAndNovember() throws Exception {
		regulation("01", 2026).andExpect(status().isOk())
			.andExpect(jsonPath("$.deadlines[*].kind").value(contains("HALF_YEAR_REPORT", "ANNUAL_REPORT", "ANNUAL_PLAN", "AD_HOC_REPORT")))
			.andExpect(jsonPath("$.deadlines[0].dueBefore").value("2026-06-20"))
			.andExpect(jsonPath("$.deadlines[0].lastOnTimeDay").value("2026-06-19"))
			.andExpect(jsonPath("$.deadlines[1].dueBefore").value("2026-11-20"))
			.andExpect(jsonPath("$.deadlines[1].lastOnTimeDay").value("2026-11-19"))
			.andExpect(jsonPath("$.deadlines[1].articleRef").value("Điều 28 khoản 3"))
			.andExpect(jsonPath("$.deadlines[2].dueBefore").doesNotExist())
			.andExpect(jsonPath("$.deadlines[3].dueBefore").doesNotExist())
			.andExpect(jsonPath("$.deadlines[1].recipients").value(contains("Ủy ban nhân dân Thành phố",
					"Ban Chỉ đạo Công tác Thông tin đối ngoại Thành phố", "Bộ Thông tin và Truyền thông")))
			.andExpect(jsonPath("$.documents[*].number").value(contains("101/KH-UBND", "16/2020/QĐ-UBND", "3734/QĐ-UBND")))
			.andExpect(jsonPath("$.collectors[0].name").value("Sở Văn hóa và Thể thao"));
	}

	/** 002 Art. 5: plan "trước ngày 15 tháng 01" on Appendix 01, annual report "trước ngày 20 tháng 11" on Appendix 02. */
	@Test
	void hanamPlanBefore15JanuaryAndReportBefore20November() throws Exception {
		regulation("35", 2026).andExpect(status().isOk())
			.andExpect(jsonPath("$.deadlines[0].kind").value("ANNUAL_PLAN"))
			.andExpect(jsonPath("$.deadlines[0].dueBefore").value("2026-01-15"))
			.andExpect(jsonPath("$.deadlines[0].lastOnTimeDay").value("2026-01-14"))
			.andExpect(jsonPath("$.deadlines[0].form").value("Phụ lục 01 Thông tư số 22/2016/TT-BTTTT"))
			.andExpect(jsonPath("$.deadlines[1].kind").value("ANNUAL_REPORT"))
			.andExpect(jsonPath("$.deadlines[1].dueBefore").value("2026-11-20"))
			.andExpect(jsonPath("$.deadlines[1].lastOnTimeDay").value("2026-11-19"))
			.andExpect(jsonPath("$.deadlines[1].form").value("Phụ lục 02 Thông tư số 22/2016/TT-BTTTT"))
			.andExpect(jsonPath("$.deadlines[2].kind").value("AD_HOC_REPORT"))
			.andExpect(jsonPath("$.jurisdiction.successorCode").value("37"));
	}

	/** 004 Art. 22.2: plan "trước ngày 15 tháng 01", annual report "trước ngày 15 tháng 11". */
	@Test
	void binhDuongPlanBefore15JanuaryAndReportBefore15November() throws Exception {
		regulation("74", 2026).andExpect(status().isOk())
			.andExpect(jsonPath("$.deadlines[0].dueBefore").value("2026-01-15"))
			.andExpect(jsonPath("$.deadlines[0].lastOnTimeDay").value("2026-01-14"))
			.andExpect(jsonPath("$.deadlines[1].dueBefore").value("2026-11-15"))
			.andExpect(jsonPath("$.deadlines[1].lastOnTimeDay").value("2026-11-14"))
			.andExpect(jsonPath("$.deadlines[1].quote").value("báo cáo năm trước ngày 15 tháng 11"));
	}

	@Test
	void aRegulationAppliesOnlyFromTheYearItTookEffect() throws Exception {
		// 32/2019/QĐ-UBND took effect on 01/01/2020.
		regulation("74", 2019).andExpect(status().isOk()).andExpect(jsonPath("$.deadlines").isEmpty());
	}

	@Test
	void answersBadInputWithAMessageInVietnamese() throws Exception {
		regulation("01", 3000).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value("Năm 3000 nằm ngoài phạm vi cho phép."));
		mvc.perform(get("/api/v1/jurisdictions/99/regulation").with(httpBasic("hn.lanhdao", IntegrationTest.PASSWORD)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.message").value(containsString("Không tìm thấy")));
	}
}
