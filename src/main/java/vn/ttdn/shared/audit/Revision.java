package vn.ttdn.shared.audit;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;
import org.jspecify.annotations.Nullable;

/** One saved change set: when and by whom (C19: every change attributable to a person and time). */
@Entity
@Table(name = "revision")
@RevisionEntity(RevisionUserListener.class)
public class Revision {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	@RevisionNumber
	private Long id;

	@RevisionTimestamp
	private long timestamp;

	private @Nullable String username;

	public Long getId() {
		return id;
	}

	public Instant getInstant() {
		return Instant.ofEpochMilli(timestamp);
	}

	public @Nullable String getUsername() {
		return username;
	}

	void setUsername(@Nullable String username) {
		this.username = username;
	}
}
