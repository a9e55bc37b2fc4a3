package vn.ttdn.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static vn.ttdn.Accounts.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.ttdn.IntegrationTest;

@IntegrationTest
class OrganizationApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;


	long unit(String key) {
		return jdbc.sql("select id from unit where demo_key = ?").param(key).query(Long.class).single();
	}

	/** 000 Art. 18.3 gives foreign reporters to Sở Ngoại vụ; 002 Art. 10.4 to the UBND Office of Hà Nam. */
	@Test
	void theForeignReporterRoleResolvesToDifferentBodiesPerJurisdiction() throws Exception {
		mvc.perform(get("/api/v1/roles").param("asOf", "2024-06-01").with(as("hn.lanhdao")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.roleCode=='FOREIGN_REPORTERS' && @.jurisdictionCode=='01')].unitName").value(contains("Sở Ngoại vụ")))
			.andExpect(jsonPath("$[?(@.roleCode=='FOREIGN_REPORTERS' && @.jurisdictionCode=='35')].unitName").value(contains("Văn phòng Ủy ban nhân dân tỉnh")))
			.andExpect(jsonPath("$[?(@.roleCode=='FOREIGN_REPORTERS' && @.jurisdictionCode=='74')].unitName").value(contains("Sở Ngoại vụ")));
		// Since 01/03/2025 Hà Nội's Sở Ngoại vụ is part of the UBND Office, which holds the role.
		mvc.perform(get("/api/v1/roles").param("asOf", "2026-01-01").with(as("hn.lanhdao")))
			.andExpect(jsonPath("$[?(@.roleCode=='FOREIGN_REPORTERS' && @.jurisdictionCode=='01')].unitName").value(contains("Văn phòng Ủy ban nhân dân Thành phố")));
	}

	@Test
	void theUnitApiShowsDutiesWithTheirArticleAndRolesAsOfADate() throws Exception {
		mvc.perform(get("/api/v1/units/{id}", unit("hnam-vpub")).param("asOf", "2024-06-01").with(as("hnam.lanhdao")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unit.name").value("Văn phòng Ủy ban nhân dân tỉnh"))
			.andExpect(jsonPath("$.unit.roles").value(hasItem("FOREIGN_REPORTERS")))
			.andExpect(jsonPath("$.duties[3].documentNumber").value("28/2018/QĐ-UBND"))
			.andExpect(jsonPath("$.duties[3].article").value(10))
			.andExpect(jsonPath("$.duties[3].clause").value("4"))
			.andExpect(jsonPath("$.duties[3].text").value(containsString("đoàn phóng viên báo chí nước ngoài")))
			.andExpect(jsonPath("$.people[0].post").value("FOCAL_OFFICER"))
			.andExpect(jsonPath("$.people[0].email").value("daumoi.hnam-vpub@ttdn.example"));
	}

	@Test
	void filtersUnitsWithOrWithoutDiacritics() throws Exception {
		for (String q : new String[] { "so ngoai vu", "Sở Ngoại vụ", "SO NGOAI VU" }) {
			mvc.perform(get("/api/v1/jurisdictions/01/units").param("q", q).param("asOf", "2024-06-01").with(as("hn.lanhdao")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[*].name").value(contains("Sở Ngoại vụ")));
		}
	}

	@Test
	void peopleOfAnotherJurisdictionComeWithoutTheirPhoneAndEmail() throws Exception {
		mvc.perform(get("/api/v1/units/{id}", unit("hnam-vpub")).param("asOf", "2024-06-01").with(as("hn.lanhdao")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.people[0].fullName").exists())
			.andExpect(jsonPath("$.people[0].email").doesNotExist())
			.andExpect(jsonPath("$.people[0].phone").doesNotExist());
	}

	/**
	 * The unit's answer carries an entity tag; the same tag back gives 304 without a body until the
	 * unit changes. The tag is of what the caller may see: someone from another jurisdiction (no
	 * contacts) has another tag, and never gets a 304 for the full answer's tag.
	 */
	@Test
	void theUnitApiAnswersWithAnEntityTagAnd304WhileTheUnitIsUnchanged() throws Exception {
		long id = unit("hn-sdl");
		var first = mvc.perform(get("/api/v1/units/{id}", id).with(as("hn.dieuphoi")))
			.andExpect(status().isOk())
			.andExpect(header().exists("ETag"))
			.andReturn().getResponse();
		String etag = first.getHeader("ETag");
		mvc.perform(get("/api/v1/units/{id}", id).header("If-None-Match", etag).with(as("hn.dieuphoi")))
			.andExpect(status().isNotModified())
			.andExpect(header().string("ETag", etag))
			.andExpect(content().string(""));
		// the caller's scope is checked first: no answer without signing in, and another jurisdiction's reader gets the other answer
		mvc.perform(get("/api/v1/units/{id}", id).header("If-None-Match", etag)).andExpect(status().isUnauthorized());
		String outside = mvc.perform(get("/api/v1/units/{id}", id).header("If-None-Match", etag).with(as("bd.lanhdao")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.people[0].fullName").exists())
			.andExpect(jsonPath("$.people[0].email").doesNotExist())
			.andReturn().getResponse().getHeader("ETag");
		assertThat(outside).isNotEqualTo(etag);
		// a change to the unit gives a new answer and a new tag at once
		mvc.perform(put("/api/v1/units/{id}", id).contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\":\"PRESS_AGENCY\",\"name\":\"Sở Du lịch\",\"phone\":\"024 3825 1111\"}")
			.with(as("hn.dulich.canbo")))
			.andExpect(status().isOk());
		String changed = mvc.perform(get("/api/v1/units/{id}", id).header("If-None-Match", etag).with(as("hn.dieuphoi")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.phone").value("024 3825 1111"))
			.andReturn().getResponse().getHeader("ETag");
		assertThat(changed).isNotEqualTo(etag);
	}

	@Test
	void anonymousCallsAreRefusedWith401() throws Exception {
		mvc.perform(get("/api/v1/jurisdictions")).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.message").value(containsString("đăng nhập")));
		mvc.perform(get("/api/v1/jurisdictions").with(httpBasic("hn.lanhdao", "wrong-password")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void anOfficerCannotChangeAnotherUnit() throws Exception {
		String contact = """
				{"type":"DEPARTMENT","name":"Sở Du lịch","phone":"024 0000 0000"}""";
		mvc.perform(put("/api/v1/units/{id}", unit("hn-vpub")).contentType(MediaType.APPLICATION_JSON).content(contact)
			.with(as("hn.dulich.canbo")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.message").value("Bạn không có quyền thực hiện thao tác này."));
		mvc.perform(post("/api/v1/units/{id}/people", unit("hn-vpub")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"fullName\":\"Nguyễn Văn A\",\"post\":\"SPOKESPERSON\"}")
			.with(as("hn.dulich.canbo")))
			.andExpect(status().isForbidden());
		// nor can the coordinating department of one jurisdiction change another's registry
		mvc.perform(post("/api/v1/jurisdictions/01/units").contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\":\"DEPARTMENT\",\"name\":\"Sở mới\"}").with(as("bd.dieuphoi")))
			.andExpect(status().isForbidden());
		assertUnchanged("hn-vpub");
	}

	private void assertUnchanged(String key) throws Exception {
		mvc.perform(get("/api/v1/units/{id}", unit(key)).with(as("hn.lanhdao")))
			.andExpect(jsonPath("$.phone").doesNotExist())
			.andExpect(jsonPath("$.people[*].fullName").value(not(hasItem("Nguyễn Văn A"))));
	}

	@Test
	void anOfficerChangesTheirOwnUnitsContactDetailsButNotItsName() throws Exception {
		long id = unit("hn-sdl");
		mvc.perform(put("/api/v1/units/{id}", id).contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\":\"PRESS_AGENCY\",\"name\":\"Tên khác\",\"phone\":\"024 3825 0000\"}")
			.with(as("hn.dulich.canbo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.phone").value("024 3825 0000"))
			.andExpect(jsonPath("$.unit.name").value("Sở Du lịch"))
			.andExpect(jsonPath("$.unit.type").value("DEPARTMENT"));
	}

	@Test
	void invalidInputIsRefusedWith422AndAVietnameseMessageAndChangesNothing() throws Exception {
		long before = jdbc.sql("select count(*) from unit").query(Long.class).single();
		mvc.perform(post("/api/v1/jurisdictions/01/units").contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\":\"DEPARTMENT\",\"name\":\"  \"}").with(as("hn.dieuphoi")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.fields[0].field").value("name"))
			.andExpect(jsonPath("$.fields[0].message").value("Vui lòng nhập tên đơn vị."));
		mvc.perform(post("/api/v1/jurisdictions/01/units").contentType(MediaType.APPLICATION_JSON)
			.content("{\"type\":\"NO_SUCH_TYPE\",\"name\":\"X\"}").with(as("hn.dieuphoi")))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(post("/api/v1/units/{id}/people", unit("hn-sdl")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"fullName\":\"Trần Thị B\",\"post\":\"SPOKESPERSON\",\"email\":\"khong-phai-email\"}").with(as("hn.dieuphoi")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.fields[0].message").value("Địa chỉ thư điện tử không hợp lệ."));
		mvc.perform(get("/api/v1/units/999999").with(as("hn.dieuphoi"))).andExpect(status().isNotFound());
		org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from unit").query(Long.class).single())
			.isEqualTo(before);
	}
}
