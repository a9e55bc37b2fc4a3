package vn.ttdn.reporting;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.ttdn.Accounts;
import vn.ttdn.IntegrationTest;

/** Who may read and change a unit's report, and what an accepted report no longer allows. */
@IntegrationTest
class ReportAccessTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	ReportingFixture fixture;
	long vpubReport;
	long dulichReport;

	@BeforeEach
	void request() throws Exception {
		fixture = new ReportingFixture(mvc, jdbc);
		long vpub = fixture.unit("hn-vpub");
		long dulich = fixture.unit("hn-sdl");
		long period = fixture.request("hn.dieuphoi", "01", "Báo cáo kết quả quảng bá du lịch quý IV",
				LocalDate.now().plusDays(14), List.of(vpub, dulich));
		vpubReport = fixture.report(period, vpub);
		dulichReport = fixture.report(period, dulich);
		fixture.save("hn.vpub.canbo", vpubReport, Map.of("pressReleases", "3"), Map.of("results", "Dự thảo nội bộ, chưa gửi."));
	}

	@Test
	void aUnitCannotReadAnotherUnitsDraft() throws Exception {
		mvc.perform(get("/api/v1/reports/" + vpubReport).with(Accounts.as("hn.dulich.canbo")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/reports/" + vpubReport).with(Accounts.as("hn.dulich.canbo")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/reports/" + vpubReport).with(Accounts.as("hn.vpub.canbo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.narrative.results").value("Dự thảo nội bộ, chưa gửi."));
		// The unit sees only its own report in the period's list.
		long period = jdbc.sql("select period_id from report where id = ?").param(vpubReport).query(Long.class).single();
		mvc.perform(get("/api/v1/reporting/periods/" + period + "/reports").with(Accounts.as("hn.dulich.canbo")))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].id").value(dulichReport));
	}

	@Test
	void anotherJurisdictionAndOtherUnitsCannotWrite() throws Exception {
		mvc.perform(get("/api/v1/reports/" + vpubReport).with(Accounts.as("bd.dieuphoi"))).andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/reports/" + vpubReport).with(Accounts.as("hn.dulich.canbo")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"indicators\":{\"pressReleases\":\"99\"}}"))
			.andExpect(status().isForbidden());
		// An officer prepares, only the head submits.
		fixture.act("hn.vpub.canbo", vpubReport, "SUBMIT", null).andExpect(status().isForbidden());
		fixture.act("hn.vpub.truong", vpubReport, "ACCEPT", null).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/reports/" + vpubReport).with(Accounts.as("hn.vpub.canbo")))
			.andExpect(jsonPath("$.indicators.pressReleases").value(3))
			.andExpect(jsonPath("$.report.status").value("DRAFT"));
	}

	@Test
	void anAcceptedReportCannotBeAcceptedTwiceNorEdited() throws Exception {
		fixture.act("hn.vpub.truong", vpubReport, "SUBMIT", null).andExpect(status().isOk());
		fixture.act("hn.dieuphoi", vpubReport, "ACCEPT", null).andExpect(status().isOk());
		fixture.act("hn.dieuphoi", vpubReport, "ACCEPT", null)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value("Không thể «Tiếp nhận» khi báo cáo đang ở trạng thái «Đã tiếp nhận»."));
		mvc.perform(put("/api/v1/reports/" + vpubReport).with(Accounts.as("hn.vpub.canbo")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"indicators\":{\"pressReleases\":\"99\"}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value("Báo cáo đang ở trạng thái «Đã tiếp nhận», không thể sửa."));
		mvc.perform(put("/api/v1/reports/" + vpubReport + "?lang=en").with(Accounts.as("hn.vpub.canbo"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"indicators\":{\"pressReleases\":\"99\"}}"))
			.andExpect(jsonPath("$.message").value("The report is \"Accepted\" and cannot be edited."));
		mvc.perform(get("/api/v1/reports/" + vpubReport).with(Accounts.as("hn.vpub.canbo")))
			.andExpect(jsonPath("$.indicators.pressReleases").value(3))
			.andExpect(jsonPath("$.events.length()").value(2));
		long accepted = jdbc.sql("select count(*) from report_event where report_id = ? and to_status = 'ACCEPTED'")
			.param(vpubReport).query(Long.class).single();
		org.assertj.core.api.Assertions.assertThat(accepted).isEqualTo(1);
	}

	@Test
	void aReturnNeedsAComment() throws Exception {
		fixture.act("hn.vpub.truong", vpubReport, "SUBMIT", null).andExpect(status().isOk());
		fixture.act("hn.dieuphoi", vpubReport, "RETURN", " ").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value("Vui lòng nêu ý kiến khi trả lại báo cáo."));
		fixture.act("hn.dieuphoi", vpubReport, "RETURN", "Bổ sung số liệu kinh phí.").andExpect(status().isOk());
		mvc.perform(get("/api/v1/reports/" + vpubReport).with(Accounts.as("hn.vpub.canbo")))
			.andExpect(jsonPath("$.report.status").value("RETURNED"))
			.andExpect(jsonPath("$.events[1].note").value("Bổ sung số liệu kinh phí."));
	}

	@Test
	void aNegativeOrGarbledFigureIsRefusedAndNothingChanges() throws Exception {
		mvc.perform(put("/api/v1/reports/" + vpubReport).with(Accounts.as("hn.vpub.canbo")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"indicators\":{\"pressReleases\":\"-4\"}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value("Số liệu «Thông cáo báo chí đã phát hành» không hợp lệ: «-4» (chỉ nhập số không âm)."));
		mvc.perform(get("/api/v1/reports/" + vpubReport).with(Accounts.as("hn.vpub.canbo")))
			.andExpect(jsonPath("$.indicators.pressReleases").value(3));
	}
}
