package vn.ttdn.promotion;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code ttdn.promotion.public-requests-per-second} public API requests per second from one
 * client address (bursts up to twice that); beyond it, 429 with a Retry-After. Counted per node.
 */
@Configuration(proxyBeanMethods = false)
class PublicRateLimit {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> publicRateLimitFilter(PromotionProperties properties) {
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Limiter(properties.publicRequestsPerSecond()));
		registration.addUrlPatterns("/api/v1/public/*");
		registration.setOrder(-200);
		return registration;
	}

	static final class Limiter extends OncePerRequestFilter {

		private final double rate;
		private final double burst;
		private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

		Limiter(int perSecond) {
			this.rate = perSecond;
			this.burst = 2.0 * perSecond;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!take(request.getRemoteAddr(), System.nanoTime())) {
				response.setStatus(429);
				response.setHeader("Retry-After", "1");
				response.setContentType("application/json;charset=UTF-8");
				response.getWriter().write("{\"status\":429,\"message\":\"Quá nhiều yêu cầu; vui lòng thử lại sau. / Too many requests; please retry later.\"}");
				return;
			}
			chain.doFilter(request, response);
		}

		boolean take(String client, long now) {
			if (buckets.size() > 100_000) {
				buckets.clear();
			}
			double[] bucket = buckets.computeIfAbsent(client, c -> new double[] { burst, now });
			synchronized (bucket) {
				double tokens = Math.min(burst, bucket[0] + (now - bucket[1]) / 1e9 * rate);
				bucket[1] = now;
				if (tokens < 1) {
					bucket[0] = tokens;
					return false;
				}
				bucket[0] = tokens - 1;
				return true;
			}
		}
	}
}
