package vn.ttdn.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.ttdn.demo.DemoFiles.Change;
import vn.ttdn.demo.DemoFiles.DocumentEntry;
import vn.ttdn.demo.DemoFiles.JurisdictionFile;
import vn.ttdn.demo.DemoFiles.UnitEntry;
import vn.ttdn.identity.AccountService;
import vn.ttdn.organization.JurisdictionKind;
import vn.ttdn.organization.OrganizationQueries;
import vn.ttdn.organization.Origin;
import vn.ttdn.organization.Post;
import vn.ttdn.organization.RegistryImport;
import vn.ttdn.organization.RegistryImport.UnitSpec;
import vn.ttdn.organization.SuccessionForm;
import vn.ttdn.organization.SuccessionKind;
import vn.ttdn.organization.UnitType;
import vn.ttdn.regulation.Coverage;
import vn.ttdn.regulation.RegulationImport;
import vn.ttdn.regulation.RegulationImport.DocumentSpec;
import vn.ttdn.regulation.RegulationImport.RuleSpec;
import vn.ttdn.regulation.RegulationText;
import vn.ttdn.regulation.ReportKind;
import vn.ttdn.shared.TtdnProperties;
import vn.ttdn.shared.security.AppRole;

/**
 * Loads the demonstration data once: the bodies and duties of the three regulations, the bodies the
 * programme and the 2023 plan name, the legal documents with their reporting rules, the recorded
 * changes of 2025, a focal officer per body, and demo accounts, once ({@link DemoDatasets}), so a
 * restart keeps users' changes and loads no duplicates.
 */
@Component
@Order(10)
class DemoDataLoader implements ApplicationRunner {

	static final String DATASET = "seeds-2026-11";
	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private final TtdnProperties properties;
	private final DemoDatasets datasets;
	private final RegistryImport registry;
	private final RegulationImport regulation;
	private final OrganizationQueries organization;
	private final AccountService accounts;
	private final Clock clock;
	private int officers;

	DemoDataLoader(TtdnProperties properties, DemoDatasets datasets, RegistryImport registry,
			RegulationImport regulation, OrganizationQueries organization, AccountService accounts, Clock clock) {
		this.properties = properties;
		this.datasets = datasets;
		this.registry = registry;
		this.regulation = regulation;
		this.organization = organization;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (properties.demo().enabled()) {
			datasets.loadOnce(DATASET, () -> load(demoPassword()));
		}
	}

	private void load(String password) {
		Map<String, Long> keys = new HashMap<>();
		List<JurisdictionFile> files = DemoFiles.JURISDICTION_FILES.stream().map(DemoFiles::jurisdiction).toList();
		Map<String, LocalDate> regulationStart = new HashMap<>();
		Map<String, DocumentEntry> regulations = new HashMap<>();

		for (JurisdictionFile file : files) {
			var j = file.jurisdiction();
			registry.jurisdiction(j.code(), j.name(), j.nameEn(), JurisdictionKind.valueOf(j.kind()));
		}
		for (DocumentEntry doc : DemoFiles.documents().documents()) {
			String text = doc.parseArticles() && doc.sourceFile() != null ? DemoFiles.seed(doc.sourceFile()) : null;
			regulation.importDocument(new DocumentSpec(doc.number(), doc.jurisdiction(), doc.kind(), doc.title(),
					doc.issuedOn(), doc.issuer(), doc.signer(), doc.signerTitle(), doc.effectiveFrom(), doc.replaces(),
					doc.sourceFile(), doc.note()), text,
					doc.rules() == null ? List.of() : doc.rules().stream().map(DemoDataLoader::rule).toList());
			if (doc.parseArticles()) {
				regulations.put(doc.jurisdiction(), doc);
				regulationStart.put(doc.jurisdiction(), doc.effectiveFrom());
			}
		}
		for (JurisdictionFile file : files) {
			String code = file.jurisdiction().code();
			createUnits(code, file.units(), null, Origin.SEED, keys);
			DocumentEntry doc = Objects.requireNonNull(regulations.get(code), "regulation of " + code);
			LocalDate from = regulationStart.get(code);
			Map<Integer, RegulationText.Article> articles = new HashMap<>();
			RegulationText.articles(DemoFiles.seed(Objects.requireNonNull(doc.sourceFile())))
				.forEach(a -> articles.put(a.number(), a));
			for (var duty : file.duties()) {
				var article = Objects.requireNonNull(articles.get(duty.article()), "article " + duty.article());
				int position = 0;
				for (var clause : article.duties()) {
					registry.duty(code, doc.number(), article.number(), clause.label(), ++position, clause.text(),
							key(keys, duty.unit()), from);
				}
			}
			for (var binding : file.roleBindings()) {
				registry.bindRole(code, binding.role(), key(keys, binding.unit()), from,
						doc.number() + (binding.basis() == null ? "" : " " + binding.basis()), true);
			}
		}
		addFocalOfficers(keys, LocalDate.of(2024, 1, 1));
		Map<String, Long> seedKeys = Map.copyOf(keys);
		applyChanges(keys, files);
		Map<String, Long> created = new HashMap<>(keys);
		created.keySet().removeAll(seedKeys.keySet());
		addFocalOfficers(created, null);
		addAccounts(password);
	}

