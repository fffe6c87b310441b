//! Outgoing mail (sign-up verification, password reset) with `lettre`.
//!
//! [`MailSettings`] reads the environment, [`Mailer`] sends an [`OutgoingMail`] through one
//! of three transports:
//!
//! - **SMTP** when `SMTP_URL` is set (production): `smtps://user:pass@host` (TLS from the
//!   start, port 465), `smtp://user:pass@host:587?tls=required` (STARTTLS required), or
//!   `smtp://host:2525` (plain, no TLS at all: local relays and the tests' fake server).
//!   TLS is rustls with the OS trust store (`rustls-platform-verifier`).
//! - **File** otherwise (dev default): one `.eml` file per message in `MAIL_DIR`
//!   (`.data/mail`), readable in any text editor or mail client.
//! - **Log** with `MAIL_TRANSPORT=log`: only the recipient and subject are logged.
//!
//! Bodies carry one-time tokens, so they are never logged. Errors shown to callers say
//! what failed in general terms; the details go to `tracing`.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Body, Mailbox, MultiPart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// SMTP server URL; when set (and `MAIL_TRANSPORT` does not say otherwise) mail goes there.
pub const SMTP_URL_ENV: &str = "SMTP_URL";
/// Directory of the file transport's `.eml` files.
pub const MAIL_DIR_ENV: &str = "MAIL_DIR";
/// Forces a transport: `smtp`, `file` or `log`.
pub const MAIL_TRANSPORT_ENV: &str = "MAIL_TRANSPORT";
/// Sender mailbox, e.g. `LuxeVerse <no-reply@luxeverse.test>`.
pub const MAIL_FROM_ENV: &str = "MAIL_FROM";

/// Where the file transport writes when `MAIL_DIR` is not set (relative to the working
/// directory, which is the workspace root for `cargo leptos` and the scripts).
pub const DEFAULT_MAIL_DIR: &str = ".data/mail";
/// The sender when `MAIL_FROM` is not set.
pub const DEFAULT_MAIL_FROM: &str = "LuxeVerse <no-reply@luxeverse.test>";

/// How the application sends mail, read from the environment by [`MailSettings::from_lookup`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailSettings {
    /// The `From` mailbox (validated by `from_lookup`, parsed again by [`Mailer::new`]).
    pub from: String,
    pub transport: MailTransportSetting,
}

/// Which transport [`Mailer`] uses.
#[derive(Clone, PartialEq, Eq)]
pub enum MailTransportSetting {
    /// An SMTP server, as a lettre connection URL (`smtp://`, `smtps://`, `?tls=required`).
    Smtp { url: String },
    /// `.eml` files in a directory (created when missing).
    File { dir: PathBuf },
    /// Log the recipient and subject only; nothing is delivered.
    Log,
}

/// The URL may carry a password: Debug shows it with the credentials masked.
impl fmt::Debug for MailTransportSetting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Smtp { url } => f
                .debug_struct("Smtp")
                .field("url", &redact_credentials(url))
                .finish(),
            Self::File { dir } => f.debug_struct("File").field("dir", dir).finish(),
            Self::Log => f.write_str("Log"),
        }
    }
}

/// A configuration mistake, naming the variable to fix.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum MailConfigError {
    #[error(
        "MAIL_FROM is not a valid mailbox ({value:?}); expected e.g. `LuxeVerse <no-reply@example.com>`"
    )]
    InvalidFrom { value: String },
    #[error("MAIL_TRANSPORT must be `smtp`, `file` or `log`, not {value:?}")]
    InvalidTransport { value: String },
    #[error("MAIL_TRANSPORT=smtp needs SMTP_URL (e.g. `smtps://user:pass@smtp.example.com`)")]
    MissingSmtpUrl,
    // The value is not repeated: it may hold a password.
    #[error("SMTP_URL must start with `smtp://` or `smtps://`")]
    InvalidSmtpUrl,
}

impl MailSettings {
    /// Reads the settings from the process environment.
    pub fn from_env() -> Result<Self, MailConfigError> {
        Self::from_lookup(|key| std::env::var(key).ok())
    }

    /// Reads the settings through `lookup` (the environment, or a map in tests). Empty
    /// values count as unset.
    ///
    /// The transport is `MAIL_TRANSPORT` when set; otherwise SMTP when `SMTP_URL` is set,
    /// else files in `MAIL_DIR` (default [`DEFAULT_MAIL_DIR`]).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, MailConfigError> {
        let get = |key: &str| {
            lookup(key)
                .map(|value| value.trim().to_owned())
                .filter(|value| !value.is_empty())
        };

