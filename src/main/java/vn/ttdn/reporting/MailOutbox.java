package vn.ttdn.reporting;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the queued mail. Each node claims waiting messages with {@code for update skip locked}, so
 * two nodes never take the same one; a message is marked sent in the transaction that claimed it.
 * When the mail server is down the message stays queued and is tried again later (1, 2, 4 … up to
 * 60 minutes apart).
 */
@Component
public class MailOutbox {

	private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final String from;

	MailOutbox(JdbcClient jdbc, TransactionTemplate transaction,
			@Value("${ttdn.reminders.from:ttdn@ttdn.example}") String from) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.from = from;
	}

	record Message(long id, String recipient, String subject, String body, int attempts) {
	}

	/** Sends up to {@code limit} waiting messages due at {@code now}; returns how many the mail server accepted. */
	public int dispatch(JavaMailSender sender, Instant now, int limit) {
		Integer sent = transaction.execute(status -> {
			List<Message> batch = jdbc.sql("""
					select id, recipient, subject, body, attempts from mail_outbox
					where sent_at is null and next_attempt_at <= ? order by id limit ? for update skip locked""")
				.params(java.sql.Timestamp.from(now), limit)
				.query(Message.class)
				.list();
			int count = 0;
			for (Message m : batch) {
				try {
					send(sender, m);
					jdbc.sql("update mail_outbox set sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
						.params(java.sql.Timestamp.from(now), m.id())
						.update();
					count++;
				}
				catch (MailException | MessagingException e) {
					Duration wait = Duration.ofMinutes(Math.min(60, 1L << Math.min(m.attempts(), 6)));
					log.warn("Mail {} to {} not sent (attempt {}), retrying in {}: {}", m.id(), m.recipient(),
							m.attempts() + 1, wait, e.getMessage());
					jdbc.sql("update mail_outbox set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id = ?")
						.params(java.sql.Timestamp.from(now.plus(wait)), String.valueOf(e.getMessage()), m.id())
						.update();
				}
			}
			return count;
		});
		return sent == null ? 0 : sent;
	}

	private void send(JavaMailSender sender, Message m) throws MessagingException {
		var mime = sender.createMimeMessage();
		var helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
		helper.setFrom(from);
		helper.setTo(m.recipient());
		helper.setSubject(m.subject());
		helper.setText(m.body(), false);
		sender.send(mime);
	}

	/** How many messages wait, for operations. */
	public long waiting() {
		return jdbc.sql("select count(*) from mail_outbox where sent_at is null").query(Long.class).single();
	}
}