	private void createUnits(String defaultJurisdiction, List<UnitEntry> entries, @Nullable LocalDate validFrom,
			Origin origin, Map<String, Long> keys) {
		for (UnitEntry u : entries) {
			String jurisdiction = u.jurisdiction() != null ? u.jurisdiction() : defaultJurisdiction;
			keys.put(u.key(), registry.unit(new UnitSpec(jurisdiction, UnitType.valueOf(u.type()), u.name(),
					u.abbreviation(), u.nameEn(), null, validFrom, origin, u.key(),
					u.namedIn() == null ? null : String.join("; ", u.namedIn()),
					u.aliases() == null ? List.of() : u.aliases())));
		}
		for (UnitEntry u : entries) {
			if (u.parent() != null) {
				registry.setParent(keys.get(u.key()), key(keys, u.parent()));
			}
		}
	}

	/** The recorded changes of 2025 (changes-2025.yaml), applied in date order as successions. */
	private void applyChanges(Map<String, Long> keys, List<JurisdictionFile> files) {
		var changes = DemoFiles.changes();
		Map<String, UnitEntry> newUnits = new HashMap<>();
		if (changes.jurisdictions() != null) {
			for (var j : changes.jurisdictions()) {
				registry.jurisdiction(j.code(), j.name(), j.nameEn(), JurisdictionKind.valueOf(j.kind()));
			}
		}
		if (changes.units() != null) {
			changes.units().forEach(u -> newUnits.put(u.key(), u));
		}
		List<Change> ordered = changes.successions() == null ? List.of()
				: changes.successions().stream().sorted(Comparator.comparing(Change::effective)).toList();
		// Bodies the seeds do not name but which a change starts from existed before it.
		for (Change change : ordered) {
			for (String source : change.from()) {
				if (!keys.containsKey(source) && newUnits.containsKey(source)) {
					UnitEntry entry = newUnits.get(source);
					createUnits(Objects.requireNonNull(entry.jurisdiction(), source), List.of(entry), null,
							Origin.SUCCESSION, keys);
				}
			}
		}
		for (Change change : ordered) {
			SuccessionKind kind = SuccessionKind.valueOf(change.kind());
			String jurisdiction = jurisdictionOf(change.to().isEmpty() ? change.from().getFirst() : change.to().getFirst(),
					keys, newUnits);
			for (String target : change.to()) {
				if (!keys.containsKey(target) && newUnits.containsKey(target) && kind != SuccessionKind.RENAME) {
					UnitEntry entry = newUnits.get(target);
					createUnits(entry.jurisdiction() == null ? jurisdiction : entry.jurisdiction(), List.of(entry),
							change.effective(), Origin.SUCCESSION, keys);
				}
			}
			List<Long> from = change.from().stream().map(k -> key(keys, k)).toList();
			switch (kind) {
				case RENAME -> {
					UnitEntry renamed = Objects.requireNonNull(newUnits.get(change.to().getFirst()), change.to().getFirst());
					registry.succession(jurisdiction, form(kind, change, from, null, renamed, null), change.confirmed(),
							change.source());
					keys.put(renamed.key(), from.getFirst());
				}
				case ROLE_TRANSFER -> {
					for (String role : Objects.requireNonNullElse(change.roles(), List.<String>of())) {
						registry.succession(jurisdiction, form(kind, change, from, key(keys, change.to().getFirst()), null, role),
								change.confirmed(), change.source());
					}
				}
				default -> registry.succession(jurisdiction,
						form(kind, change, from, key(keys, change.to().getFirst()), null, null), change.confirmed(),
						change.source());
			}
		}
		if (changes.jurisdictions() != null) {
			for (var j : changes.jurisdictions()) {
				for (String absorbed : Objects.requireNonNullElse(j.absorbs(), List.<String>of())) {
					if (files.stream().noneMatch(f -> f.jurisdiction().code().equals(absorbed))) {
						continue; // merged too, but not among the seeds' jurisdictions
					}
					registry.mergeJurisdiction(absorbed, j.code(), j.effective().minusDays(1),
							(j.basis() == null ? "" : j.basis()) + (j.confirmed() ? "" : " (chưa xác nhận)"));
				}
			}
		}
	}

