package vn.ttdn.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ttdn.Accounts.as;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.ttdn.IntegrationTest;

/** "Budget used" in a unit's report starts from what the unit recorded as spent in the period (budget module), with that source shown. */
@IntegrationTest
class ReportPrefillTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void budgetUsedIsPrefilledFromTheSpendingOfThePeriod() throws Exception {
		var fixture = new ReportingFixture(mvc, jdbc);
		long tourism = fixture.unit("hn-sdl");
		// an ad-hoc report covers the year up to its due day; the demo spending of Sở Du lịch is dated 15/06/2026
		LocalDate due = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(10);
		long period = fixture.request("hn.dieuphoi", "01", "Báo cáo kinh phí quảng bá du lịch", due, List.of(tourism));
		long report = fixture.report(period, tourism);
		var result = mvc.perform(get("/api/v1/reports/{id}", report).with(as("hn.dulich.canbo"))).andExpect(status().isOk());
		if (due.getYear() == 2026) {
			result.andExpect(jsonPath("$.prefill.budgetUsed.value").value(1_200_000_000))
				.andExpect(jsonPath("$.prefill.budgetUsed.source").value("budget.spent"));
		}
		else {
			result.andExpect(jsonPath("$.prefill.budgetUsed.source").value("budget.spent"));
		}
		String page = mvc.perform(get("/reports/{id}", report).with(as("hn.dulich.canbo"))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Tự điền từ phân hệ Kinh phí");
	}
}
