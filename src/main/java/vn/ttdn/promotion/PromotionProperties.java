package vn.ttdn.promotion;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the collection ({@code ttdn.promotion.*}): the languages it holds, in the order the
 * portal offers them, and how many public API requests a client may make per second.
 */
@ConfigurationProperties("ttdn.promotion")
public record PromotionProperties(
		@DefaultValue({ "vi", "en", "zh", "fr", "ja", "ko", "ru", "lo", "km" }) List<String> languages,
		@DefaultValue("50") int publicRequestsPerSecond) {

	public boolean holds(String language) {
		return languages.contains(language);
	}
}
