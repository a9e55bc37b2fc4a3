package vn.ttdn.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ttdn.Accounts.as;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.ttdn.IntegrationTest;

/**
 * A year's budget of Hà Nội's UBND Office, from estimate to settlement (002 Art. 4: "lập dự toán
 * kinh phí, gửi Sở Tài chính thẩm định"): lines tied to the 2013–2020 programme's budget table (001)
 * and to a task of the 2023 plan (003); appraisal by the finance department, allocation, spending
 * never beyond the allocation, settlement, and the roll-up by funding source.
 */
@IntegrationTest
class BudgetApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	ResultActions send(MockHttpServletRequestBuilder request, String user, String json) throws Exception {
		return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(json).with(as(user)));
	}

	String json(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString();
	}

	@Test
	void anEstimateGoesFromTheUnitThroughAppraisalAndAllocationToSpendingAndSettlement() throws Exception {
		long vpub = jdbc.sql("select id from unit where demo_key = 'hn-vpub'").query(Long.class).single();
		// 001, biểu khái toán, section I line 1 (0,7 tỷ đồng in 2013–2015)
		record Programme(long id, String content) {
		}
		Programme line = jdbc.sql("""
				select l.id, l.content from budget_line l join budget_section s on s.id = l.section_id join programme g on g.id = s.programme_id
				where g.decision_number = '3734/QĐ-UBND' and s.code = 'I' order by l.position limit 1""").query(Programme.class).single();
		long task = jdbc.sql("select t.id from plan_task t join plan p on p.id = t.plan_id where p.number = '101/KH-UBND' order by t.position limit 1")
			.query(Long.class).single();

		int id = JsonPath.read(json(send(post("/api/v1/budget/estimates"), "hn.vpub.canbo",
				"{\"jurisdiction\":\"01\",\"unitId\":%d,\"year\":2025}".formatted(vpub)).andExpect(status().isCreated())), "$.estimate.id");
		// another unit neither reads it nor sees it in the list
		mvc.perform(get("/api/v1/budget/estimates/{id}", id).with(as("hn.dulich.canbo"))).andExpect(status().isForbidden());
		List<Integer> seen = JsonPath.read(json(mvc.perform(get("/api/v1/budget/estimates").param("jurisdiction", "01")
			.with(as("hn.dulich.canbo")))), "$[*].id");
		assertThat(seen).doesNotContain(id);

		String lineA = "{\"content\":%s,\"programmeLineId\":%d,\"fundingSource\":\"PROVINCIAL\",\"capitalKind\":\"RECURRENT\",\"requested\":\"700.000.000\"}"
			.formatted(quote(line.content()), line.id());
		String lineB = "{\"content\":\"Tổ chức họp báo định kỳ\",\"planTaskId\":%d,\"fundingSource\":\"PROVINCIAL\",\"capitalKind\":\"RECURRENT\",\"requested\":\"1.500.000.000\"}"
			.formatted(task);
		send(post("/api/v1/budget/estimates/{id}/lines", id), "hn.vpub.canbo", lineB.replace("1.500.000.000", "1,5"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.message").value("Số tiền tính bằng đồng, không có phần lẻ."));
		send(post("/api/v1/budget/estimates/{id}/lines", id), "hn.vpub.canbo", lineB.replace("1.500.000.000", "một tỷ"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value("Không đọc được số tiền «một tỷ»; ghi số đồng, ví dụ 1.500.000.000."));
		send(post("/api/v1/budget/estimates/{id}/lines", id), "hn.dulich.canbo", lineA).andExpect(status().isForbidden());
		send(post("/api/v1/budget/estimates/{id}/lines", id), "hn.vpub.canbo", lineA).andExpect(status().isCreated());
		String view = json(send(post("/api/v1/budget/estimates/{id}/lines", id), "hn.vpub.canbo", lineB).andExpect(status().isCreated())
			.andExpect(jsonPath("$.lines.length()").value(2))
			.andExpect(jsonPath("$.lines[0].programmeLine").value(org.hamcrest.Matchers.startsWith("3734/QĐ-UBND — I.")))
			.andExpect(jsonPath("$.lines[1].planTaskId").value((int) task))
			.andExpect(jsonPath("$.estimate.requested").value(2_200_000_000L)));
		int a = JsonPath.read(view, "$.lines[0].id");
		int b = JsonPath.read(view, "$.lines[1].id");

		// the officer prepares, the head submits
		transition(id, "hn.vpub.canbo", "SUBMIT", null).andExpect(status().isForbidden());
		transition(id, "hn.vpub.truong", "SUBMIT", null).andExpect(status().isOk()).andExpect(jsonPath("$.estimate.status").value("SUBMITTED"));
		send(post("/api/v1/budget/estimates/{id}/lines", id), "hn.vpub.canbo", lineA).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value("Dự toán đang ở trạng thái «Đã gửi thẩm định», không sửa được."));

		// the finance department appraises every line
		transition(id, "hn.taichinh", "APPRAISE", null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value("Còn 2 dòng chưa thẩm định."));
		send(put("/api/v1/budget/lines/{id}/appraisal", a), "hn.vpub.truong", "{\"decision\":\"APPROVED\"}").andExpect(status().isForbidden());
		send(put("/api/v1/budget/lines/{id}/appraisal", a), "hn.taichinh", "{\"decision\":\"APPROVED\"}").andExpect(status().isNoContent());
		send(put("/api/v1/budget/lines/{id}/appraisal", b), "hn.taichinh", "{\"decision\":\"ADJUSTED\",\"approved\":\"1.200.000.000\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value("Điều chỉnh hoặc không chấp thuận thì phải ghi rõ lý do."));
		send(put("/api/v1/budget/lines/{id}/appraisal", b), "hn.taichinh",
				"{\"decision\":\"ADJUSTED\",\"approved\":\"1.200.000.000\",\"reason\":\"Giảm số cuộc họp báo theo định mức\"}")
			.andExpect(status().isNoContent());
		transition(id, "hn.taichinh", "APPRAISE", null).andExpect(jsonPath("$.estimate.status").value("APPRAISED"))
			.andExpect(jsonPath("$.estimate.approved").value(1_900_000_000L));
		transition(id, "hn.taichinh", "ALLOCATE", null).andExpect(jsonPath("$.estimate.allocated").value(1_900_000_000L));

		// spending never beyond the allocation
		send(post("/api/v1/budget/lines/{id}/spending", b), "hn.vpub.canbo",
				"{\"spentOn\":\"2025-06-10\",\"amount\":\"1.000.000.000\",\"document\":\"Chứng từ số 45/VP ngày 10/6/2025\"}")
			.andExpect(status().isCreated());
		send(post("/api/v1/budget/lines/{id}/spending", b), "hn.vpub.canbo",
				"{\"spentOn\":\"2025-09-10\",\"amount\":\"300.000.000\",\"document\":\"Chứng từ số 80/VP\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value("Số chi vượt số còn lại được phân bổ (200.000.000 đồng)."));
		send(post("/api/v1/budget/lines/{id}/spending", b), "hn.vpub.canbo",
				"{\"spentOn\":\"2024-12-30\",\"amount\":\"1.000\",\"document\":\"Chứng từ số 1\"}")
			.andExpect(status().isUnprocessableContent());

		// the roll-up of the year by source, for the finance department and leaders, not for a unit
		mvc.perform(get("/api/v1/budget/rollup").param("jurisdiction", "01").param("year", "2025").with(as("hn.vpub.canbo")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/budget/rollup").param("jurisdiction", "01").param("year", "2025").param("by", "SOURCE").with(as("hn.lanhdao")))
			.andExpect(jsonPath("$[?(@.key == 'PROVINCIAL')].requested").value(contains(2_200_000_000L)))
			.andExpect(jsonPath("$[?(@.key == 'PROVINCIAL')].approved").value(contains(1_900_000_000)))
			.andExpect(jsonPath("$[?(@.key == 'PROVINCIAL')].allocated").value(contains(1_900_000_000)))
			.andExpect(jsonPath("$[?(@.key == 'PROVINCIAL')].spent").value(contains(1_000_000_000)));
		mvc.perform(get("/api/v1/budget/rollup").param("jurisdiction", "01").param("year", "2025").param("by", "UNIT").with(as("hn.taichinh")))
			.andExpect(jsonPath("$[?(@.key == '%d')].label".formatted(vpub)).value(contains(org.hamcrest.Matchers.startsWith("Văn phòng"))));

		// settled: nothing more is spent
		transition(id, "hn.vpub.truong", "SETTLE", null).andExpect(status().isForbidden());
		transition(id, "hn.taichinh", "SETTLE", "Quyết toán theo báo cáo quyết toán năm 2025").andExpect(jsonPath("$.estimate.status").value("SETTLED"))
			.andExpect(jsonPath("$.events[*].toStatus").value(contains("DRAFT", "SUBMITTED", "APPRAISED", "ALLOCATED", "SETTLED")));
		send(post("/api/v1/budget/lines/{id}/spending", b), "hn.vpub.canbo", "{\"spentOn\":\"2025-09-10\",\"amount\":\"1.000\",\"document\":\"x\"}")
			.andExpect(status().isUnprocessableContent());
		transition(id, "hn.taichinh", "SETTLE", null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value("Không thể «Quyết toán» khi dự toán đang ở trạng thái «Đã quyết toán»."));
	}

	ResultActions transition(int id, String user, String action, String note) throws Exception {
		return send(post("/api/v1/budget/estimates/{id}/transitions", id), user,
				"{\"action\":\"%s\",\"note\":%s}".formatted(action, note == null ? "null" : quote(note)));
	}

	static String quote(String s) {
		return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(s);
	}
}