        let from = get(MAIL_FROM_ENV).unwrap_or_else(|| DEFAULT_MAIL_FROM.to_owned());
        if from.parse::<Mailbox>().is_err() {
            return Err(MailConfigError::InvalidFrom { value: from });
        }

        let smtp = |url: Option<String>| {
            let url = url.ok_or(MailConfigError::MissingSmtpUrl)?;
            if url.starts_with("smtp://") || url.starts_with("smtps://") {
                Ok(MailTransportSetting::Smtp { url })
            } else {
                Err(MailConfigError::InvalidSmtpUrl)
            }
        };
        let file = || MailTransportSetting::File {
            dir: get(MAIL_DIR_ENV)
                .unwrap_or_else(|| DEFAULT_MAIL_DIR.to_owned())
                .into(),
        };

        let transport = match get(MAIL_TRANSPORT_ENV) {
            None => match get(SMTP_URL_ENV) {
                Some(url) => smtp(Some(url))?,
                None => file(),
            },
            Some(kind) => match kind.to_ascii_lowercase().as_str() {
                "smtp" => smtp(get(SMTP_URL_ENV))?,
                "file" => file(),
                "log" => MailTransportSetting::Log,
                _ => return Err(MailConfigError::InvalidTransport { value: kind }),
            },
        };

        Ok(Self { from, transport })
    }
}

/// One message to send. `text` is always sent; with `html` the message is
/// `multipart/alternative` (text first, HTML preferred by clients that render it).
#[derive(Clone, PartialEq, Eq)]
pub struct OutgoingMail {
    /// The recipient, a bare address or `Name <address>`.
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
    /// A one-click unsubscribe URL, sent as `List-Unsubscribe` with
    /// `List-Unsubscribe-Post` (RFC 8058) so mail clients offer the button.
    pub unsubscribe: Option<String>,
}

/// Bodies hold one-time tokens: Debug leaves them out.
impl fmt::Debug for OutgoingMail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OutgoingMail")
            .field("to", &self.to)
            .field("subject", &self.subject)
            .finish_non_exhaustive()
    }
}

/// `List-Unsubscribe: <url>` (RFC 2369).
#[derive(Clone)]
struct ListUnsubscribe(String);

impl lettre::message::header::Header for ListUnsubscribe {
    fn name() -> lettre::message::header::HeaderName {
        lettre::message::header::HeaderName::new_from_ascii_str("List-Unsubscribe")
    }

    fn parse(value: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribe(value.to_string()))
    }

    fn display(&self) -> lettre::message::header::HeaderValue {
        lettre::message::header::HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058).
#[derive(Clone)]
struct ListUnsubscribePost;

impl lettre::message::header::Header for ListUnsubscribePost {
    fn name() -> lettre::message::header::HeaderName {
        lettre::message::header::HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribePost)
    }

    fn display(&self) -> lettre::message::header::HeaderValue {
        lettre::message::header::HeaderValue::new(
            Self::name(),
            "List-Unsubscribe=One-Click".to_string(),
        )
    }
}

/// Why mail could not be set up or sent. Messages are safe to show; details are logged.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum MailError {
    #[error("the configured sender address is not a valid mailbox")]
    InvalidSender,
    #[error("the mail transport could not be set up")]
    Setup,
    #[error("the recipient address is not valid")]
    InvalidRecipient,
    #[error("the message could not be composed")]
    Compose,
    #[error("the message could not be sent")]
    Send,
}

/// Sends mail through the configured transport. Cheap to clone (shared state behind an
/// `Arc`; the SMTP transport keeps a small connection pool).
#[derive(Clone)]
pub struct Mailer {
    inner: Arc<Inner>,
}

struct Inner {
    from: Mailbox,
    transport: Transport,
}

enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    File {
        transport: AsyncFileTransport<Tokio1Executor>,
        dir: PathBuf,
    },
    Log,
}

impl fmt::Debug for Mailer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let transport = match &self.inner.transport {
            Transport::Smtp(_) => "smtp",
            Transport::File { .. } => "file",
            Transport::Log => "log",
        };
        f.debug_struct("Mailer")
            .field("from", &self.inner.from.to_string())
            .field("transport", &transport)
            .finish()
    }
}

