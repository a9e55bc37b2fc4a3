package vn.ttdn.regulation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ttdn.organization.OrganizationQueries;
import vn.ttdn.organization.OrganizationQueries.UnitRef;
import vn.ttdn.shared.security.Actor;

/** The regulation page of a jurisdiction: its documents and the reporting calendar of a year. */
@Controller
class RegulationController {

	private final RegulationCatalog catalog;
	private final OrganizationQueries organization;
	private final Clock clock;

	RegulationController(RegulationCatalog catalog, OrganizationQueries organization, Clock clock) {
		this.catalog = catalog;
		this.organization = organization;
		this.clock = clock;
	}

	@GetMapping("/regulation")
	String home(Actor actor) {
		return "redirect:/regulation/" + (actor.jurisdictionCode() != null ? actor.jurisdictionCode() : "01");
	}

	@GetMapping("/regulation/{code}")
	String page(@PathVariable String code, @RequestParam(required = false) @Nullable Integer year, Model model) {
		int y = year != null ? year : LocalDate.now(clock).getYear();
		var documents = catalog.documents(code);
		model.addAttribute("jurisdiction", organization.jurisdiction(code));
		model.addAttribute("jurisdictions", organization.jurisdictions());
		model.addAttribute("year", y);
		model.addAttribute("deadlines", catalog.calendar(code, y));
		model.addAttribute("collectors", collectors(organization, code, y, clock));
		model.addAttribute("documents", documents);
		model.addAttribute("articleCounts", catalog.articleCounts(code));
		return "regulation/page";
	}

	@GetMapping("/regulation/documents/{id}")
	String document(@PathVariable long id, Model model) {
		model.addAttribute("doc", catalog.requireDocument(id));
		model.addAttribute("articles", catalog.articles(id));
		return "regulation/document";
	}

	/** The coordinating department that collects the reports: on the first deadline day of the year, or today if sooner. */
	static List<UnitRef> collectors(OrganizationQueries organization, String code, int year, Clock clock) {
		LocalDate today = LocalDate.now(clock);
		LocalDate day = today.getYear() == year ? today : LocalDate.of(year, 1, 1);
		return organization.holders(code, "FOREIGN_INFO_LEAD", day);
	}
}
