package vn.ttdn.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import vn.ttdn.Accounts;
import vn.ttdn.IntegrationTest;
import vn.ttdn.Seeds;

/** The periods of 2026 follow each jurisdiction's regulation to the day; ad-hoc requests are made and answered. */
@IntegrationTest
class ReportingPeriodsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	record Due(String kind, String dueBefore, String lastOnTimeDay, String quote) {
	}

	private List<Due> periods(String user, String jurisdiction) throws Exception {
		String json = mvc.perform(get("/api/v1/reporting/periods").param("jurisdiction", jurisdiction).param("year", "2026")
			.with(Accounts.as(user)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		JsonNode list = ReportingFixture.JSON.readTree(json);
		return list.valueStream().filter(p -> !p.get("kind").asString().equals("AD_HOC_REPORT"))
			.map(p -> new Due(p.get("kind").asString(), p.get("dueBefore").asString(), p.get("lastOnTimeDay").asString(),
					p.get("quote").asString()))
			.toList();
	}

	/**
	 * 000 Art. 28.3 (Hà Nội): "Định kỳ 6 tháng báo cáo kết quả hoạt động thông tin đối ngoại theo
	 * phạm vi quản lý (trước ngày 20 các tháng 6 và tháng 11)".
	 */
	@Test
	void hanoiReportsBeforeThe20thOfJuneAndNovember() throws Exception {
		List<Due> due = periods("hn.dieuphoi", "01");
		assertThat(due).extracting(Due::kind, Due::dueBefore, Due::lastOnTimeDay).containsExactly(
				org.assertj.core.groups.Tuple.tuple("HALF_YEAR_REPORT", "2026-06-20", "2026-06-19"),
				org.assertj.core.groups.Tuple.tuple("ANNUAL_REPORT", "2026-11-20", "2026-11-19"));
		assertThat(Seeds.withoutMarks("000")).contains(due.getFirst().quote());
	}

	/**
	 * 002 Art. 5 (Hà Nam): "Định kỳ hằng năm gửi Kế hoạch hoạt động thông tin đối ngoại trước ngày 15
	 * tháng 01 … Báo cáo năm trước ngày 20 tháng 11".
	 */
	@Test
	void hanamSendsItsPlanBeforeThe15thOfJanuaryAndItsReportBeforeThe20thOfNovember() throws Exception {
		List<Due> due = periods("hnam.dieuphoi", "35");
		assertThat(due).extracting(Due::kind, Due::dueBefore, Due::lastOnTimeDay).containsExactly(
				org.assertj.core.groups.Tuple.tuple("ANNUAL_PLAN", "2026-01-15", "2026-01-14"),
				org.assertj.core.groups.Tuple.tuple("ANNUAL_REPORT", "2026-11-20", "2026-11-19"));
		due.forEach(d -> assertThat(Seeds.withoutMarks("002")).contains(d.quote()));
	}

	/**
	 * 004 Art. 22.2 (Bình Dương): "Định kỳ hằng năm gửi kế hoạch hoạt động thông tin đối ngoại trước
	 * ngày 15 tháng 01 … báo cáo năm trước ngày 15 tháng 11".
	 */
	@Test
	void binhDuongSendsItsPlanBeforeThe15thOfJanuaryAndItsReportBeforeThe15thOfNovember() throws Exception {
		List<Due> due = periods("bd.dieuphoi", "74");
		assertThat(due).extracting(Due::kind, Due::dueBefore, Due::lastOnTimeDay).containsExactly(
				org.assertj.core.groups.Tuple.tuple("ANNUAL_PLAN", "2026-01-15", "2026-01-14"),
				org.assertj.core.groups.Tuple.tuple("ANNUAL_REPORT", "2026-11-15", "2026-11-14"));
		due.forEach(d -> assertThat(Seeds.withoutMarks("004")).contains(d.quote()));
	}

	@Test
	void generatingTheYearAgainOpensNothingTwice() throws Exception {
		long before = jdbc.sql("select count(*) from reporting_period where jurisdiction_code = '01' and year = 2026")
			.query(Long.class).single();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/reporting/periods")
			.param("jurisdiction", "01").param("year", "2026").with(Accounts.as("hn.dieuphoi")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.opened").value(0));
		assertThat(jdbc.sql("select count(*) from reporting_period where jurisdiction_code = '01' and year = 2026")
			.query(Long.class).single()).isEqualTo(before);
	}

	/** 000 Art. 28.3: "hoặc báo cáo đột xuất theo yêu cầu, gửi Sở Thông tin và Truyền thông tổng hợp". */
	@Test
	void anAdHocRequestIsMadeAnsweredAndAccepted() throws Exception {
		var fixture = new ReportingFixture(mvc, jdbc);
		long vpub = fixture.unit("hn-vpub");
		long period = fixture.request("hn.dieuphoi", "01", "Báo cáo nhanh công tác đón phóng viên nước ngoài dịp APEC",
				LocalDate.now().plusDays(10), List.of(vpub));
		mvc.perform(get("/api/v1/reporting/periods/" + period).with(Accounts.as("hn.dieuphoi")))
			.andExpect(jsonPath("$.kind").value("AD_HOC_REPORT"))
			.andExpect(jsonPath("$.owed").value(1))
			.andExpect(jsonPath("$.recipients[0]").value("Ủy ban nhân dân Thành phố"));
		long report = fixture.report(period, vpub);
		fixture.save("hn.vpub.canbo", report, Map.of("foreignReporters", "12"),
				Map.of("results", "Đã đón 12 phóng viên nước ngoài, bố trí phỏng vấn lãnh đạo Thành phố."));
		fixture.act("hn.vpub.truong", report, "SUBMIT", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUBMITTED"));
		fixture.act("hn.dieuphoi", report, "ACCEPT", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"));
		mvc.perform(get("/api/v1/reports/" + report).with(Accounts.as("hn.vpub.canbo")))
			.andExpect(jsonPath("$.report.status").value("ACCEPTED"))
			.andExpect(jsonPath("$.report.daysLate").value(0))
			.andExpect(jsonPath("$.indicators.foreignReporters").value(12))
			.andExpect(jsonPath("$.events[0].username").value("hn.vpub.truong"))
			.andExpect(jsonPath("$.events[1].username").value("hn.dieuphoi"))
			.andExpect(jsonPath("$.events[1].toStatus").value("ACCEPTED"));
	}

	@Test
	void anAdHocRequestWithoutUnitsOrWithAPastDueDateIsRefusedInTheUsersLanguage() throws Exception {
		String body = ReportingFixture.JSON.writeValueAsString(Map.of("jurisdiction", "01", "subject", "Báo cáo", "unitIds",
				List.of(), "dueOn", LocalDate.now().plusDays(3).toString()));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/reporting/requests")
			.with(Accounts.as("hn.dieuphoi")).contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value("Vui lòng chọn các đơn vị được yêu cầu báo cáo."));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/reporting/requests")
			.with(Accounts.as("hn.vpub.truong")).contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden());
	}
}
