package vn.ttdn.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ttdn.Accounts.as;

import java.util.List;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.envers.AuditReaderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import vn.ttdn.IntegrationTest;

/** Versions are kept: an edited draft keeps its earlier text, each version with who made it. */
@IntegrationTest
class ItemVersionsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Test
	void anEditedDraftKeepsItsEarlierTextAndWhoChangedIt() throws Exception {
		long id = new Contributions(mvc).create("Chợ Đồng Xuân, bản đầu", "Đồng Xuân market, first draft");
		mvc.perform(post("/api/v1/promotion/items/{id}", id).contentType(MediaType.APPLICATION_JSON)
			.content(Contributions.item("PUBLIC", "Chợ Đồng Xuân, chợ lớn nhất Hà Nội", "Đồng Xuân, the largest market of Hà Nội"))
			.with(as("hn.dieuphoi")))
			.andExpect(status().isOk());
		// A unit that did not contribute it may not edit it.
		mvc.perform(post("/api/v1/promotion/items/{id}", id).contentType(MediaType.APPLICATION_JSON)
			.content(Contributions.item("PUBLIC", "Sửa trái phép", "Unauthorised")).with(as("hn.vpub.canbo")))
			.andExpect(status().isForbidden());
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/promotion/items/{id}/media", id)
			.file(Contributions.photo("cho-dong-xuan-2.png")).with(as("hn.dulich.canbo")))
			.andExpect(status().isCreated());
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/promotion/items/{id}", id)
			.with(as("hn.dieuphoi")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.media.length()").value(2));
		try (var em = entityManagerFactory.createEntityManager()) {
			var audit = AuditReaderFactory.get(em);
			long translation = em.createQuery("select t.id from Translation t where t.item.id = :id and t.language = 'vi'", Long.class)
				.setParameter("id", id).getSingleResult();
			List<Number> revisions = audit.getRevisions(Translation.class, translation);
			assertThat(revisions).hasSize(2);
			assertThat(audit.find(Translation.class, translation, revisions.get(0)).getTitle()).isEqualTo("Chợ Đồng Xuân, bản đầu");
			assertThat(audit.find(Translation.class, translation, revisions.get(1)).getTitle())
				.isEqualTo("Chợ Đồng Xuân, chợ lớn nhất Hà Nội");
			assertThat(audit.findRevision(vn.ttdn.shared.audit.Revision.class, revisions.get(0)).getUsername()).isEqualTo("hn.dulich.canbo");
			assertThat(audit.findRevision(vn.ttdn.shared.audit.Revision.class, revisions.get(1)).getUsername()).isEqualTo("hn.dieuphoi");
		}
	}
}
