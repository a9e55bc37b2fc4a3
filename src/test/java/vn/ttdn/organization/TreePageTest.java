package vn.ttdn.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.ttdn.IntegrationTest;

/**
 * The organisation tree page: its tree and jurisdiction chooser are rendered once per registry
 * revision and inserted as HTML, so what matters is that the text in them is escaped, that a change
 * shows at once, and that the page is still a whole page of the layout.
 */
@IntegrationTest
class TreePageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	String page(String path, String username, String... langParam) throws Exception {
		var request = get(path).with(as(username));
		if (langParam.length > 0) {
			request = request.param("lang", langParam[0]);
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void theTreeIsAWholePageWithLinksAsOfTheDayAndTheJurisdictionChosen() throws Exception {
		String html = page("/org/35", "hnam.dieuphoi");
		long office = jdbc.sql("select id from unit where demo_key = 'hnam-vpub'").query(Long.class).single();
		LocalDate day = LocalDate.of(2025, 6, 30); // Hà Nam's last day before it became part of Ninh Bình
		assertThat(html).containsOnlyOnce("<head>").containsOnlyOnce("<title>");
		assertThat(html).contains("<title>Tỉnh Hà Nam · TTĐN</title>");
		assertThat(html).contains("data-testid=\"current-user\"").contains("name=\"_csrf\"");
		assertThat(html).contains("<ul class=\"tree\" role=\"tree\" data-testid=\"unit-tree\" aria-label=\"Cây tổ chức\">");
		assertThat(html).contains("<a href=\"/units/" + office + "?asOf=" + day + "\">Văn phòng Ủy ban nhân dân tỉnh</a>");
		assertThat(html).contains("<span class=\"badge badge-role\">FOREIGN_REPORTERS</span>");
		assertThat(html).contains("<option value=\"/org/35\" selected=\"selected\">35 · Tỉnh Hà Nam</option>")
			.contains("<option value=\"/org/01\">01 · Thành phố Hà Nội</option>");
	}

	@Test
	void labelsFollowTheLanguage() throws Exception {
		String html = page("/org/01", "hn.dieuphoi", "en");
		assertThat(html).contains("aria-label=\"Organisation tree\"").contains(">Department</span>");
		assertThat(page("/org/01", "hn.dieuphoi", "vi")).contains("aria-label=\"Cây tổ chức\"").contains(">Sở, ban, ngành</span>");
	}

	/** A unit created through the form is in the tree on the next page, its name escaped as text. */
	@Test
	void aNewUnitShowsAtOnceAndItsNameIsEscaped() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		String before = page("/org/01", "hn.dieuphoi");
		String name = "Ban <b>Thử</b> & \"Tên\" " + tag;
		mvc.perform(post("/org/01/units").with(as("hn.dieuphoi")).with(csrf())
			.param("type", "DEPARTMENT").param("name", name).param("validFrom", "2020-01-01"))
			.andExpect(status().is3xxRedirection());
		String after = page("/org/01", "hn.dieuphoi");
		assertThat(before).doesNotContain(tag);
		assertThat(after).contains(">Ban &lt;b&gt;Thử&lt;/b&gt; &amp; &quot;Tên&quot; " + tag + "</a>")
			.doesNotContain("<b>Thử</b>");
	}

	@Autowired
	vn.ttdn.identity.AccountService accounts;

	/**
	 * The page is kept with the viewer's name and the sign-out form's token left open: each viewer gets
	 * their own name, escaped, and their own token, and nothing of the other's.
	 */
	@Test
	void eachViewerSeesTheirOwnNameAndTokenOnTheKeptPage() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		String first = "tp1." + tag;
		String second = "tp2." + tag;
		accounts.create(first, "MatKhau2026x", "Nguyễn <Văn> A & \"B\"", null, vn.ttdn.shared.security.AppRole.LEADER, "01", null, false);
		accounts.create(second, "MatKhau2026x", "Trần Thị Hoa", null, vn.ttdn.shared.security.AppRole.LEADER, "01", null, false);
		String one = page("/org/01", first);
		String two = page("/org/01", second);
		assertThat(one).contains("<span>Nguyễn &lt;Văn&gt; A &amp; &quot;B&quot;</span>").doesNotContain("Trần Thị Hoa")
			.doesNotContain("<Văn>");
		assertThat(two).contains("<span>Trần Thị Hoa</span>").doesNotContain("Nguyễn &lt;Văn&gt;");
		assertThat(token(one)).isNotBlank().isNotEqualTo(token(two));
		assertThat(one + two).doesNotContain("\uE000").doesNotContain("\uE001");
		// a chosen day goes through the template, with the same result for the viewer
		String chosenDay = mvc.perform(get("/org/01").param("asOf", "2024-01-01").with(as(first))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(chosenDay).contains("<span>Nguyễn &lt;Văn&gt; A &amp; &quot;B&quot;</span>").contains("data-testid=\"unit-tree\"")
			.contains("?asOf=2024-01-01\"");
		// a leader may not change the registry; the coordinating department may
		assertThat(one).doesNotContain("/org/01/units/new");
		assertThat(page("/org/01", "hn.dieuphoi")).contains("/org/01/units/new");
	}

	static String token(String html) {
		var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"").matcher(html);
		assertThat(m.find()).isTrue();
		return m.group(1);
	}
}
