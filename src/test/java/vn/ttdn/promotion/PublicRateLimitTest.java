package vn.ttdn.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The public API's limit per client: a burst of twice the rate, then the rate, counted per address. */
class PublicRateLimitTest {

	@Test
	void aClientGetsABurstThenTheRateAndOthersAreNotAffected() {
		var limiter = new PublicRateLimit.Limiter(10);
		long t = 1_000_000_000L;
		int allowed = 0;
		for (int i = 0; i < 50; i++) {
			allowed += limiter.take("203.0.113.7", t) ? 1 : 0;
		}
		assertThat(allowed).isEqualTo(20);
		assertThat(limiter.take("198.51.100.2", t)).as("another client").isTrue();
		assertThat(limiter.take("203.0.113.7", t + 50_000_000L)).as("half a token later").isFalse();
		assertThat(limiter.take("203.0.113.7", t + 100_000_000L)).as("a tenth of a second later").isTrue();
	}
}
