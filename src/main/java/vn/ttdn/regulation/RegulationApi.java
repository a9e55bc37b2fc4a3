package vn.ttdn.regulation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ttdn.organization.OrganizationQueries;
import vn.ttdn.organization.OrganizationQueries.UnitRef;

/** A jurisdiction's legal documents and the dated deadlines they set for a year (C2). */
@RestController
@Tag(name = "Regulation", description = "Legal documents and reporting deadlines (C2)")
class RegulationApi {

	private final RegulationCatalog catalog;
	private final OrganizationQueries organization;
	private final Clock clock;

	RegulationApi(RegulationCatalog catalog, OrganizationQueries organization, Clock clock) {
		this.catalog = catalog;
		this.organization = organization;
		this.clock = clock;
	}

	record RegulationProfile(OrganizationQueries.JurisdictionView jurisdiction, int year, List<LegalDocument> documents,
			List<Deadline> deadlines, List<UnitRef> collectors) {
	}

	@GetMapping("/api/v1/jurisdictions/{code}/regulation")
	@Operation(summary = "Legal documents and the deadlines of a year, with the last on-time day of each")
	RegulationProfile regulation(@PathVariable String code, @RequestParam(required = false) @Nullable Integer year) {
		var jurisdiction = organization.jurisdiction(code);
		int y = year != null ? year : LocalDate.now(clock).getYear();
		return new RegulationProfile(jurisdiction, y, catalog.documents(code), catalog.calendar(code, y),
				RegulationController.collectors(organization, code, y, clock));
	}

	@GetMapping("/api/v1/documents/{id}/articles")
	@Operation(summary = "The articles and clauses of a legal document")
	List<RegulationCatalog.ArticleView> articles(@PathVariable long id) {
		catalog.requireDocument(id);
		return catalog.articles(id);
	}
}
