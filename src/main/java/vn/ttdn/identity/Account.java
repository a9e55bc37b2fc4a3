package vn.ttdn.identity;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;
import vn.ttdn.shared.security.Actor;
import vn.ttdn.shared.security.AppRole;

/** A local account: one role, scoped to a jurisdiction and, for unit staff, a unit. */
@Entity
@Table(name = "account")
public class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;
	private String username;
	private String passwordHash;
	private String displayName;
	private @Nullable String email;
	@Enumerated(EnumType.STRING)
	private AppRole role;
	private @Nullable String jurisdictionCode;
	private @Nullable Long unitId;
	private boolean enabled = true;
	private int failedLogins;
	private @Nullable Instant lockedUntil;
	private @Nullable Instant passwordChangedAt;
	private boolean demo;

	protected Account() {
	}

	public Account(String username, String passwordHash, String displayName, @Nullable String email, AppRole role,
			@Nullable String jurisdictionCode, @Nullable Long unitId, boolean demo) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.email = email;
		this.role = role;
		this.jurisdictionCode = jurisdictionCode;
		this.unitId = unitId;
		this.demo = demo;
	}

	public Actor actor() {
		return new Actor(id, username, displayName, role, jurisdictionCode, unitId);
	}

	boolean isLocked(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	/** Counts a failed sign-in; after {@code max} in a row the account is locked for {@code lockout}. */
	void failedLogin(Instant now, int max, Duration lockout) {
		failedLogins++;
		if (failedLogins >= max) {
			lockedUntil = now.plus(lockout);
			failedLogins = 0;
		}
	}

	void succeededLogin() {
		failedLogins = 0;
		lockedUntil = null;
	}

	void changePassword(String hash, Instant now) {
		this.passwordHash = hash;
		this.passwordChangedAt = now;
	}

	public Long getId() {
		return id;
	}

	public String getUsername() {
		return username;
	}

	String getPasswordHash() {
		return passwordHash;
	}

	public String getDisplayName() {
		return displayName;
	}

	public @Nullable String getEmail() {
		return email;
	}

	public AppRole getRole() {
		return role;
	}

	public @Nullable String getJurisdictionCode() {
		return jurisdictionCode;
	}

	public @Nullable Long getUnitId() {
		return unitId;
	}

	int getFailedLogins() {
		return failedLogins;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public @Nullable Instant getLockedUntil() {
		return lockedUntil;
	}
}
