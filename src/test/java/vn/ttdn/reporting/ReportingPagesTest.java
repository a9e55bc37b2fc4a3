package vn.ttdn.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.ttdn.Accounts;
import vn.ttdn.IntegrationTest;

/** Attachments, the calendar link and form versions, through the pages. */
@IntegrationTest
class ReportingPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReportForms forms;

	@Test
	void anAttachmentIsCheckedByContentAndReadOnlyByThoseWhoMayReadTheReport() throws Exception {
		var fixture = new ReportingFixture(mvc, jdbc);
		long vpub = fixture.unit("hn-vpub");
		long period = fixture.request("hn.dieuphoi", "01", "Báo cáo kèm biên bản làm việc với phóng viên nước ngoài",
				LocalDate.now().plusDays(8), List.of(vpub));
		long report = fixture.report(period, vpub);
		byte[] pdf = "%PDF-1.4\n% Biên bản\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		mvc.perform(multipart("/reports/" + report + "/attachments").file(new MockMultipartFile("file", "bien-ban.pdf",
				"application/pdf", pdf)).with(Accounts.as("hn.vpub.canbo")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("success", "Đã đính kèm tệp."));
		mvc.perform(multipart("/reports/" + report + "/attachments").file(new MockMultipartFile("file", "gia-mao.pdf",
				"application/pdf", "<html>not a pdf</html>".getBytes())).with(Accounts.as("hn.vpub.canbo")).with(csrf()))
			.andExpect(flash().attribute("error", containsString("gia-mao.pdf")));
		String json = mvc.perform(get("/api/v1/reports/" + report).with(Accounts.as("hn.vpub.canbo")))
			.andExpect(jsonPath("$.attachments.length()").value(1))
			.andReturn().getResponse().getContentAsString();
		long attachment = ReportingFixture.JSON.readTree(json).get("attachments").get(0).get("id").asLong();
		mvc.perform(get("/reports/attachments/" + attachment).with(Accounts.as("hn.dieuphoi")))
			.andExpect(status().isOk())
			.andExpect(content().bytes(pdf));
		mvc.perform(get("/reports/attachments/" + attachment).with(Accounts.as("hn.dulich.canbo")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theCalendarLinkServesTheUnitsDeadlinesUntilItIsRevoked() throws Exception {
		var fixture = new ReportingFixture(mvc, jdbc);
		fixture.request("hn.dieuphoi", "01", "Báo cáo đột xuất về lịch đón đoàn báo chí Nhật Bản", LocalDate.now().plusDays(9),
				List.of(fixture.unit("hn-vpub")));
		mvc.perform(post("/reporting/calendar").with(Accounts.as("hn.vpub.truong")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/reporting/calendar").with(Accounts.as("hn.vpub.truong")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/calendar/")));
		String token = jdbc.sql("""
				select t.token from calendar_token t join account a on a.id = t.account_id
				where a.username = 'hn.vpub.truong' and t.revoked_at is null""").query(String.class).single();
		String ics = mvc.perform(get("/calendar/" + token + ".ics"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/calendar"))
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("BEGIN:VEVENT").endsWith("END:VCALENDAR\r\n");
		assertThat(ics.replace("\r\n ", "")).contains("SUMMARY:Hạn gửi: Báo cáo đột xuất về lịch đón đoàn báo chí Nhật Bản");
		assertThat(ics.lines().allMatch(l -> l.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75)).isTrue();
		mvc.perform(post("/reporting/calendar").param("revoke", "true").with(Accounts.as("hn.vpub.truong")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/calendar/" + token + ".ics")).andExpect(status().isNotFound());
	}

	@Test
	void aJurisdictionSavesANewFormVersionAndNewRequestsUseIt() throws Exception {
		mvc.perform(post("/reporting/forms").param("jurisdiction", "74").param("kind", "REPORT")
			.param("definition", "{\"title\": \"Mẫu thiếu mục\", \"indicators\": [], \"sections\": []}")
			.with(Accounts.as("bd.dieuphoi")).with(csrf()))
			.andExpect(flash().attribute("error", "Mẫu báo cáo không hợp lệ: cần tiêu đề, các mục và chỉ tiêu với mã không trùng nhau."));
		String form = """
				{"title": "Báo cáo thông tin đối ngoại (mẫu Bình Dương)",
				 "indicators": [{"code": "pressConferences", "label": "Họp báo", "unit": "cuộc"},
				                {"code": "investorsVisits", "label": "Đoàn nhà đầu tư nước ngoài đã đón", "unit": "đoàn"}],
				 "sections": [{"code": "results", "title": "Kết quả"}]}""";
		mvc.perform(post("/reporting/forms").param("jurisdiction", "74").param("kind", "REPORT").param("definition", form)
			.with(Accounts.as("bd.ngoaivu.truong")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/reporting/forms").param("jurisdiction", "74").param("kind", "REPORT").param("definition", form)
			.with(Accounts.as("bd.dieuphoi")).with(csrf()))
			.andExpect(flash().attribute("success", "Đã lưu phiên bản mới của mẫu."));
		mvc.perform(get("/reporting/forms").param("jurisdiction", "74").with(Accounts.as("bd.dieuphoi")))
			.andExpect(content().string(containsString("Đoàn nhà đầu tư nước ngoài đã đón")));
		var current = forms.current("74", ReportForms.Kind.REPORT);
		assertThat(current.jurisdictionCode()).isEqualTo("74");
		assertThat(current.form().indicators()).extracting(ReportForm.Indicator::code).containsExactly("pressConferences", "investorsVisits");
		// Hà Nội keeps the shipped form.
		assertThat(forms.current("01", ReportForms.Kind.REPORT).jurisdictionCode()).isNull();
		mvc.perform(get("/reporting").param("jurisdiction", "01").param("lang", "en").with(Accounts.as("hn.dieuphoi")))
			.andExpect(content().string(containsString("Reporting regime")));
	}
}
