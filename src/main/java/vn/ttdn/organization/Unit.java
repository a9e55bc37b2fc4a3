package vn.ttdn.organization;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.jspecify.annotations.Nullable;
import vn.ttdn.shared.VietnameseText;

/**
 * A body (cơ quan, đơn vị) of a jurisdiction. It keeps its identity when renamed (names are
 * {@link UnitName} periods); merges and splits end it and start others, linked by a {@link Succession}.
 */
@Entity
@Audited
@Table(name = "unit")
public class Unit extends Dated {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private String jurisdictionCode;
	private @Nullable String demoKey;
	@Enumerated(EnumType.STRING)
	private UnitType type;
	private @Nullable Long parentId;
	private @Nullable String email;
	private @Nullable String phone;
	private @Nullable String address;
	private @Nullable String website;
	@Enumerated(EnumType.STRING)
	private Origin origin;
	@Column(columnDefinition = "text")
	private @Nullable String namedIn;
	@Version
	private long version;

	@NotAudited
	@ElementCollection
	@CollectionTable(name = "unit_alias", joinColumns = @JoinColumn(name = "unit_id"))
	private Set<Alias> aliases = new LinkedHashSet<>();

	/** Another spelling of the unit's name, as documents write it. */
	@Embeddable
	public record Alias(String alias, String searchKey) {
		public static Alias of(String text) {
			String clean = VietnameseText.clean(text);
			return new Alias(clean, VietnameseText.fold(clean));
		}
	}

	protected Unit() {
	}

	public Unit(String jurisdictionCode, UnitType type, @Nullable Long parentId, @Nullable LocalDate validFrom,
			Origin origin) {
		this.jurisdictionCode = jurisdictionCode;
		this.type = type;
		this.parentId = parentId;
		this.validFrom = validFrom;
		this.origin = origin;
	}

	public void describe(UnitType type, @Nullable Long parentId, @Nullable String email, @Nullable String phone,
			@Nullable String address, @Nullable String website) {
		this.type = type;
		this.parentId = parentId;
		updateContact(email, phone, address, website);
	}

	/** What a unit's own staff may change. */
	public void updateContact(@Nullable String email, @Nullable String phone, @Nullable String address,
			@Nullable String website) {
		this.email = VietnameseText.clean(email);
		this.phone = VietnameseText.clean(phone);
		this.address = VietnameseText.clean(address);
		this.website = VietnameseText.clean(website);
	}

	void markDemo(String key, @Nullable String namedIn) {
		this.demoKey = key;
		this.namedIn = namedIn;
	}

	void addAlias(String alias) {
		aliases.add(Alias.of(alias));
	}

	void end(LocalDate firstDayAfter) {
		endBefore(firstDayAfter);
	}

	public Long getId() {
		return id;
	}

	public String getJurisdictionCode() {
		return jurisdictionCode;
	}

	public @Nullable String getDemoKey() {
		return demoKey;
	}

	public UnitType getType() {
		return type;
	}

	public @Nullable Long getParentId() {
		return parentId;
	}

	public @Nullable String getEmail() {
		return email;
	}

	public @Nullable String getPhone() {
		return phone;
	}

	public @Nullable String getAddress() {
		return address;
	}

	public @Nullable String getWebsite() {
		return website;
	}

	public Origin getOrigin() {
		return origin;
	}

	public @Nullable String getNamedIn() {
		return namedIn;
	}

	public Set<Alias> getAliases() {
		return Set.copyOf(aliases);
	}
}
