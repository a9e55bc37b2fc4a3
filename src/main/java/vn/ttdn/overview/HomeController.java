package vn.ttdn.overview;

import java.time.Clock;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ttdn.organization.OrganizationQueries;
import vn.ttdn.regulation.RegulationCatalog;
import vn.ttdn.shared.security.Actor;

/** The home page: the actor's jurisdiction (or a chosen one) with counts and this year's deadlines. */
@Controller
class HomeController {

	private final OrganizationQueries organization;
	private final RegulationCatalog regulation;
	private final Clock clock;

	HomeController(OrganizationQueries organization, RegulationCatalog regulation, Clock clock) {
		this.organization = organization;
		this.regulation = regulation;
		this.clock = clock;
	}

	@GetMapping("/")
	String home(@RequestParam(name = "j", required = false) @Nullable String chosen, Actor actor, Model model) {
		LocalDate today = LocalDate.now(clock);
		String code = chosen != null ? chosen : actor.jurisdictionCode() != null ? actor.jurisdictionCode() : "01";
		var jurisdiction = organization.jurisdiction(code);
		model.addAttribute("jurisdiction", jurisdiction);
		model.addAttribute("jurisdictions", organization.jurisdictions());
		model.addAttribute("successorName", jurisdiction.successorCode() == null ? null
				: organization.jurisdiction(jurisdiction.successorCode()).name());
		model.addAttribute("counts", organization.counts(code, today));
		model.addAttribute("year", today.getYear());
		model.addAttribute("deadlines", regulation.calendar(code, today.getYear()));
		model.addAttribute("collectors", organization.holders(code, "FOREIGN_INFO_LEAD", today));
		return "overview/home";
	}
}
