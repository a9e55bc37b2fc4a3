package vn.ttdn.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.ttdn.IntegrationTest;
import vn.ttdn.organization.OrganizationQueries.UnitRow;

/**
 * Reorganisations recorded through the web forms keep every unit's history, and the registry
 * answers "as of a date" on either side of the change.
 */
@IntegrationTest
class SuccessionTest {

	static final LocalDate BEFORE = LocalDate.of(2026, 6, 30);
	static final LocalDate CHANGE = LocalDate.of(2026, 7, 1);

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationQueries queries;

	@Autowired
	UserDetailsService users;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	/** Creates a unit through the form, as the coordinating department of Hà Nội would. */
	long createUnit(String name) throws Exception {
		String location = mvc.perform(post("/org/01/units").with(as("hn.dieuphoi")).with(csrf())
			.param("type", "DEPARTMENT").param("name", name).param("validFrom", "2020-01-01"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	List<String> namesOn(LocalDate day, String filter) {
		return queries.units("01", day, filter).stream().map(UnitRow::name).toList();
	}

	@Test
	void aMergeEndsTheMergedUnitsAndHandsTheirRolesAndDutiesToTheNewOne() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		long a = createUnit("Sở Alpha " + tag);
		long b = createUnit("Sở Beta " + tag);
		mvc.perform(post("/units/{id}/roles", a).with(as("hn.dieuphoi")).with(csrf())
			.param("roleCode", "TOURISM_PROMOTION").param("validFrom", "2020-01-01"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/units/{id}/duties", b).with(as("hn.dieuphoi")).with(csrf())
			.param("documentNumber", "16/2020/QĐ-UBND").param("article", "27").param("clause", "2")
			.param("text", "Bố trí cán bộ làm đầu mối thực hiện các nhiệm vụ thông tin đối ngoại.")
			.param("validFrom", "2020-01-01"))
			.andExpect(status().is3xxRedirection());

		mvc.perform(post("/org/01/successions").with(as("hn.dieuphoi")).with(csrf())
			.param("kind", "MERGE").param("effectiveDate", CHANGE.toString())
			.param("fromUnitIds", String.valueOf(a)).param("fromUnitIds", String.valueOf(b))
			.param("newName", "Sở Gamma " + tag).param("basis", "Quyết định số 1/QĐ-UBND"))
			.andExpect(status().is3xxRedirection());

		assertThat(namesOn(BEFORE, tag)).containsExactlyInAnyOrder("Sở Alpha " + tag, "Sở Beta " + tag);
		assertThat(namesOn(CHANGE, tag)).containsExactly("Sở Gamma " + tag);

		UnitRow gamma = queries.units("01", CHANGE, "gamma " + tag).getFirst();
		var after = queries.details(gamma.id(), CHANGE);
		assertThat(after.roles()).extracting(OrganizationQueries.RoleRow::code).containsExactly("TOURISM_PROMOTION");
		assertThat(after.duties()).extracting(OrganizationQueries.DutyRow::reference).containsExactly("Điều 27 khoản 2");
		assertThat(after.successions()).singleElement().satisfies(s -> {
			assertThat(s.kind()).isEqualTo(SuccessionKind.MERGE);
			assertThat(s.from()).extracting(OrganizationQueries.UnitRef::id).containsExactlyInAnyOrder(a, b);
		});
		// The merged unit keeps its own history: its role as it was, and when it ended.
		var alphaBefore = queries.details(a, BEFORE);
		assertThat(alphaBefore.roles()).singleElement().satisfies(r -> assertThat(r.validTo()).isEqualTo(BEFORE));
		assertThat(queries.history(a)).extracting(OrganizationQueries.HistoryRow::username).contains("hn.dieuphoi");

		mvc.perform(get("/units/{id}", a).with(as("hn.dieuphoi")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Đơn vị đã kết thúc hoạt động từ ngày 01/07/2026")))
			.andExpect(content().string(containsString("Sở Gamma " + tag)))
			.andExpect(content().string(containsString("hn.dieuphoi")));
	}

	@Test
	void aRenameKeepsTheUnitAndItsPastName() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		long id = createUnit("Ban Cũ " + tag);
		mvc.perform(post("/org/01/successions").with(as("hn.dieuphoi")).with(csrf())
			.param("kind", "RENAME").param("effectiveDate", CHANGE.toString()).param("fromUnitIds", String.valueOf(id))
			.param("newName", "Ban Mới " + tag).param("newAbbreviation", "BM"))
			.andExpect(status().is3xxRedirection());

		assertThat(queries.unitOn(id, BEFORE).orElseThrow().name()).isEqualTo("Ban Cũ " + tag);
		assertThat(queries.unitOn(id, CHANGE).orElseThrow().name()).isEqualTo("Ban Mới " + tag);
		assertThat(namesOn(BEFORE, "ban cu " + tag)).hasSize(1);
		assertThat(namesOn(CHANGE, "ban moi " + tag)).hasSize(1);
		assertThat(queries.details(id, CHANGE).names()).extracting(OrganizationQueries.NameRow::name)
			.containsExactly("Ban Cũ " + tag, "Ban Mới " + tag);
	}

	@Test
	void aChangeTheRulesDoNotAllowIsRefusedWithAMessageAndChangesNothing() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		long id = createUnit("Sở Đơn " + tag);
		mvc.perform(post("/org/01/successions").with(as("hn.dieuphoi")).with(csrf())
			.param("kind", "MERGE").param("effectiveDate", CHANGE.toString()).param("fromUnitIds", String.valueOf(id)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Vui lòng nhập tên mới.")));
		mvc.perform(post("/org/01/successions").with(as("hn.dieuphoi")).with(csrf())
			.param("kind", "RENAME").param("effectiveDate", "2019-01-01").param("fromUnitIds", String.valueOf(id))
			.param("newName", "Tên sớm"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Đơn vị không hoạt động tại ngày")));
		assertThat(queries.details(id, CHANGE).names()).hasSize(1);
		assertThat(queries.details(id, CHANGE).successions()).isEmpty();
		// and someone outside the coordinating department may not record one at all
		mvc.perform(post("/org/01/successions").with(as("hn.dulich.canbo")).with(csrf())
			.param("kind", "RENAME").param("effectiveDate", CHANGE.toString()).param("fromUnitIds", String.valueOf(id))
			.param("newName", "Tên khác"))
			.andExpect(status().isForbidden());
	}

	@Test
	void the2025ChangesAreInTheDemoData() {
		long sttt = queries.units("01", LocalDate.of(2024, 6, 1), "so thong tin va truyen thong").getFirst().id();
		assertThat(queries.details(sttt, LocalDate.of(2024, 6, 1)).roles())
			.extracting(OrganizationQueries.RoleRow::code).contains("FOREIGN_INFO_LEAD");
		assertThat(queries.holders("01", "FOREIGN_INFO_LEAD", LocalDate.of(2025, 2, 28)))
			.extracting(OrganizationQueries.UnitRef::name).containsExactly("Sở Thông tin và Truyền thông");
		assertThat(queries.holders("01", "FOREIGN_INFO_LEAD", LocalDate.of(2025, 3, 1)))
			.extracting(OrganizationQueries.UnitRef::name).containsExactly("Sở Văn hóa và Thể thao");
		// the duties of 000 Art. 15 followed the function
		var culture = queries.holders("01", "FOREIGN_INFO_LEAD", LocalDate.of(2025, 3, 1)).getFirst();
		assertThat(queries.details(culture.id(), LocalDate.of(2025, 3, 1)).duties())
			.extracting(OrganizationQueries.DutyRow::reference).contains("Điều 15 khoản 1", "Điều 15 khoản 10");
	}
}
