package vn.ttdn.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.ttdn.IntegrationTest;

@IntegrationTest
class PlanningPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	@Autowired
	PlanImport imports;

	/** An appendix of 230 tasks (the 2023 appendix's tasks over again) is shown 100 tasks a page; filters apply to all of them. */
	@Test
	void aLargeAppendixIsShownAPageAtATime() throws Exception {
		record Row(String groupCode, String groupTitle, int number, String content, String schedulePhrase) {
		}
		List<Row> rows = jdbc.sql("""
				select group_code, group_title, number, content, schedule_phrase from plan_task
				where plan_id = ? order by position""").param(plan2023()).query(Row.class).list();
		List<PlanImport.TaskSpec> tasks = new java.util.ArrayList<>();
		for (int i = 0; i < 230; i++) {
			Row r = rows.get(i % rows.size());
			// led by an outside body, so that no unit finds these tasks among its own
			tasks.add(new PlanImport.TaskSpec("G" + (i / 50 + 1), r.groupTitle(), i % 50 + 1, r.content(), r.schedulePhrase(),
					"Thông tấn xã Việt Nam", null));
		}
		long plan = imports.importPlan(new PlanImport.PlanSpec("01", null, 2016, PlanStatus.ISSUED, "230/KH-UBND", null, null,
				"Kế hoạch có phụ lục lớn", null, null, null, java.util.Map.of()), tasks, List.of(), "test");
		String first = mvc.perform(get("/plans/{id}", plan).with(as("hn.lanhdao"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(first.split("data-task=\"", -1)).hasSize(101);
		assertThat(first).contains("data-testid=\"pager\"", "page=3");
		String third = mvc.perform(get("/plans/{id}", plan).param("page", "3").with(as("hn.lanhdao"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(third.split("data-task=\"", -1)).hasSize(31);
		// a page past the end shows the last one
		assertThat(mvc.perform(get("/plans/{id}", plan).param("page", "9").with(as("hn.lanhdao")))
			.andReturn().getResponse().getContentAsString().split("data-task=\"", -1)).hasSize(31);
	}

	long plan2023() {
		return jdbc.sql("select id from plan where number = '101/KH-UBND'").query(Long.class).single();
	}

	@Test
	void theProgrammePageShowsTheBudgetTableAsPrintedWithItsDisagreementsAndTheTotalInWords() throws Exception {
		long id = jdbc.sql("select id from programme").query(Long.class).single();
		mvc.perform(get("/programmes/{id}", id).with(as("hn.lanhdao")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Mục II, cột 2013-2015: văn bản ghi 4, cộng lại được 2,5"),
					containsString("Tổng cộng, cột Tổng: văn bản ghi 106,972, cộng lại được 109,972"),
					containsString("Một trăm linh sáu tỷ chín trăm bảy mươi hai triệu đồng"),
					containsString("106.972.000.000 đồng"), containsString("Tính từ dữ liệu hệ thống"))));
	}

	@Test
	void thePlanPageListsTasksByGroupAndFiltersThem() throws Exception {
		mvc.perform(get("/plans/{id}", plan2023()).with(as("hn.lanhdao")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("49/49 nhiệm vụ"), containsString("I. SỞ THÔNG TIN VÀ TRUYỀN THÔNG"),
					containsString("Quý III/2023"), containsString("01/07/2023 – 30/09/2023"), containsString("Phụ lục ghi số: 104/KH-UBND"))));
		mvc.perform(get("/plans/{id}", plan2023()).param("quarter", "3").with(as("hn.lanhdao")))
			.andExpect(content().string(allOf(containsString("Quý III/2023"), not(containsString("Tháng 3/2023")))));
		mvc.perform(get("/plans/{id}", plan2023()).param("view", "comments").with(as("hn.lanhdao")))
			.andExpect(content().string(allOf(containsString("1390 - CV/BTGTU ngày 02/3/2023"), containsString("UBND quận Ba Đình"))));
		mvc.perform(get("/plans/{id}", plan2023()).param("view", "timeline").with(as("hn.lanhdao")))
			.andExpect(status().isOk());
		mvc.perform(get("/plans/{id}", plan2023()).param("view", "text").with(as("hn.lanhdao")))
			.andExpect(content().string(containsString("I. MỤC ĐÍCH, YÊU CẦU")));
	}

	/** Task IV.1 of the 2023 plan is led by Sở Du lịch. */
	@Test
	void anOfficerRecordsProgressOnTheirTaskAndTheCoordinatingDepartmentSeesIt() throws Exception {
		long task = jdbc.sql("select id from plan_task where plan_id = ? and group_code = 'IV' and number = 1")
			.param(plan2023()).query(Long.class).single();
		mvc.perform(get("/my/tasks").with(as("hn.dulich.canbo")))
			.andExpect(content().string(containsString("data-task=\"" + task + "\"")));
		mvc.perform(post("/tasks/{id}/progress", task).with(as("hn.dulich.canbo")).with(csrf())
			.param("note", "").param("recordedOn", "2023-06-30"))
			.andExpect(flash().attribute("error", "Vui lòng nhập nội dung kết quả thực hiện."));
		mvc.perform(post("/tasks/{id}/progress", task).with(as("hn.dulich.canbo")).with(csrf())
			.param("note", "Đăng 40 tin, bài quảng bá điểm đến trên các kênh truyền thông quốc tế").param("link", "ftp://x")
			.param("recordedOn", "2023-06-30"))
			.andExpect(flash().attribute("error", "Đường dẫn minh chứng phải bắt đầu bằng http:// hoặc https://."));
		mvc.perform(post("/tasks/{id}/progress", task).with(as("hn.dulich.canbo")).with(csrf())
			.param("note", "Đăng 40 tin, bài quảng bá điểm đến trên các kênh truyền thông quốc tế")
			.param("link", "https://example.org/bao-cao").param("recordedOn", "2023-06-30"))
			.andExpect(flash().attribute("success", "Đã ghi nhận kết quả thực hiện."));
		long before = jdbc.sql("select count(*) from task_progress where task_id = ?").param(task).query(Long.class).single();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/tasks/{id}/progress", task)
			.file(new org.springframework.mock.web.MockMultipartFile("file", "bao-cao.pdf", "application/pdf",
					"MZ không phải PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.param("note", "Báo cáo kèm tệp").param("recordedOn", "2023-07-01").with(as("hn.dulich.canbo")).with(csrf()))
			.andExpect(flash().attribute("error", "Nội dung tệp «bao-cao.pdf» không đúng với loại tệp theo tên; tệp không được nhận."));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/tasks/{id}/progress", task)
			.file(new org.springframework.mock.web.MockMultipartFile("file", "chay.exe", "application/octet-stream", new byte[] { 'M', 'Z' }))
			.param("note", "Báo cáo kèm tệp").with(as("hn.dulich.canbo")).with(csrf()))
			.andExpect(flash().attribute("error", "Chỉ nhận tệp minh chứng PDF, PNG, JPEG, DOCX hoặc XLSX."));
		org.assertj.core.api.Assertions.assertThat(
				jdbc.sql("select count(*) from task_progress where task_id = ?").param(task).query(Long.class).single())
			.isEqualTo(before);
		mvc.perform(get("/tasks/{id}", task).with(as("hn.dieuphoi")))
			.andExpect(content().string(allOf(containsString("Đăng 40 tin, bài quảng bá điểm đến"), containsString("hn.dulich.canbo"),
					containsString("https://example.org/bao-cao"))));
	}
}
