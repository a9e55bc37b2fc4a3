package vn.ttdn.promotion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * An item of the collection with what is the same in every language; its text is in its
 * {@link Translation}s. Its status and classification decide whether it may leave the system.
 */
@Entity
@Audited
@Table(name = "promo_item")
public class PromoItem {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@KeywordField
	private String jurisdictionCode;

	@GenericField(aggregable = Aggregable.YES)
	private Long unitId;

	@Enumerated(EnumType.STRING)
	@KeywordField(aggregable = Aggregable.YES)
	private ItemKind kind;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	@KeywordField(aggregable = Aggregable.YES)
	private String[] fields = {};

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "text[]")
	@KeywordField
	private String[] tags = {};

	private @Nullable String place;

	@GenericField(sortable = Sortable.YES)
	private @Nullable LocalDate takenOn;

	private @Nullable String author;
	private @Nullable String credit;
	private String licence;

	@Enumerated(EnumType.STRING)
	@KeywordField
	private Classification classification;

	@Enumerated(EnumType.STRING)
	@KeywordField
	private ItemStatus status;

	private String createdBy;
	private Instant createdAt;
	private Instant updatedAt;
	private @Nullable Instant publishedAt;

	@Version
	@NotAudited
	private long version;

	@OneToMany(mappedBy = "item", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("id")
	private List<Translation> translations = new ArrayList<>();

	protected PromoItem() {
	}

	PromoItem(String jurisdictionCode, long unitId, ItemKind kind, Classification classification, String licence,
			String createdBy, Instant now) {
		this.jurisdictionCode = jurisdictionCode;
		this.unitId = unitId;
		this.kind = kind;
		this.classification = classification;
		this.licence = licence;
		this.status = ItemStatus.DRAFT;
		this.createdBy = createdBy;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void describe(List<Topic> topics, List<String> tags, @Nullable String place, @Nullable LocalDate takenOn,
			@Nullable String author, @Nullable String credit, String licence) {
		this.fields = topics.stream().map(Enum::name).distinct().toArray(String[]::new);
		this.tags = tags.stream().distinct().toArray(String[]::new);
		this.place = place;
		this.takenOn = takenOn;
		this.author = author;
		this.credit = credit;
		this.licence = licence;
	}

	/** The calendar year of the item (its date, or the year it was contributed), for the year facet. */
	@Transient
	@GenericField(aggregable = Aggregable.YES)
	@IndexingDependency(derivedFrom = { @ObjectPath(@PropertyValue(propertyName = "takenOn")),
			@ObjectPath(@PropertyValue(propertyName = "createdAt")) })
	public int getYear() {
		return takenOn != null ? takenOn.getYear() : createdAt.atZone(java.time.ZoneOffset.UTC).getYear();
	}

	Translation translate(String language, String title, @Nullable String summary, @Nullable String body) {
		Translation t = translation(language).orElseGet(() -> {
			Translation created = new Translation(this, language);
			translations.add(created);
			return created;
		});
		t.write(title, summary, body);
		return t;
	}

	Optional<Translation> translation(String language) {
		return translations.stream().filter(t -> t.getLanguage().equals(language)).findFirst();
	}

	void move(ItemStatus next, Instant now) {
		this.status = next;
		this.updatedAt = now;
		if (next == ItemStatus.PUBLISHED && publishedAt == null) {
			publishedAt = now;
		}
	}

	void classify(Classification classification) {
		this.classification = classification;
	}

	public Long getId() {
		return id;
	}

	public String getJurisdictionCode() {
		return jurisdictionCode;
	}

	public long getUnitId() {
		return unitId;
	}

	public ItemKind getKind() {
		return kind;
	}

	public List<String> getFields() {
		return List.of(fields);
	}

	public List<String> getTags() {
		return List.of(tags);
	}

	public @Nullable String getPlace() {
		return place;
	}

	public @Nullable LocalDate getTakenOn() {
		return takenOn;
	}

	public @Nullable String getAuthor() {
		return author;
	}

	public @Nullable String getCredit() {
		return credit;
	}

	public String getLicence() {
		return licence;
	}

	public Classification getClassification() {
		return classification;
	}

	public ItemStatus getStatus() {
		return status;
	}

	public String getCreatedBy() {
		return createdBy;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public @Nullable Instant getPublishedAt() {
		return publishedAt;
	}

	public long getVersion() {
		return version;
	}

	public List<Translation> getTranslations() {
		return translations;
	}
}
