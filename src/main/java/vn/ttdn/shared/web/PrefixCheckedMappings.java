package vn.ttdn.shared.web;

import java.util.IdentityHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finding the controller method for a path with variables ({@code /api/v1/units/123}) means trying
 * every mapping that has variables, about two hundred here, each with all its conditions (method,
 * headers, media types, then the path): a quarter of the application's CPU on a cached API call. A
 * mapping can only match a path that starts with the literal text of one of its patterns (up to the
 * first variable or wildcard), so mappings whose literal start differs are passed over before their
 * conditions are evaluated. Paths with encoded characters go the usual way.
 */
@Configuration(proxyBeanMethods = false)
class PrefixCheckedMappings {

	@Bean
	WebMvcRegistrations prefixCheckedRequestMappings() {
		return new WebMvcRegistrations() {
			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new Mapping();
			}
		};
	}

	static final class Mapping extends RequestMappingHandlerMapping {

		private static final String[] ANY = { "" };

		/** The path being looked up on this thread, when it has no encoded characters. */
		private static final ThreadLocal<String> PATH = new ThreadLocal<>();

		/** Per mapping (the registered instances, by identity), the literal starts of its patterns; copied on write. */
		private volatile Map<RequestMappingInfo, String[]> literalStarts = new IdentityHashMap<>();

		@Override
		protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
			PATH.set(lookupPath.indexOf('%') < 0 ? lookupPath : null);
			try {
				return super.lookupHandlerMethod(lookupPath, request);
			}
			finally {
				PATH.remove();
			}
		}

		@Override
		protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
			String path = PATH.get();
			if (path != null && !startsWithAny(path, literalStarts(info))) {
				return null;
			}
			return super.getMatchingMapping(info, request);
		}

		private boolean startsWithAny(String path, String[] starts) {
			boolean ignoreCase = getPatternParser() != null && !getPatternParser().isCaseSensitive();
			for (String start : starts) {
				if (ignoreCase ? path.regionMatches(true, 0, start, 0, start.length()) : path.startsWith(start)) {
					return true;
				}
			}
			return false;
		}

		private String[] literalStarts(RequestMappingInfo info) {
			String[] starts = literalStarts.get(info);
			if (starts == null) {
				PathPatternsRequestCondition condition = info.getPathPatternsCondition();
				starts = condition == null || condition.getPatterns().isEmpty() ? ANY
						: condition.getPatterns().stream().map(PathPattern::getPatternString).map(Mapping::literalStart)
							.toArray(String[]::new);
				synchronized (this) {
					Map<RequestMappingInfo, String[]> copy = new IdentityHashMap<>(literalStarts);
					copy.put(info, starts);
					literalStarts = copy;
				}
			}
			return starts;
		}

		/** The pattern's text before its first variable or wildcard ("" when it does not start with a slash). */
		static String literalStart(String pattern) {
			if (!pattern.startsWith("/")) {
				return "";
			}
			for (int i = 0; i < pattern.length(); i++) {
				char c = pattern.charAt(i);
				if (c == '{' || c == '*' || c == '?') {
					return pattern.substring(0, i);
				}
			}
			return pattern;
		}
	}
}