impl Mailer {
    /// Builds the transport. The file transport's directory is created here.
    ///
    /// With SMTP this must run inside a Tokio runtime: lettre's connection pool spawns
    /// its cleanup task when the transport is built. Nothing connects until the first send.
    pub fn new(settings: &MailSettings) -> Result<Self, MailError> {
        let from = settings.from.parse::<Mailbox>().map_err(|error| {
            tracing::error!(%error, from = %settings.from, "invalid sender mailbox");
            MailError::InvalidSender
        })?;

        let transport = match &settings.transport {
            MailTransportSetting::Smtp { url } => {
                let builder =
                    AsyncSmtpTransport::<Tokio1Executor>::from_url(url).map_err(|error| {
                        tracing::error!(
                            %error,
                            url = %redact_credentials(url),
                            "invalid SMTP_URL"
                        );
                        MailError::Setup
                    })?;
                Transport::Smtp(builder.build())
            }
            MailTransportSetting::File { dir } => {
                std::fs::create_dir_all(dir).map_err(|error| {
                    tracing::error!(%error, dir = %dir.display(), "could not create the mail directory");
                    MailError::Setup
                })?;
                Transport::File {
                    transport: AsyncFileTransport::new(dir),
                    dir: dir.clone(),
                }
            }
            MailTransportSetting::Log => Transport::Log,
        };

        Ok(Self {
            inner: Arc::new(Inner { from, transport }),
        })
    }

    /// Composes and sends one message.
    pub async fn send(&self, mail: OutgoingMail) -> Result<(), MailError> {
        let OutgoingMail {
            to,
            subject,
            text,
            html,
            unsubscribe,
        } = mail;

        let recipient = to.parse::<Mailbox>().map_err(|error| {
            tracing::warn!(%error, to = %to, "invalid recipient");
            MailError::InvalidRecipient
        })?;

        let mut builder = Message::builder()
            .from(self.inner.from.clone())
            .to(recipient)
            .subject(subject.clone());
        if let Some(url) = unsubscribe {
            builder = builder
                .header(ListUnsubscribe(format!("<{url}>")))
                .header(ListUnsubscribePost);
        }
        let message = match html {
            Some(html) => builder.multipart(MultiPart::alternative_plain_html(
                readable_body(text)?,
                readable_body(html)?,
            )),
            None => builder
                .header(ContentType::TEXT_PLAIN)
                .body(readable_body(text)?),
        }
        .map_err(|error| {
            tracing::error!(%error, to = %to, "could not build the message");
            MailError::Compose
        })?;

        match &self.inner.transport {
            Transport::Smtp(transport) => {
                let response = transport.send(message).await.map_err(|error| {
                    tracing::error!(%error, to = %to, subject = %subject, "SMTP delivery failed");
                    MailError::Send
                })?;
                tracing::info!(
                    to = %to,
                    subject = %subject,
                    code = %response.code(),
                    "mail sent over SMTP"
                );
            }
            Transport::File { transport, dir } => {
                let id = transport.send(message).await.map_err(|error| {
                    tracing::error!(
                        %error,
                        to = %to,
                        dir = %dir.display(),
                        "could not write the mail file"
                    );
                    MailError::Send
                })?;
                tracing::info!(
                    to = %to,
                    subject = %subject,
                    file = %dir.join(format!("{id}.eml")).display(),
                    "mail written to a file"
                );
            }
            Transport::Log => {
                tracing::info!(to = %to, subject = %subject, "mail not sent (MAIL_TRANSPORT=log)");
            }
        }
        Ok(())
    }
}

/// A text body that stays human-readable on the wire and on disk: 7bit when the text
/// allows it, quoted-printable otherwise, never base64 (which lettre would pick for
/// mostly non-ASCII text), so `.eml` files and captured test mail can be read and grepped.
fn readable_body(text: String) -> Result<Body, MailError> {
    let body = Body::new(text.clone());
    if body.encoding() != ContentTransferEncoding::Base64 {
        return Ok(body);
    }
    Body::new_with_encoding(text, ContentTransferEncoding::QuotedPrintable).map_err(|_| {
        tracing::error!("could not encode the body as quoted-printable");
        MailError::Compose
    })
}

