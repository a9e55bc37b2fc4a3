package vn.ttdn.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.ttdn.IntegrationTest;
import vn.ttdn.shared.security.AppRole;

@IntegrationTest
class WebSecurityTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	NodeSessions sessions;

	String newAccount() {
		String username = "test." + UUID.randomUUID().toString().substring(0, 8);
		accounts.create(username, "MatKhau2026x", "Cán bộ thử", null, AppRole.LEADER, "01", null, false);
		return username;
	}

	@Test
	void pagesNeedSigningInAndHealthDoesNot() throws Exception {
		mvc.perform(get("/org/01").accept(org.springframework.http.MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		mvc.perform(get("/static/css/app.css")).andExpect(status().isOk());
		mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css")).andExpect(status().isOk());
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		// the public portal's language paths are open; other short paths are not
		mvc.perform(get("/en/").accept(org.springframework.http.MediaType.TEXT_HTML)).andExpect(status().isOk());
		mvc.perform(get("/my/tasks").accept(org.springframework.http.MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void signsInAndOut() throws Exception {
		String username = newAccount();
		mvc.perform(formLogin().user(username).password("MatKhau2026x")).andExpect(redirectedUrl("/"));
		mvc.perform(formLogin().user(username).password("sai-mat-khau")).andExpect(redirectedUrl("/login?error=bad"));
		mvc.perform(post("/logout").with(user(username)).with(csrf())).andExpect(redirectedUrl("/login?logout"));
	}

	@Test
	void locksTheAccountAfterFiveFailedSignIns() throws Exception {
		String username = newAccount();
		for (int i = 0; i < 5; i++) {
			mvc.perform(formLogin().user(username).password("sai-mat-khau")).andExpect(redirectedUrl("/login?error=bad"));
		}
		// even the right password is refused while locked
		mvc.perform(formLogin().user(username).password("MatKhau2026x")).andExpect(redirectedUrl("/login?error=locked"));
		mvc.perform(get("/login").param("error", "locked"))
			.andExpect(content().string(containsString("Tài khoản tạm thời bị khóa")));
	}

	/** A successful sign-in after failed ones starts the count again (four more failures do not lock the account). */
	@Test
	void aSuccessfulSignInResetsTheFailures() throws Exception {
		String username = newAccount();
		for (int i = 0; i < 4; i++) {
			mvc.perform(formLogin().user(username).password("sai-mat-khau")).andExpect(redirectedUrl("/login?error=bad"));
		}
		mvc.perform(formLogin().user(username).password("MatKhau2026x")).andExpect(redirectedUrl("/"));
		for (int i = 0; i < 4; i++) {
			mvc.perform(formLogin().user(username).password("sai-mat-khau")).andExpect(redirectedUrl("/login?error=bad"));
		}
		mvc.perform(formLogin().user(username).password("MatKhau2026x")).andExpect(redirectedUrl("/"));
	}

	/**
	 * Sessions live in PostgreSQL so that every node sees them. A page reads the session; it writes
	 * the session's last access only when that is a minute old or more.
	 */
	@Test
	void aSessionWorksAcrossPagesAndItsLastAccessIsWrittenAtMostOnceAMinute() throws Exception {
		String username = newAccount();
		var login = mvc.perform(formLogin().user(username).password("MatKhau2026x")).andExpect(redirectedUrl("/"))
			.andReturn().getResponse();
		jakarta.servlet.http.Cookie session = login.getCookie("SESSION");
		assertThat(session).isNotNull();
		long signedIn = lastAccess(username);
		for (int i = 0; i < 3; i++) {
			mvc.perform(get("/org/01").cookie(session)).andExpect(status().isOk())
				.andExpect(content().string(containsString("data-testid=\"unit-tree\"")));
		}
		assertThat(lastAccess(username)).isEqualTo(signedIn);

		jdbc.sql("update spring_session set last_access_time = last_access_time - 120000, expiry_time = expiry_time - 120000 where principal_name = ?")
			.param(username).update();
		// changed behind the node's back: it drops its copy, as a change made through another node would make it do
		sessions.drop(jdbc.sql("select session_id from spring_session where principal_name = ?").param(username)
			.query(String.class).single().strip());
		mvc.perform(get("/org/01").cookie(session)).andExpect(status().isOk());
		assertThat(lastAccess(username)).isGreaterThanOrEqualTo(signedIn);

		mvc.perform(post("/logout").cookie(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
		mvc.perform(get("/org/01").cookie(session).accept(org.springframework.http.MediaType.TEXT_HTML))
			.andExpect(redirectedUrl("/login"));
	}

	long lastAccess(String username) {
		return jdbc.sql("select last_access_time from spring_session where principal_name = ?").param(username)
			.query(Long.class).single();
	}

	/** API clients send their password with every request; an account remembered for that is forgotten the moment it changes. */
	@Test
	void anApiClientIsRefusedAsSoonAsItsAccountIsLockedOrItsPasswordChanged() throws Exception {
		String username = newAccount();
		api(username, "MatKhau2026x").andExpect(status().isOk());
		for (int i = 0; i < 5; i++) {
			api(username, "sai-mat-khau").andExpect(status().isUnauthorized());
		}
		api(username, "MatKhau2026x").andExpect(status().isUnauthorized());

		String other = newAccount();
		api(other, "MatKhau2026x").andExpect(status().isOk());
		var actor = ((AccountPrincipal) accounts.loadUserByUsername(other)).actor();
		accounts.changePassword(actor, "MatKhau2026x", "MatKhauMoi2027", "MatKhauMoi2027");
		api(other, "MatKhau2026x").andExpect(status().isUnauthorized());
		api(other, "MatKhauMoi2027").andExpect(status().isOk());
	}

	org.springframework.test.web.servlet.ResultActions api(String username, String password) throws Exception {
		return mvc.perform(get("/api/v1/jurisdictions")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(username, password)));
	}

	@Test
	void refusesAFormWithoutItsCsrfToken() throws Exception {
		mvc.perform(post("/org/01/units").with(user("hn.dieuphoi")).param("type", "DEPARTMENT").param("name", "X"))
			.andExpect(status().isForbidden());
	}

	@Test
	void sendsSecurityHeaders() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("Referrer-Policy", "same-origin"));
	}

	@Test
	void changesThePasswordOnlyWithTheCurrentOneAndAStrongNewOne() throws Exception {
		String username = newAccount();
		var principal = accounts.loadUserByUsername(username);
		mvc.perform(post("/account/password").with(user(principal)).with(csrf())
			.param("current", "sai").param("next", "MoiMoi2026ab").param("repeated", "MoiMoi2026ab"))
			.andExpect(content().string(containsString("Mật khẩu hiện tại không đúng.")));
		mvc.perform(post("/account/password").with(user(principal)).with(csrf())
			.param("current", "MatKhau2026x").param("next", "ngan").param("repeated", "ngan"))
			.andExpect(content().string(containsString("Mật khẩu cần ít nhất 10 ký tự")));
		mvc.perform(post("/account/password").with(user(principal)).with(csrf())
			.param("current", "MatKhau2026x").param("next", "MoiMoi2026ab").param("repeated", "MoiMoi2026ab"))
			.andExpect(redirectedUrl("/"));
		mvc.perform(formLogin().user(username).password("MoiMoi2026ab")).andExpect(redirectedUrl("/"));
		assertThat(accounts.loadUserByUsername(username).getPassword()).startsWith("$2");
	}

	@Test
	void onlyTheSystemAdministratorSeesTheAccounts() throws Exception {
		mvc.perform(get("/admin/accounts").with(user(accounts.loadUserByUsername("hn.dieuphoi"))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin/accounts").with(user(accounts.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hnam.vpub.canbo")));
	}
}
