package vn.ttdn.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.ttdn.Accounts;
import vn.ttdn.IntegrationTest;

/**
 * The coordinating department consolidates the accepted unit reports (000 Art. 28.3: "gửi Sở Thông
 * tin và Truyền thông tổng hợp, báo cáo Ủy ban nhân dân Thành phố, Ban Chỉ đạo … và Bộ Thông tin và
 * Truyền thông"); the .docx and .xlsx are read back.
 */
@IntegrationTest
class ConsolidationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	ReportingFixture fixture;
	long period;

	/** Three units asked: the UBND Office on time, Sở Du lịch 3 days late, Sở Tài chính never. */
	@BeforeEach
	void reports() throws Exception {
		fixture = new ReportingFixture(mvc, jdbc);
		long vpub = fixture.unit("hn-vpub");
		long dulich = fixture.unit("hn-sdl");
		long taichinh = fixture.unit("hn-stc-2025");
		period = fixture.request("hn.dieuphoi", "01", "Báo cáo kết quả thông tin đối ngoại dịp Năm Du lịch quốc gia",
				LocalDate.now().plusDays(5), List.of(vpub, dulich, taichinh));
		long a = fixture.report(period, vpub);
		fixture.save("hn.vpub.canbo", a, Map.of("pressConferences", "4", "foreignReporters", "25", "budgetUsed", "150.000.000"),
				Map.of("results", "Tổ chức 4 cuộc họp báo quốc tế.", "recommendations", "Bổ sung kinh phí dịch thuật."));
		fixture.act("hn.vpub.truong", a, "SUBMIT", null).andExpect(status().isOk());
		fixture.act("hn.dieuphoi", a, "ACCEPT", null).andExpect(status().isOk());
		fixture.dueDaysAgo(period, 3);
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
		jdbc.sql("update report set first_submitted_on = ? where id = ?").params(today.minusDays(4), a).update();
		long b = fixture.report(period, dulich);
		fixture.save("hn.dulich.canbo", b, Map.of("pressConferences", "2", "foreignReporters", "40", "budgetUsed", "80.000.000"),
				Map.of("results", "Đón 40 phóng viên quốc tế khảo sát điểm đến."));
		jdbc.sql("update report set status = 'SUBMITTED', first_submitted_on = ? where id = ?")
			.params(today, b).update();
		fixture.act("hn.dieuphoi", b, "ACCEPT", null).andExpect(status().isOk());
	}

	@Test
	void theDraftSumsIndicatorsCompilesSectionsAndListsLateAndMissingUnits() throws Exception {
		mvc.perform(post("/api/v1/reporting/periods/" + period + "/consolidation").with(Accounts.as("hn.dieuphoi")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.content.accepted").value(2))
			.andExpect(jsonPath("$.content.owed").value(3))
			.andExpect(jsonPath("$.content.indicators[?(@.code == 'pressConferences')].total").value(6))
			.andExpect(jsonPath("$.content.indicators[?(@.code == 'foreignReporters')].total").value(65))
			.andExpect(jsonPath("$.content.indicators[?(@.code == 'budgetUsed')].total").value(230000000))
			.andExpect(jsonPath("$.content.late[0].unitName").value("Sở Du lịch"))
			.andExpect(jsonPath("$.content.late[0].daysLate").value(3))
			.andExpect(jsonPath("$.content.missing[0].unitName").value("Sở Tài chính"));
		// A unit cannot see the consolidation.
		mvc.perform(get("/api/v1/reporting/periods/" + period + "/consolidation").with(Accounts.as("hn.vpub.canbo")))
			.andExpect(status().isForbidden());
	}

	/** Compliance at a glance: the request's column holds on time, late and missing for the three units. */
	@Test
	void theComplianceMatrixShowsEachUnitsStateForThePeriod() throws Exception {
		int year = jdbc.sql("select year from reporting_period where id = ?").param(period).query(Integer.class).single();
		String json = mvc.perform(get("/api/v1/reporting/compliance").param("jurisdiction", "01").param("year", String.valueOf(year))
			.with(Accounts.as("hn.lanhdao")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		var matrix = ReportingFixture.JSON.readTree(json);
		int column = -1;
		for (int i = 0; i < matrix.get("columns").size(); i++) {
			if (matrix.get("columns").get(i).get("periodId").asLong() == period) {
				column = i;
			}
		}
		Map<String, String> states = new java.util.HashMap<>();
		for (var row : matrix.get("rows")) {
			var cell = row.get("cells").get(column);
			if (!cell.isNull()) {
				states.put(row.get("unitName").asString(), cell.asString());
			}
		}
		assertThat(states).containsExactlyInAnyOrderEntriesOf(Map.of("Văn phòng Ủy ban nhân dân Thành phố", "ON_TIME",
				"Sở Du lịch", "LATE", "Sở Tài chính", "MISSING"));
		// Filtered by a name written without diacritics, and by state.
		mvc.perform(get("/api/v1/reporting/compliance").param("jurisdiction", "01").param("year", String.valueOf(year))
			.param("unit", "so du lich").param("state", "LATE").with(Accounts.as("hn.dieuphoi")))
			.andExpect(jsonPath("$.rows.length()").value(1))
			.andExpect(jsonPath("$.rows[0].unitName").value("Sở Du lịch"));
		mvc.perform(get("/api/v1/reporting/compliance").param("jurisdiction", "01").param("year", String.valueOf(year))
			.with(Accounts.as("hn.vpub.canbo")))
			.andExpect(status().isForbidden());

		// The page, the spreadsheet read back, and one unit over the years.
		mvc.perform(get("/reporting/compliance").param("jurisdiction", "01").param("year", String.valueOf(year))
			.param("unit", "du lich").with(Accounts.as("hn.lanhdao")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("class=\"state-LATE\">Chậm</td>")));
		byte[] xlsx = mvc.perform(get("/reporting/compliance.xlsx").param("jurisdiction", "01").param("year", String.valueOf(year))
			.with(Accounts.as("hn.dieuphoi")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var sheet = workbook.getSheetAt(0);
			Map<String, String> cells = new java.util.HashMap<>();
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				cells.put(sheet.getRow(r).getCell(0).getStringCellValue(), sheet.getRow(r).getCell(column + 1).getStringCellValue());
			}
			assertThat(cells).containsEntry("Sở Du lịch", "Chậm").containsEntry("Sở Tài chính", "Chưa gửi")
				.containsEntry("Văn phòng Ủy ban nhân dân Thành phố", "Đúng hạn");
		}
		mvc.perform(get("/reporting/units/" + fixture.unit("hn-sdl") + "/compliance").with(Accounts.as("hn.dulich.canbo")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("Báo cáo kết quả thông tin đối ngoại dịp Năm Du lịch quốc gia")));
		mvc.perform(get("/reporting/units/" + fixture.unit("hn-sdl") + "/compliance").with(Accounts.as("hn.vpub.canbo")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theWordDocumentHoldsTotalsEveryUnitsContributionAndTheMissingUnits() throws Exception {
		mvc.perform(post("/api/v1/reporting/periods/" + period + "/consolidation").with(Accounts.as("hn.dieuphoi")))
			.andExpect(status().isOk());
		byte[] docx = mvc.perform(get("/api/v1/reporting/periods/" + period + "/consolidation/export").param("format", "docx")
			.with(Accounts.as("hn.lanhdao")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (var doc = new XWPFDocument(new ByteArrayInputStream(docx)); var text = new XWPFWordExtractor(doc)) {
			String all = text.getText();
			assertThat(all).contains("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO",
					"Báo cáo kết quả thông tin đối ngoại dịp Năm Du lịch quốc gia");
			assertThat(all).contains("Văn phòng Ủy ban nhân dân Thành phố: Tổ chức 4 cuộc họp báo quốc tế.");
			assertThat(all).contains("Sở Du lịch: Đón 40 phóng viên quốc tế khảo sát điểm đến.");
			assertThat(all).contains("Đơn vị gửi chậm: Sở Du lịch (chậm 3 ngày).");
			assertThat(all).contains("Đơn vị chưa gửi: Sở Tài chính.");
			assertThat(all).contains("Ủy ban nhân dân Thành phố;", "Bộ Thông tin và Truyền thông;");
			XWPFTable totals = doc.getTables().get(1);
			assertThat(rowOf(totals, "Họp báo đã tổ chức")).endsWith("6");
			assertThat(rowOf(totals, "Kinh phí đã sử dụng")).endsWith("230.000.000");
			XWPFTable annex = doc.getTables().getLast();
			assertThat(rowOf(annex, "Văn phòng Ủy ban nhân dân Thành phố")).contains("|4|", "|25|", "150.000.000");
			assertThat(rowOf(annex, "Sở Du lịch")).contains("|2|", "|40|", "80.000.000");
			assertThat(rowOf(annex, "Tổng cộng")).contains("|6|", "|65|", "230.000.000");
		}
	}

	private static String rowOf(XWPFTable table, String first) {
		return table.getRows().stream()
			.map(r -> String.join("|", r.getTableCells().stream().map(c -> c.getText()).toList()))
			.filter(r -> r.contains(first))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row " + first));
	}

	@Test
	void theWorkbookHoldsTheSameFigures() throws Exception {
		mvc.perform(post("/api/v1/reporting/periods/" + period + "/consolidation").with(Accounts.as("hn.dieuphoi")))
			.andExpect(status().isOk());
		byte[] xlsx = mvc.perform(get("/api/v1/reporting/periods/" + period + "/consolidation/export").param("format", "xlsx")
			.with(Accounts.as("hn.dieuphoi")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var totals = workbook.getSheet("Tổng hợp");
			Map<String, Double> byLabel = new java.util.HashMap<>();
			for (int r = 2; r <= totals.getLastRowNum(); r++) {
				byLabel.put(totals.getRow(r).getCell(0).getStringCellValue(), totals.getRow(r).getCell(2).getNumericCellValue());
			}
			assertThat(byLabel).containsEntry("Phóng viên nước ngoài đã đón tiếp", 65.0).containsEntry("Kinh phí đã sử dụng", 2.3e8);
			var annex = workbook.getSheet("Phụ lục theo đơn vị");
			List<String> units = new ArrayList<>();
			for (int r = 1; r <= annex.getLastRowNum(); r++) {
				units.add(annex.getRow(r).getCell(0).getStringCellValue());
			}
			assertThat(units).containsExactlyInAnyOrder("Văn phòng Ủy ban nhân dân Thành phố", "Sở Du lịch");
			var narrative = workbook.getSheet("Nội dung theo mục");
			assertThat(narrative.getRow(1).getCell(2).getStringCellValue()).isNotBlank();
			var lateness = workbook.getSheet("Chậm, chưa gửi");
			assertThat(lateness.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Sở Du lịch");
			assertThat(lateness.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Sở Tài chính");
			assertThat(lateness.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Chưa gửi");
		}
	}

	/** In the browser the draft is built in the background; the page polls its progress and reloads when it is done. */
	@Test
	void thePageBuildsTheDraftInTheBackground() throws Exception {
		mvc.perform(post("/reporting/periods/" + period + "/consolidation").with(Accounts.as("hn.dieuphoi"))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("success", "Đang lập dự thảo báo cáo tổng hợp."));
		long deadline = System.currentTimeMillis() + 30_000;
		String refresh = null;
		while (refresh == null && System.currentTimeMillis() < deadline) {
			refresh = mvc.perform(get("/reporting/periods/" + period + "/consolidation/progress").with(Accounts.as("hn.dieuphoi")))
				.andExpect(status().isOk())
				.andReturn().getResponse().getHeader("HX-Refresh");
			Thread.sleep(100);
		}
		assertThat(refresh).isEqualTo("true");
		assertThat(jdbc.sql("select state from consolidation_run where period_id = ?").param(period).query(String.class).single())
			.isEqualTo("DONE");
		mvc.perform(get("/reporting/periods/" + period + "/consolidation").with(Accounts.as("hn.dieuphoi")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("Tổng hợp từ 2/3 báo cáo đã tiếp nhận")));
	}

	@Test
	void aLateReportUpdatesTheDraftButNotTheFinal() throws Exception {
		mvc.perform(post("/api/v1/reporting/periods/" + period + "/consolidation").with(Accounts.as("hn.dieuphoi")))
			.andExpect(jsonPath("$.content.accepted").value(2));
		long c = fixture.report(period, fixture.unit("hn-stc-2025"));
		jdbc.sql("update report set status = 'ACCEPTED', first_submitted_on = ?, indicators = '{\"pressConferences\": 1}'::jsonb where id = ?")
			.params(LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")), c).update();
		mvc.perform(post("/api/v1/reporting/periods/" + period + "/consolidation").with(Accounts.as("hn.dieuphoi")))
			.andExpect(jsonPath("$.content.accepted").value(3))
			.andExpect(jsonPath("$.content.indicators[?(@.code == 'pressConferences')].total").value(7))
			.andExpect(jsonPath("$.content.missing.length()").value(0));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/reporting/periods/" + period + "/consolidation")
			.with(Accounts.as("hn.dieuphoi")).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("{\"sections\":{\"results\":\"Các đơn vị đã tổ chức 7 cuộc họp báo.\"},\"number\":\"215/BC-SVHTT\",\"issuedOn\":\"2026-11-25\",\"signer\":\"Nguyễn Văn A\",\"signerTitle\":\"Phó Giám đốc\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.edits.results").value("Các đơn vị đã tổ chức 7 cuộc họp báo."));
		mvc.perform(post("/api/v1/reporting/periods/" + period + "/consolidation/finalise").with(Accounts.as("hn.dieuphoi")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("FINAL"));
		jdbc.sql("update report set indicators = '{\"pressConferences\": 50}'::jsonb where id = ?").param(c).update();
		mvc.perform(post("/api/v1/reporting/periods/" + period + "/consolidation").with(Accounts.as("hn.dieuphoi")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value("Báo cáo tổng hợp đã hoàn thành, không thể thay đổi."));
		mvc.perform(get("/api/v1/reporting/periods/" + period + "/consolidation").with(Accounts.as("hn.lanhdao")))
			.andExpect(jsonPath("$.content.indicators[?(@.code == 'pressConferences')].total").value(7))
			.andExpect(jsonPath("$.number").value("215/BC-SVHTT"));
	}
}
