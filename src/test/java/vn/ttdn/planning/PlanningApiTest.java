package vn.ttdn.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static vn.ttdn.Accounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.ttdn.IntegrationTest;

@IntegrationTest
class PlanningApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;


	long plan2023() {
		return jdbc.sql("select id from plan where number = '101/KH-UBND'").query(Long.class).single();
	}

	long unit(String key) {
		return jdbc.sql("select id from unit where demo_key = ?").param(key).query(Long.class).single();
	}

	String json(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString();
	}

	/** 003: the appendix has 49 tasks in 10 groups; every lead body is in the registry; every schedule phrase is understood. */
	@Test
	void the2023PlanHas49TasksWithTheirLeadsLinkedAndEverySchedulePhraseUnderstood() throws Exception {
		String body = json(mvc.perform(get("/api/v1/plans/{id}", plan2023()).with(as("hn.lanhdao")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.plan.status").value("ISSUED"))
			.andExpect(jsonPath("$.tasks", hasSize(49))));
		List<String> kinds = JsonPath.read(body, "$.tasks[*].schedule.kind");
		assertThat(kinds).doesNotContain("UNKNOWN");
		List<Object> unlinkedLeads = JsonPath.read(body, "$.tasks[?(@.lead.unitId == null)].lead.text");
		assertThat(unlinkedLeads).isEmpty();
		List<String> groups = JsonPath.read(body, "$.tasks[*].group");
		assertThat(groups.stream().distinct()).containsExactly("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X");
		// "Quý III/2023" is understood as July to September 2023; "Hàng quý" as four quarters.
		List<Map<String, Object>> q3 = JsonPath.read(body, "$.tasks[?(@.schedule.phrase == 'Quý III/2023')].schedule");
		assertThat(q3).singleElement().satisfies(s -> {
			assertThat(s.get("start")).isEqualTo("2023-07-01");
			assertThat(s.get("due")).isEqualTo("2023-09-30");
		});
		List<String> quarterly = JsonPath.read(body, "$.tasks[?(@.schedule.phrase == 'Hàng quý')].schedule.frequency");
		assertThat(quarterly).containsOnly("QUARTERLY").hasSize(2);
		// outside bodies stay named, not linked: "Thông tấn xã Việt Nam" co-operates on task I.3
		List<Object> tass = JsonPath.read(body, "$.tasks[2].cooperating[?(@.text == 'Thông tấn xã Việt Nam')].unitId");
		assertThat(tass).containsExactly((Object) null);
	}

	@Test
	void the48CommentsOnTheDraftAreThereWithTheirHandling() throws Exception {
		String body = json(mvc.perform(get("/api/v1/plans/{id}/comments", plan2023()).with(as("hn.lanhdao")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(48)))
			.andExpect(jsonPath("$[0].bodyText").value("Ban Tuyên giáo Thành ủy"))
			.andExpect(jsonPath("$[0].documentNumber").value("1390 - CV/BTGTU"))
			.andExpect(jsonPath("$[0].documentDate").value("2023-03-02"))
			.andExpect(jsonPath("$[0].handling").value("ACCEPTED")));
		List<String> handling = JsonPath.read(body, "$[*].handling");
		assertThat(handling.stream().filter("ACCEPTED"::equals)).hasSize(9);
		assertThat(handling.stream().filter("NONE"::equals)).hasSize(39);
	}

	/** 001's budget table: the document's subtotals of sections II and III and its totals do not add up. */
	@Test
	void theBudgetTableIsShownAsPrintedWithComputedSumsAndEveryDisagreement() throws Exception {
		long id = jdbc.sql("select id from programme where decision_number = '3734/QĐ-UBND'").query(Long.class).single();
		String body = json(mvc.perform(get("/api/v1/programmes/{id}", id).with(as("hn.lanhdao")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.budget.sections", hasSize(5)))
			.andExpect(jsonPath("$.budget.statedTotal.total").value("106,972"))
			.andExpect(jsonPath("$.budget.statedTotalDong").value("106.972.000.000"))
			.andExpect(jsonPath("$.budget.statedTotalInWords").value("Một trăm linh sáu tỷ chín trăm bảy mươi hai triệu đồng"))
			.andExpect(jsonPath("$.budget.computedTotalDong").value("109.972.000.000"))
			.andExpect(jsonPath("$.budget.sections[1].statedSubtotal.p2013_2015").value("4"))
			.andExpect(jsonPath("$.budget.sections[1].computedSubtotal.p2013_2015").value(2.5)));
		List<Map<String, String>> disagreements = JsonPath.read(body, "$.budget.disagreements");
		assertThat(disagreements).extracting(d -> d.get("where") + " " + d.get("column") + " " + d.get("stated") + "≠" + d.get("computed"))
			.containsExactly("Mục II 2013-2015 4≠2,5", "Mục II 2016-2020 4,907≠4,407", "Mục III 2016-2020 1,5≠6,5",
					"Tổng cộng 2013-2015 45,89≠44,39", "Tổng cộng 2016-2020 61,082≠65,582", "Tổng cộng Tổng 106,972≠109,972");
		List<Integer> lines = JsonPath.read(body, "$.budget.sections[*].lines.length()");
		assertThat(lines).containsExactly(2, 4, 2, 6, 4);
	}

	@Test
	void aUnitPlanGoesThroughItsWorkflowAndRefusesWhatTheRulesDoNotAllow() throws Exception {
		int year = 2031;
		String created = json(mvc.perform(post("/api/v1/plans").contentType(MediaType.APPLICATION_JSON)
			.content("{\"jurisdiction\":\"01\",\"unitId\":%d,\"year\":%d}".formatted(unit("hn-vpub"), year)).with(as("hn.vpub.canbo")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.plan.status").value("DRAFT")));
		int id = JsonPath.read(created, "$.plan.id");
		// another unit's officer cannot read the draft, nor submit it
		mvc.perform(get("/api/v1/plans/{id}", id).with(as("hn.dulich.canbo"))).andExpect(status().isForbidden());
		transition(id, "hn.dulich.canbo", "{\"action\":\"SUBMIT\"}").andExpect(status().isForbidden());
		// the officer prepares it, the head submits it
		transition(id, "hn.vpub.canbo", "{\"action\":\"SUBMIT\"}").andExpect(status().isForbidden());
		transition(id, "hn.vpub.truong", "{\"action\":\"SUBMIT\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"));
		transition(id, "hn.dieuphoi", "{\"action\":\"RETURN\"}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value("Vui lòng nêu lý do trả lại."));
		transition(id, "hn.dieuphoi", "{\"action\":\"RETURN\",\"note\":\"Bổ sung kinh phí dự kiến\"}")
			.andExpect(jsonPath("$.status").value("RETURNED"));
		transition(id, "hn.dieuphoi", "{\"action\":\"ACCEPT\"}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value("Không thể «Chấp nhận» khi kế hoạch đang ở trạng thái «Bị trả lại»."));
		transition(id, "hn.vpub.truong", "{\"action\":\"SUBMIT\"}").andExpect(jsonPath("$.status").value("SUBMITTED"));
		transition(id, "hn.dieuphoi", "{\"action\":\"ACCEPT\"}").andExpect(jsonPath("$.status").value("ACCEPTED"));
		transition(id, "hn.dieuphoi", "{\"action\":\"ACCEPT\"}").andExpect(status().isUnprocessableContent());
		mvc.perform(get("/api/v1/plans/{id}", id).with(as("hn.vpub.canbo")))
			.andExpect(jsonPath("$.events[*].toStatus").value(org.hamcrest.Matchers.contains("DRAFT", "SUBMITTED", "RETURNED", "SUBMITTED", "ACCEPTED")))
			.andExpect(jsonPath("$.events[2].note").value("Bổ sung kinh phí dự kiến"))
			.andExpect(jsonPath("$.events[2].username").value("hn.dieuphoi"));
		// one plan per unit and year
		mvc.perform(post("/api/v1/plans").contentType(MediaType.APPLICATION_JSON)
			.content("{\"jurisdiction\":\"01\",\"unitId\":%d,\"year\":%d}".formatted(unit("hn-vpub"), year)).with(as("hn.vpub.canbo")))
			.andExpect(status().isUnprocessableContent());
	}

	/** 002 Art. 5: units send their plan "trước ngày 15 tháng 01"; a 2024 plan submitted now is late by every day since 14/01/2024. */
	@Test
	void aUnitPlanShowsItsDueDateFromTheJurisdictionsRulesAndHowLateItWasSubmitted() throws Exception {
		long office = unit("hnam-vpub");
		String created = json(mvc.perform(post("/api/v1/plans").contentType(MediaType.APPLICATION_JSON)
			.content("{\"jurisdiction\":\"35\",\"unitId\":%d,\"year\":2024}".formatted(office)).with(as("hnam.vpub.canbo")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.submission.due.lastOnTimeDay").value("2024-01-14"))
			.andExpect(jsonPath("$.submission.due.articleRef").value(org.hamcrest.Matchers.containsString("5")))
			.andExpect(jsonPath("$.submission.submittedOn").doesNotExist()));
		int id = JsonPath.read(created, "$.plan.id");
		long late = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2024, 1, 14), LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
		assertThat(((Number) JsonPath.read(created, "$.submission.daysLate")).longValue()).isEqualTo(late);
		transition(id, "hnam.vpub.truong", "{\"action\":\"SUBMIT\"}").andExpect(status().isOk());
		mvc.perform(get("/api/v1/plans/{id}", id).with(as("hnam.vpub.canbo")))
			.andExpect(jsonPath("$.submission.submittedOn").value(LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString()))
			.andExpect(jsonPath("$.submission.daysLate").value((int) late));
		// Hà Nội's regulation sets no day for unit plans: no due date is invented
		String hanoi = json(mvc.perform(post("/api/v1/plans").contentType(MediaType.APPLICATION_JSON)
			.content("{\"jurisdiction\":\"01\",\"unitId\":%d,\"year\":2024}".formatted(unit("hn-vpub"))).with(as("hn.vpub.canbo")))
			.andExpect(status().isCreated()));
		assertThat(JsonPath.<Object>read(hanoi, "$.submission")).isNull();
	}

	@Test
	void anIssuedPlanCannotBeSubmittedAgain() throws Exception {
		transition(plan2023(), "hn.dieuphoi", "{\"action\":\"SUBMIT\"}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value("Không thể «Gửi» khi kế hoạch đang ở trạng thái «Đã ban hành»."));
	}

	ResultActions transition(long plan, String user, String body) throws Exception {
		return mvc.perform(post("/api/v1/plans/{id}/transitions", plan).contentType(MediaType.APPLICATION_JSON).content(body)
			.with(as(user)));
	}

	/** Task IV.2 of the 2023 plan is led by Sở Du lịch; task II.1 by Sở Ngoại vụ. */
	@Test
	void onlyTheLeadUnitRecordsProgressOnItsTask() throws Exception {
		long tourism = jdbc.sql("select t.id from plan_task t where t.plan_id = ? and t.group_code = 'IV' and t.number = 2")
			.param(plan2023()).query(Long.class).single();
		long foreignAffairs = jdbc.sql("select t.id from plan_task t where t.plan_id = ? and t.group_code = 'II' and t.number = 1")
			.param(plan2023()).query(Long.class).single();
		mvc.perform(post("/api/v1/tasks/{id}/progress", foreignAffairs).contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\":\"Đã thực hiện\",\"completes\":true}").with(as("hn.dulich.canbo")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/tasks/{id}/progress", tourism).contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\":\"\",\"completes\":false}").with(as("hn.dulich.canbo")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value("Vui lòng nhập nội dung kết quả thực hiện."));
		mvc.perform(post("/api/v1/tasks/{id}/progress", tourism).contentType(MediaType.APPLICATION_JSON)
			.content("{\"note\":\"Phát sóng 12 số chương trình quảng bá trên kênh CNN\",\"link\":\"https://example.org/cnn\",\"completes\":true,\"recordedOn\":\"2023-12-15\"}")
			.with(as("hn.dulich.canbo")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$[0].recordedBy").value("hn.dulich.canbo"));
		mvc.perform(get("/api/v1/my/tasks").with(as("hn.dulich.canbo")))
			.andExpect(jsonPath("$[?(@.id == %d)].status".formatted(tourism)).value(org.hamcrest.Matchers.contains("DONE")));
		assertThat(jdbc.sql("select completed_on from plan_task where id = ?").param(tourism).query(LocalDate.class).single())
			.isEqualTo(LocalDate.of(2023, 12, 15));
	}

	/** T01 of 001 ("100% … xây dựng kế hoạch hoạt động hàng năm") is computed from the plans the system holds. */
	@Test
	void aTargetComputedFromDataChangesWhenTheDataChanges() throws Exception {
		long programme = jdbc.sql("select id from programme").query(Long.class).single();
		double before = targetValue(programme, "T01");
		int year = LocalDate.now().getYear();
		long unit = unit("hn-sdl");
		String created = json(mvc.perform(post("/api/v1/plans").contentType(MediaType.APPLICATION_JSON)
			.content("{\"jurisdiction\":\"01\",\"unitId\":%d,\"year\":%d}".formatted(unit, year)).with(as("hn.dieuphoi"))));
		int id = JsonPath.read(created, "$.plan.id");
		transition(id, "hn.dieuphoi", "{\"action\":\"SUBMIT\"}").andExpect(status().isOk());
		assertThat(targetValue(programme, "T01")).isEqualTo(before);
		transition(id, "hn.dieuphoi", "{\"action\":\"ACCEPT\"}").andExpect(status().isOk());
		assertThat(targetValue(programme, "T01")).isGreaterThan(before);
	}

	double targetValue(long programme, String code) throws Exception {
		String body = json(mvc.perform(get("/api/v1/programmes/{id}", programme).with(as("hn.lanhdao"))));
		List<Object> values = JsonPath.read(body, "$.targets[?(@.code == '%s')].current".formatted(code));
		Object value = values.getFirst();
		return value == null ? 0 : ((Number) value).doubleValue();
	}
}
