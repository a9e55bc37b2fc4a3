package vn.ttdn.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The demo data files and their shapes (see {@code src/main/resources/demo}). */
final class DemoFiles {

	static final List<String> JURISDICTION_FILES = List.of("hanoi", "hanam", "binhduong");

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private DemoFiles() {
	}

	record JurisdictionFile(JurisdictionSpec jurisdiction, List<UnitEntry> units, List<DutyEntry> duties,
			List<RoleEntry> roleBindings, @Nullable List<ExternalBody> externalBodies) {
	}

	record JurisdictionSpec(String code, String name, @Nullable String nameEn, String kind, @Nullable LocalDate validTo) {
	}

	record UnitEntry(String key, String type, String name, @Nullable String abbreviation, @Nullable String nameEn,
			@Nullable String parent, @Nullable List<String> aliases, @Nullable List<String> namedIn,
			@Nullable String jurisdiction) {
	}

	record DutyEntry(int article, String unit) {
	}

	record RoleEntry(String role, String unit, @Nullable String basis) {
	}

	record ExternalBody(String name, @Nullable List<String> namedIn) {
	}

	record ChangesFile(@Nullable List<NewJurisdiction> jurisdictions, @Nullable List<UnitEntry> units,
			@Nullable List<Change> successions) {
	}

	record NewJurisdiction(String code, String name, @Nullable String nameEn, String kind, @Nullable List<String> absorbs,
			LocalDate effective, @Nullable String basis, boolean confirmed, @Nullable String source) {
	}

	record Change(String kind, LocalDate effective, List<String> from, List<String> to, @Nullable List<String> roles,
			@Nullable String basis, @Nullable String note, boolean confirmed, @Nullable String source, boolean duties) {
	}

	record DocumentsFile(List<DocumentEntry> documents) {
	}

	record DocumentEntry(String number, String jurisdiction, String kind, String title, LocalDate issuedOn,
			String issuer, @Nullable String signer, @Nullable String signerTitle, @Nullable LocalDate effectiveFrom,
			@Nullable String replaces, @Nullable String sourceFile, boolean parseArticles, @Nullable String note,
			@Nullable List<RuleEntry> rules) {
	}

	record RuleEntry(String kind, String covers, @Nullable DayOfYear dueBefore, @Nullable String form,
			String submitters, List<String> recipients, String articleRef, String quote, @Nullable String note) {
	}

	record DayOfYear(int day, int month) {
	}

	static JurisdictionFile jurisdiction(String name) {
		return read("demo/organization/" + name + ".yaml", JurisdictionFile.class);
	}

	static ChangesFile changes() {
		return read("demo/organization/changes-2025.yaml", ChangesFile.class);
	}

	static DocumentsFile documents() {
		return read("demo/regulation/documents.yaml", DocumentsFile.class);
	}

	/** A seed document's text, as shipped under {@code src/main/resources/seeds}. */
	static String seed(String file) {
		try (InputStream in = new ClassPathResource("seeds/" + file).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static <T> T read(String path, Class<T> type) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return YAML.readValue(in, type);
		}
		catch (IOException e) {
			throw new UncheckedIOException(path, e);
		}
	}
}
