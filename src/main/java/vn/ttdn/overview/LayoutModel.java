package vn.ttdn.overview;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;
import vn.ttdn.organization.OrganizationQueries;
import vn.ttdn.shared.security.CurrentActor;

/** Adds the signed-in actor and the name of their jurisdiction to every rendered page (not to API responses). */
@Configuration(proxyBeanMethods = false)
class LayoutModel implements WebMvcConfigurer {

	private final OrganizationQueries organization;
	private final Map<String, String> names = new ConcurrentHashMap<>();

	LayoutModel(OrganizationQueries organization) {
		this.organization = organization;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
					@Nullable ModelAndView mav) {
				// Pages only: a view by name or a page's own view object (the tree page), not a redirect.
				if (mav == null || mav.getViewName() == null && (mav.getView() == null || mav.getView() instanceof RedirectView)
						|| mav.getViewName() != null && mav.getViewName().startsWith("redirect:")) {
					return;
				}
				CurrentActor.get().ifPresent(actor -> {
					mav.addObject("actor", actor);
					if (actor.jurisdictionCode() != null) {
						mav.addObject("actorJurisdiction", names.computeIfAbsent(actor.jurisdictionCode(),
								code -> organization.jurisdiction(code).name()));
					}
				});
			}
		});
	}
}
