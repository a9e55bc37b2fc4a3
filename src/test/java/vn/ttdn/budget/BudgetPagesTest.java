package vn.ttdn.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ttdn.Accounts.as;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.ttdn.IntegrationTest;

/** The budget pages: a unit starts its estimate and adds a line in the browser; a bad amount is refused in Vietnamese and saves nothing. */
@IntegrationTest
class BudgetPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aUnitStartsItsEstimateAndAddsLinesWithAmountsInDong() throws Exception {
		String location = mvc.perform(post("/budget").param("year", "2024").with(as("hn.dulich.canbo")).with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).matches("/budget/\\d+");
		long id = Long.parseLong(location.substring("/budget/".length()));
		mvc.perform(post("/budget/{id}/lines", id).param("content", "Sản xuất video quảng bá du lịch Hà Nội trên kênh CNN")
			.param("fundingSource", "PROVINCIAL").param("capitalKind", "RECURRENT").param("requested", "12,5 tỷ")
			.with(as("hn.dulich.canbo")).with(csrf()))
			.andExpect(flash().attribute("error", "Không đọc được số tiền «12,5 tỷ»; ghi số đồng, ví dụ 1.500.000.000."));
		assertThat(jdbc.sql("select count(*) from budget_estimate_line where estimate_id = ?").param(id).query(Long.class).single()).isZero();
		mvc.perform(post("/budget/{id}/lines", id).param("content", "Sản xuất video quảng bá du lịch Hà Nội trên kênh CNN")
			.param("fundingSource", "PROVINCIAL").param("capitalKind", "RECURRENT").param("requested", "12.500.000.000")
			.with(as("hn.dulich.canbo")).with(csrf()))
			.andExpect(flash().attribute("success", "Đã lưu."));
		String page = mvc.perform(get("/budget/{id}", id).with(as("hn.dulich.canbo"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("12.500.000.000 đồng (Mười hai tỷ năm trăm triệu đồng)", "Dự thảo", "Ngân sách tỉnh, thành phố");
		// the finance department sees it in the year's list, with the totals by source
		String list = mvc.perform(get("/budget").param("year", "2024").with(as("hn.taichinh"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(list).contains("data-testid=\"budget-rollup\"", "data-testid=\"estimates\"", "12.500.000.000");
		// the security body reads no budgets, and the page says there are none rather than failing
		mvc.perform(get("/budget/{id}", id).with(as("hn.anninh"))).andExpect(status().isForbidden());
		assertThat(mvc.perform(get("/budget").param("year", "2024").with(as("hn.anninh"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString()).doesNotContain("12.500.000.000");
	}
}
