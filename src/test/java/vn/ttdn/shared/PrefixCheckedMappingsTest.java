package vn.ttdn.shared;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ttdn.Accounts.as;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.ttdn.IntegrationTest;

/**
 * Controller methods are looked up with a check of each pattern's literal start first; requests
 * still reach the same methods, and get the same 404 and 405 as before, whatever the path's form.
 */
@IntegrationTest
class PrefixCheckedMappingsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void pathsWithVariablesReachTheirMethodsAlsoWhenEncoded() throws Exception {
		long id = jdbc.sql("select id from unit where demo_key = 'hn-sdl'").query(Long.class).single();
		mvc.perform(get("/api/v1/units/{id}", id).with(as("hn.lanhdao")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unit.name").value("Sở Du lịch"));
		// "%73" is "s": the same resource, looked up the usual way
		mvc.perform(get(URI.create("/api/v1/unit%73/" + id)).with(as("hn.lanhdao")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unit.name").value("Sở Du lịch"));
		mvc.perform(get("/api/v1/units/{id}/history", id).with(as("hn.lanhdao"))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/jurisdictions/01/units").with(as("hn.lanhdao")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].jurisdictionCode").value("01"));
	}

	@Test
	void unknownPathsAndMethodsAreAnsweredAsBefore() throws Exception {
		mvc.perform(get("/api/v1/no-such-thing/1").with(as("hn.lanhdao"))).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/roles").with(as("hn.lanhdao"))).andExpect(status().isMethodNotAllowed());
	}
}
