package org.tidings.server.account;

import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.tidings.server.config.TidingsProperties;

/**
 * Account e-mails through the operator's SMTP server. Sends nothing without {@code tidings.public-url}:
 * a link built from the request's Host header could point a reader at someone else's site.
 */
@Component
class ResetMail {

    private static final Logger log = LoggerFactory.getLogger(ResetMail.class);

    private final JavaMailSenderImpl sender;
    private final String from;
    private final String publicUrl;
    private final MessageSource messages;

    ResetMail(TidingsProperties properties, MessageSource messages) {
        TidingsProperties.Mail mail = properties.mail();
        this.messages = messages;
        this.from = mail.from();
        this.publicUrl = properties.publicUrl().replaceAll("/+$", "");
        if (mail.configured() && publicUrl.isBlank()) {
            log.atWarn().addKeyValue("event", "mail_disabled")
                    .log("tidings.mail.host is set but tidings.public-url is not: reset e-mails need the public address; not sending any");
        }
        this.sender = mail.configured() && !publicUrl.isBlank() ? sender(mail) : null;
    }

    boolean enabled() {
        return sender != null;
    }

    /** False when no e-mail could be sent. */
    boolean sendResetLink(String to, String token, Locale locale) {
        String link = publicUrl + "/reset/" + token;
        return send(to, "reset", messages.getMessage("mail.reset.subject", null, locale),
                messages.getMessage("mail.reset.body", new Object[] {link, ReaderAccounts.RESET_BY_MAIL.toMinutes()}, locale));
    }

    /** Tells an address's owner that someone tried to sign up with it (the page said the same as for a new address). */
    boolean sendAlreadyRegistered(String to, Locale locale) {
        return send(to, "address_taken", messages.getMessage("mail.taken.subject", null, locale),
                messages.getMessage("mail.taken.body", new Object[] {publicUrl + "/reset"}, locale));
    }

    private boolean send(String to, String kind, String subject, String body) {
        if (sender == null) return false;
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(body);
        try {
            sender.send(message);
            log.atInfo().addKeyValue("event", "mail_sent").addKeyValue("kind", kind).log("Account e-mail sent");
            return true;
        } catch (MailException e) {
            log.atWarn().addKeyValue("event", "mail_failed").addKeyValue("kind", kind).addKeyValue("error", e.getMessage())
                    .log("Could not send an account e-mail");
            return false;
        }
    }

    private static JavaMailSenderImpl sender(TidingsProperties.Mail mail) {
        JavaMailSenderImpl s = new JavaMailSenderImpl();
        s.setHost(mail.host());
        s.setPort(mail.port());
        s.setDefaultEncoding("UTF-8");
        Properties p = s.getJavaMailProperties();
        boolean implicitTls = "tls".equalsIgnoreCase(mail.security());
        if (implicitTls) s.setProtocol("smtps");
        String prefix = implicitTls ? "mail.smtps." : "mail.smtp.";
        if (!mail.username().isBlank()) {
            s.setUsername(mail.username());
            s.setPassword(mail.password());
            p.put(prefix + "auth", "true");
        }
        if ("starttls".equalsIgnoreCase(mail.security())) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        for (String timeout : new String[] {"connectiontimeout", "timeout", "writetimeout"}) p.put(prefix + timeout, "10000");
        return s;
    }
}