/// `scheme://user:pass@host...` becomes `scheme://***@host...`.
fn redact_credentials(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{scheme}://***{}", &rest[at..]),
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn settings(vars: &[(&str, &str)]) -> Result<MailSettings, MailConfigError> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
            .collect();
        MailSettings::from_lookup(|key| vars.get(key).cloned())
    }

    fn mail(text: &str, html: Option<&str>) -> OutgoingMail {
        OutgoingMail {
            to: "Ada Lovelace <ada@luxeverse.test>".into(),
            subject: "Verify your email address".into(),
            text: text.into(),
            html: html.map(Into::into),
            unsubscribe: None,
        }
    }

    /// The `.eml` files in `dir`, read as text.
    fn eml_files(dir: &std::path::Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "eml"))
            .map(|path| std::fs::read_to_string(path).unwrap())
            .collect()
    }

    #[test]
    fn defaults_write_files_from_the_no_reply_address() {
        let settings = settings(&[]).unwrap();
        assert_eq!(settings.from, DEFAULT_MAIL_FROM);
        assert_eq!(
            settings.transport,
            MailTransportSetting::File {
                dir: PathBuf::from(DEFAULT_MAIL_DIR)
            }
        );
    }

    #[test]
    fn mail_dir_and_mail_from_are_read() {
        let settings = settings(&[
            ("MAIL_DIR", "/tmp/outbox"),
            ("MAIL_FROM", "Atelier <atelier@example.com>"),
        ])
        .unwrap();
        assert_eq!(settings.from, "Atelier <atelier@example.com>");
        assert_eq!(
            settings.transport,
            MailTransportSetting::File {
                dir: PathBuf::from("/tmp/outbox")
            }
        );
    }

    #[test]
    fn smtp_url_wins_over_mail_dir() {
        let settings = settings(&[
            (
                "SMTP_URL",
                "smtp://user:pass@mail.example.com:587?tls=required",
            ),
            ("MAIL_DIR", "/tmp/outbox"),
        ])
        .unwrap();
        assert_eq!(
            settings.transport,
            MailTransportSetting::Smtp {
                url: "smtp://user:pass@mail.example.com:587?tls=required".into()
            }
        );
    }

    #[test]
    fn mail_transport_forces_a_transport() {
        let smtp_url = ("SMTP_URL", "smtps://mail.example.com");
        let log = settings(&[smtp_url, ("MAIL_TRANSPORT", "log")]).unwrap();
        assert_eq!(log.transport, MailTransportSetting::Log);
        let file = settings(&[smtp_url, ("MAIL_TRANSPORT", "File")]).unwrap();
        assert!(matches!(file.transport, MailTransportSetting::File { .. }));
        let smtp = settings(&[smtp_url, ("MAIL_TRANSPORT", "smtp")]).unwrap();
        assert!(matches!(smtp.transport, MailTransportSetting::Smtp { .. }));
    }

    #[test]
    fn empty_values_count_as_unset() {
        let settings = settings(&[("SMTP_URL", ""), ("MAIL_FROM", "  ")]).unwrap();
        assert_eq!(settings.from, DEFAULT_MAIL_FROM);
        assert!(matches!(
            settings.transport,
            MailTransportSetting::File { .. }
        ));
    }

    #[test]
    fn a_bad_mail_from_names_the_variable() {
        let error = settings(&[("MAIL_FROM", "not an address")]).unwrap_err();
        assert_eq!(
            error,
            MailConfigError::InvalidFrom {
                value: "not an address".into()
            }
        );
        let message = error.to_string();
        assert!(message.contains("MAIL_FROM"), "{message}");
        assert!(message.contains("not an address"), "{message}");
    }

    #[test]
    fn other_mistakes_name_their_variable_without_leaking_passwords() {
        let message = settings(&[("MAIL_TRANSPORT", "pigeon")])
            .unwrap_err()
            .to_string();
        assert!(message.contains("MAIL_TRANSPORT"), "{message}");

        let message = settings(&[("MAIL_TRANSPORT", "smtp")])
            .unwrap_err()
            .to_string();
        assert!(message.contains("SMTP_URL"), "{message}");

        let message = settings(&[("SMTP_URL", "https://user:hunter2@example.com")])
            .unwrap_err()
            .to_string();
        assert!(message.contains("SMTP_URL"), "{message}");
        assert!(!message.contains("hunter2"), "{message}");
    }

    #[test]
    fn debug_masks_smtp_credentials() {
        let setting = MailTransportSetting::Smtp {
            url: "smtps://user:hunter2@mail.example.com:465/ehlo?x=1".into(),
        };
        let debug = format!("{setting:?}");
        assert!(!debug.contains("hunter2"), "{debug}");
        assert!(
            debug.contains("smtps://***@mail.example.com:465/ehlo?x=1"),
            "{debug}"
        );
        assert_eq!(
            redact_credentials("smtp://127.0.0.1:2525"),
            "smtp://127.0.0.1:2525"
        );
    }

    #[test]
    fn outgoing_mail_debug_hides_the_bodies() {
        let debug = format!("{:?}", mail("token=secret", Some("<b>secret</b>")));
        assert!(!debug.contains("secret"), "{debug}");
        assert!(debug.contains("ada@luxeverse.test"), "{debug}");
    }

    #[test]
    fn a_bad_sender_is_refused_by_the_mailer() {
        let settings = MailSettings {
            from: "nobody".into(),
            transport: MailTransportSetting::Log,
        };
        assert_eq!(
            Mailer::new(&settings).unwrap_err(),
            MailError::InvalidSender
        );
    }

    #[tokio::test]
    async fn the_file_transport_writes_a_readable_eml() {
        let dir = tempfile::tempdir().unwrap();
        let outbox = dir.path().join("mail");
        let mailer = Mailer::new(&MailSettings {
            from: DEFAULT_MAIL_FROM.into(),
            transport: MailTransportSetting::File {
                dir: outbox.clone(),
            },
        })
        .unwrap();

        mailer
            .clone()
            .send(mail("Welcome to LuxeVerse.\nConfirm your address.\n", None))
            .await
            .unwrap();

        let files = eml_files(&outbox);
        assert_eq!(files.len(), 1);
        let eml = &files[0];
        assert!(
            eml.contains("Subject: Verify your email address\r\n"),
            "{eml}"
        );
        assert!(
            eml.contains("From: LuxeVerse <no-reply@luxeverse.test>\r\n"),
            "{eml}"
        );
        assert!(
            eml.contains("To: \"Ada Lovelace\" <ada@luxeverse.test>\r\n"),
            "{eml}"
        );
        assert!(
            eml.contains("Content-Type: text/plain; charset=utf-8\r\n"),
            "{eml}"
        );
        assert!(
            eml.contains("Welcome to LuxeVerse.\r\nConfirm your address.\r\n"),
            "{eml}"
        );
    }

    #[tokio::test]
    async fn html_mail_is_multipart_alternative_and_never_base64() {
        let dir = tempfile::tempdir().unwrap();
        let mailer = Mailer::new(&MailSettings {
            from: DEFAULT_MAIL_FROM.into(),
            transport: MailTransportSetting::File {
                dir: dir.path().to_owned(),
            },
        })
        .unwrap();

        // Mostly non-ASCII: lettre alone would choose base64 for this.
        let text = "Réinitialisez votre mot de passe — ℒ𝓊𝓍ℯ𝒱ℯ𝓇𝓈ℯ ✨✨✨✨✨✨";
        mailer
            .send(mail(text, Some("<p>Réinitialisez — ✨✨✨✨✨✨</p>")))
            .await
            .unwrap();

        let files = eml_files(dir.path());
        assert_eq!(files.len(), 1);
        let eml = &files[0];
        assert!(eml.contains("multipart/alternative"), "{eml}");
        assert!(eml.contains("text/plain"), "{eml}");
        assert!(eml.contains("text/html"), "{eml}");
        assert!(
            eml.contains("Content-Transfer-Encoding: quoted-printable"),
            "{eml}"
        );
        assert!(!eml.contains("Content-Transfer-Encoding: base64"), "{eml}");
    }

    #[tokio::test]
    async fn the_log_transport_sends_nothing_and_succeeds() {
        let mailer = Mailer::new(&MailSettings {
            from: DEFAULT_MAIL_FROM.into(),
            transport: MailTransportSetting::Log,
        })
        .unwrap();
        mailer.send(mail("token", None)).await.unwrap();
    }

    #[tokio::test]
    async fn a_bad_recipient_is_refused() {
        let mailer = Mailer::new(&MailSettings {
            from: DEFAULT_MAIL_FROM.into(),
            transport: MailTransportSetting::Log,
        })
        .unwrap();
        let mut bad = mail("token", None);
        bad.to = "ada at luxeverse".into();
        assert_eq!(
            mailer.send(bad).await.unwrap_err(),
            MailError::InvalidRecipient
        );
    }

    #[tokio::test]
    async fn smtp_urls_build_a_transport_without_connecting() {
        for url in [
            "smtp://127.0.0.1:2525",
            "smtp://user:pass@mail.example.com:587?tls=required",
            "smtps://user:pass@mail.example.com",
        ] {
            let settings = MailSettings {
                from: DEFAULT_MAIL_FROM.into(),
                transport: MailTransportSetting::Smtp { url: url.into() },
            };
            let mailer = Mailer::new(&settings).unwrap();
            assert!(format!("{mailer:?}").contains("smtp"), "{mailer:?}");
        }
        let settings = MailSettings {
            from: DEFAULT_MAIL_FROM.into(),
            transport: MailTransportSetting::Smtp {
                url: "smtp://mail.example.com?tls=sometimes".into(),
            },
        };
        assert_eq!(Mailer::new(&settings).unwrap_err(), MailError::Setup);
    }
}