	private static SuccessionForm form(SuccessionKind kind, Change change, List<Long> from, @Nullable Long to,
			@Nullable UnitEntry renamed, @Nullable String role) {
		return new SuccessionForm(kind, change.effective(), from, to, renamed == null ? null : renamed.name(),
				renamed == null ? null : renamed.abbreviation(), renamed == null ? null : renamed.nameEn(), null, role,
				null, change.basis(), change.note(), change.duties());
	}

	private String jurisdictionOf(String key, Map<String, Long> keys, Map<String, UnitEntry> newUnits) {
		if (keys.containsKey(key)) {
			return organization.unitOn(keys.get(key), LocalDate.now(clock)).orElseThrow().jurisdictionCode();
		}
		UnitEntry entry = Objects.requireNonNull(newUnits.get(key), "unit key " + key);
		return Objects.requireNonNull(entry.jurisdiction(), "jurisdiction of " + key);
	}

	/**
	 * Every body (but classes of bodies) gets a fictional focal officer (000 Art. 27.2), marked as
	 * demonstration data; a body created by a change gets one from the day it starts.
	 */
	private void addFocalOfficers(Map<String, Long> units, @Nullable LocalDate from) {
		List<String> sorted = new ArrayList<>(units.keySet());
		sorted.sort(null);
		for (String key : sorted) {
			long unitId = units.get(key);
			var unit = organization.unitOn(unitId, LocalDate.now(clock)).orElseThrow();
			if (unit.type() == UnitType.COLLECTIVE || from == null && unit.validTo() != null) {
				continue;
			}
			int i = officers++;
			registry.person(unitId, DemoNames.person(i), Post.FOCAL_OFFICER, "Chuyên viên", DemoNames.phone(i),
					"daumoi." + key + "@ttdn.example", from != null ? from : unit.validFrom(), true);
		}
	}

	private void addAccounts(String password) {
		accounts.create("admin", password, "Quản trị hệ thống", "admin@ttdn.example", AppRole.SYSTEM_ADMIN, null, null, true);
		LocalDate today = LocalDate.now(clock);
		for (DemoAccounts.Spec spec : DemoAccounts.SPECS) {
			Long unit = spec.unitKey() == null ? null : registry.unitIdByKey(spec.unitKey());
			if (spec.unitKey() != null && unit == null) {
				log.warn("Demo account {} skipped: no unit {}", spec.username(), spec.unitKey());
				continue;
			}
			if (spec.role() == AppRole.JURISDICTION_ADMIN) {
				unit = organization.holders(spec.jurisdiction(), "FOREIGN_INFO_LEAD", today).stream()
					.findFirst().map(OrganizationQueries.UnitRef::id).orElse(unit);
			}
			accounts.create(spec.username(), password, spec.displayName(), spec.username() + "@ttdn.example",
					spec.role(), spec.jurisdiction(), unit, true);
		}
	}

	private String demoPassword() {
		String configured = properties.demo().password();
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
		var random = new SecureRandom();
		var sb = new StringBuilder("Ttdn");
		for (int i = 0; i < 12; i++) {
			sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		String generated = sb.append(random.nextInt(10)).toString();
		log.warn("""

				=====================================================================
				 Demo accounts created. Password for all of them (shown only once):
				   {}
				 Set TTDN_DEMO_PASSWORD before the first start to choose it.
				=====================================================================""", generated);
		return generated;
	}

	private static RuleSpec rule(DemoFiles.RuleEntry r) {
		return new RuleSpec(ReportKind.valueOf(r.kind()), Coverage.valueOf(r.covers()),
				r.dueBefore() == null ? null : r.dueBefore().day(), r.dueBefore() == null ? null : r.dueBefore().month(),
				r.form(), r.submitters(), r.recipients(), r.articleRef(), r.quote(), r.note());
	}

	private static long key(Map<String, Long> keys, String key) {
		return Objects.requireNonNull(keys.get(key), () -> "unknown unit key " + key);
	}
}
