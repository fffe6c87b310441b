//! A small SMTP server for tests: real SMTP over TCP on 127.0.0.1, no TLS, no AUTH. It
//! accepts every message and keeps it for [`FakeSmtp::wait_for_message`]. Point the app at
//! it with `SMTP_URL=` [`FakeSmtp::url`]; it stops when dropped.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use services::mail::{MailSettings, MailTransportSetting, Mailer, OutgoingMail};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;
use tokio::task::{JoinHandle, JoinSet};

/// Largest message the server accepts; bigger ones are refused with 552.
const MAX_MESSAGE_BYTES: usize = 10 * 1024 * 1024;

/// One message as received: the envelope and the raw RFC 5322 text (CRLF line ends,
/// dot-stuffing removed).
#[derive(Clone, Debug)]
pub struct CapturedMail {
    /// The envelope sender (`MAIL FROM`), without angle brackets.
    pub from: String,
    /// The envelope recipients (`RCPT TO`), without angle brackets.
    pub to: Vec<String>,
    pub data: String,
}

pub struct FakeSmtp {
    pub port: u16,
    inbox: Arc<Inbox>,
    server: JoinHandle<()>,
}

#[derive(Default)]
struct Inbox {
    messages: Mutex<Vec<CapturedMail>>,
    arrived: Notify,
}

impl FakeSmtp {
    /// Listens on a free port of 127.0.0.1 and serves until dropped.
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("fake SMTP binds a port");
        let port = listener.local_addr().expect("bound address").port();
        let inbox = Arc::new(Inbox::default());
        let server = tokio::spawn(serve(listener, Arc::clone(&inbox)));
        Self {
            port,
            inbox,
            server,
        }
    }

    /// Plain SMTP (no `?tls=`): lettre then never attempts STARTTLS.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Takes the oldest message addressed to `to` (case-insensitive), waiting for it up
    /// to `timeout`; panics, listing what did arrive, when none comes. Each message is
    /// returned once, so successive calls see successive mails.
    pub async fn wait_for_message(&self, to: &str, timeout: Duration) -> CapturedMail {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            // Register for the wake-up before looking, so no arrival slips in between.
            let arrived = self.inbox.arrived.notified();
            tokio::pin!(arrived);
            arrived.as_mut().enable();

            {
                let mut messages = self.inbox.messages.lock().unwrap();
                if let Some(index) = messages.iter().position(|mail| {
                    mail.to
                        .iter()
                        .any(|recipient| recipient.eq_ignore_ascii_case(to))
                }) {
                    return messages.remove(index);
                }
            }

            if tokio::time::timeout_at(deadline, arrived).await.is_err() {
                let seen: Vec<Vec<String>> = self
                    .inbox
                    .messages
                    .lock()
                    .unwrap()
                    .iter()
                    .map(|mail| mail.to.clone())
                    .collect();
                panic!("no mail to {to} within {timeout:?}; unclaimed mail went to {seen:?}");
            }
        }
    }
}

impl FakeSmtp {
    /// Takes every message addressed to `to` that has arrived so far.
    pub fn take_all(&self, to: &str) -> Vec<CapturedMail> {
        let mut messages = self.inbox.messages.lock().unwrap();
        let (theirs, rest): (Vec<_>, Vec<_>) = messages.drain(..).partition(|mail| {
            mail.to
                .iter()
                .any(|recipient| recipient.eq_ignore_ascii_case(to))
        });
        *messages = rest;
        theirs
    }
}

impl Drop for FakeSmtp {
    fn drop(&mut self) {
        // Dropping the accept loop drops its JoinSet, which aborts every connection.
        self.server.abort();
    }
}

impl CapturedMail {
    /// A top-level header's value, unfolded (RFC 2047 encoded words are left as they are).
    pub fn header(&self, name: &str) -> Option<String> {
        header(split_head(&self.data).0, name)
    }

    /// The text of every leaf part (the whole body for a single-part message), with
    /// quoted-printable parts decoded. Base64 parts are left encoded.
    pub fn text_parts(&self) -> Vec<String> {
        let mut parts = Vec::new();
        collect_text_parts(&self.data, &mut parts);
        parts
    }

    /// The first link in the decoded bodies that starts with `prefix`, up to the next
    /// whitespace, quote or angle bracket.
    pub fn find_link(&self, prefix: &str) -> Option<String> {
        self.text_parts().iter().find_map(|part| {
            let start = part.find(prefix)?;
            let link = &part[start..];
            let end = link
                .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>'))
                .unwrap_or(link.len());
            Some(link[..end].to_owned())
        })
    }
}

async fn serve(listener: TcpListener, inbox: Arc<Inbox>) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    connections.spawn(session(stream, Arc::clone(&inbox)));
                }
                Err(error) => eprintln!("fake SMTP: accept failed: {error}"),
            },
            // Reap finished sessions so the set does not grow without bound.
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
}

/// The state of one SMTP transaction (RFC 5321 section 3.3).
#[derive(Default)]
struct Transaction {
    from: Option<String>,
    to: Vec<String>,
}

/// Serves one connection until QUIT, EOF or an I/O error.
async fn session(stream: TcpStream, inbox: Arc<Inbox>) {
    let (reader, mut writer) = stream.into_split();
    let mut reader = BufReader::new(reader);
    if writer
        .write_all(b"220 fake-smtp ESMTP ready\r\n")
        .await
        .is_err()
    {
        return;
    }

    let mut transaction = Transaction::default();
    let mut line = Vec::new();
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line).await {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let command = String::from_utf8_lossy(&line);
        let command = command.trim_end_matches(['\r', '\n']);
        let (verb, argument) = command.split_once(' ').unwrap_or((command, ""));

        let reply: String = match verb.to_ascii_uppercase().as_str() {
            // No STARTTLS, no AUTH: plain SMTP only.
            "EHLO" | "HELO" => {
                transaction = Transaction::default();
                "250 fake-smtp greets you\r\n".into()
            }
            "MAIL" => match path_argument(argument, "FROM:") {
                Some(from) => {
                    transaction = Transaction {
                        from: Some(from),
                        to: Vec::new(),
                    };
                    "250 2.1.0 OK\r\n".into()
                }
                None => "501 5.5.4 Syntax: MAIL FROM:<address>\r\n".into(),
            },
            "RCPT" => match (
                &transaction.from,
                path_argument(argument, "TO:").filter(|to| !to.is_empty()),
            ) {
                (None, _) => "503 5.5.1 MAIL first\r\n".into(),
                (Some(_), Some(to)) => {
                    transaction.to.push(to);
                    "250 2.1.5 OK\r\n".into()
                }
                (Some(_), None) => "501 5.5.4 Syntax: RCPT TO:<address>\r\n".into(),
            },
            "DATA" if transaction.to.is_empty() => "503 5.5.1 RCPT first\r\n".into(),
            "DATA" => {
                if writer
                    .write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                    .await
                    .is_err()
                {
                    return;
                }
                let Some(data) = read_data(&mut reader).await else {
                    return;
                };
                let finished = std::mem::take(&mut transaction);
                match data {
                    Ok(data) => {
                        inbox.messages.lock().unwrap().push(CapturedMail {
                            from: finished.from.unwrap_or_default(),
                            to: finished.to,
                            data,
                        });
                        inbox.arrived.notify_waiters();
                        "250 2.0.0 OK queued\r\n".into()
                    }
                    Err(()) => "552 5.3.4 Message too big\r\n".into(),
                }
            }
            "RSET" => {
                transaction = Transaction::default();
                "250 2.0.0 OK\r\n".into()
            }
            "NOOP" => "250 2.0.0 OK\r\n".into(),
            "QUIT" => {
                let _ = writer.write_all(b"221 2.0.0 Bye\r\n").await;
                let _ = writer.shutdown().await;
                return;
            }
            _ => "500 5.5.2 Command not recognized\r\n".into(),
        };
        if writer.write_all(reply.as_bytes()).await.is_err() {
            return;
        }
    }
}

/// `FROM:<a@b> SIZE=123` -> `a@b` (the keyword is matched case-insensitively; `<>` gives
/// an empty path, as for bounces).
fn path_argument(argument: &str, keyword: &str) -> Option<String> {
    let head = argument.get(..keyword.len())?;
    if !head.eq_ignore_ascii_case(keyword) {
        return None;
    }
    let path = argument[keyword.len()..].trim_start();
    let path = path.split_whitespace().next().unwrap_or("");
    let path = path.strip_prefix('<')?.strip_suffix('>')?;
    Some(path.to_owned())
}

/// Reads message data up to the lone `.` line, undoing dot-stuffing. `None` when the
/// connection ends first; `Some(Err)` when the message is too big (still read to its end).
async fn read_data<R: tokio::io::AsyncBufRead + Unpin>(
    reader: &mut R,
) -> Option<Result<String, ()>> {
    let mut data = Vec::new();
    let mut too_big = false;
    let mut line = Vec::new();
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line).await {
            Ok(0) | Err(_) => return None,
            Ok(_) => {}
        }
        if line == b".\r\n" || line == b".\n" {
            break;
        }
        let unstuffed = line.strip_prefix(b".").unwrap_or(&line);
        if data.len() + unstuffed.len() > MAX_MESSAGE_BYTES {
            too_big = true;
        } else {
            data.extend_from_slice(unstuffed);
        }
    }
    if too_big {
        return Some(Err(()));
    }
    Some(Ok(String::from_utf8_lossy(&data).into_owned()))
}

/// Splits an entity into its header block and body at the first empty line.
fn split_head(entity: &str) -> (&str, &str) {
    entity
        .split_once("\r\n\r\n")
        .or_else(|| entity.split_once("\n\n"))
        .unwrap_or((entity, ""))
}

/// The unfolded value of header `name` in a header block.
fn header(head: &str, name: &str) -> Option<String> {
    let mut value: Option<String> = None;
    for line in head.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some(value) = value.as_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
            continue;
        }
        if value.is_some() {
            break;
        }
        if let Some((key, rest)) = line.split_once(':')
            && key.trim().eq_ignore_ascii_case(name)
        {
            value = Some(rest.trim().to_owned());
        }
    }
    value
}

/// The `boundary` parameter of a multipart Content-Type value.
fn boundary(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (key, value) = parameter.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| value.trim().trim_matches('"').to_owned())
    })
}

fn collect_text_parts(entity: &str, parts: &mut Vec<String>) {
    let (head, body) = split_head(entity);
    let content_type = header(head, "Content-Type").unwrap_or_default();
    if content_type.to_ascii_lowercase().starts_with("multipart/")
        && let Some(boundary) = boundary(&content_type)
    {
        let delimiter = format!("--{boundary}");
        for chunk in body.split(delimiter.as_str()).skip(1) {
            if chunk.starts_with("--") {
                break;
            }
            let chunk = chunk.strip_prefix("\r\n").unwrap_or(chunk);
            let chunk = chunk.strip_suffix("\r\n").unwrap_or(chunk);
            collect_text_parts(chunk, parts);
        }
        return;
    }
    let quoted_printable = header(head, "Content-Transfer-Encoding")
        .is_some_and(|encoding| encoding.eq_ignore_ascii_case("quoted-printable"));
    parts.push(if quoted_printable {
        decode_quoted_printable(body)
    } else {
        body.to_owned()
    });
}

/// Decodes quoted-printable text: `=` at a line end is a soft break, `=XX` a byte.
fn decode_quoted_printable(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'=' {
            out.push(bytes[i]);
            i += 1;
        } else if bytes[i + 1..].starts_with(b"\r\n") {
            i += 3;
        } else if bytes[i + 1..].starts_with(b"\n") {
            i += 2;
        } else if let Some(byte) = bytes
            .get(i + 1..i + 3)
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok())
        {
            out.push(byte);
            i += 3;
        } else {
            out.push(b'=');
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

const WAIT: Duration = Duration::from_secs(10);

#[tokio::test]
async fn the_mailer_delivers_over_plain_smtp_to_the_fake() {
    let smtp = FakeSmtp::start().await;
    assert_eq!(smtp.url(), format!("smtp://127.0.0.1:{}", smtp.port));
    let url = smtp.url();
    let settings = MailSettings::from_lookup(|key| (key == "SMTP_URL").then(|| url.clone()))
        .expect("settings");
    assert!(matches!(
        settings.transport,
        MailTransportSetting::Smtp { .. }
    ));
    let mailer = Mailer::new(&settings).expect("mailer");

    // Longer than a 76-character line, so lettre sends it quoted-printable; the `=`
    // and the hex-looking token check the decoding.
    let link = "http://127.0.0.1:3000/account/verify?email=ada%40luxeverse.test&token=3DAB12cd34EF56ab78CD90ef12AB34cd56EF78ab";
    mailer
        .send(OutgoingMail {
            to: "Ada <ada@luxeverse.test>".into(),
            subject: "Verify your email address".into(),
            text: format!("Welcome to LuxeVerse.\n\nConfirm your address: {link}\n"),
            html: Some(format!(
                "<p>Welcome to LuxeVerse.</p><p><a href=\"{link}\">Confirm your address</a></p>"
            )),
            unsubscribe: None,
        })
        .await
        .expect("sent over SMTP");

    let mail = smtp.wait_for_message("ADA@luxeverse.test", WAIT).await;
    assert_eq!(mail.from, "no-reply@luxeverse.test");
    assert_eq!(mail.to, ["ada@luxeverse.test"]);
    assert_eq!(
        mail.header("subject").as_deref(),
        Some("Verify your email address")
    );
    assert!(mail.data.contains("multipart/alternative"), "{}", mail.data);
    let parts = mail.text_parts();
    assert_eq!(parts.len(), 2, "{}", mail.data);
    assert!(
        parts[0].contains("Welcome to LuxeVerse.\r\n\r\nConfirm your address: "),
        "{}",
        parts[0]
    );
    assert!(parts[1].starts_with("<p>Welcome"), "{}", parts[1]);
    assert_eq!(
        mail.find_link("http://127.0.0.1:3000/account/verify?")
            .as_deref(),
        Some(link)
    );

    // A second message over the pooled connection: plain text, dot-stuffed lines.
    mailer
        .send(OutgoingMail {
            to: "ada@luxeverse.test".into(),
            subject: "Reset your password".into(),
            text: ".leading dot\n..two dots\n.\nend\n".into(),
            html: None,
            unsubscribe: None,
        })
        .await
        .expect("second mail");
    let second = smtp.wait_for_message("ada@luxeverse.test", WAIT).await;
    assert_eq!(
        second.header("Subject").as_deref(),
        Some("Reset your password")
    );
    // lettre always ends the data with `\r\n.\r\n`, so a body that already ends in a line
    // break arrives with one empty line more.
    assert_eq!(
        second.text_parts(),
        [".leading dot\r\n..two dots\r\n.\r\nend\r\n\r\n"]
    );
    assert_eq!(second.find_link("https://"), None);
}

/// The commands lettre does not use on a happy path, spoken by hand.
#[tokio::test]
async fn the_fake_speaks_smtp() {
    let smtp = FakeSmtp::start().await;
    let stream = TcpStream::connect(("127.0.0.1", smtp.port)).await.unwrap();
    let (reader, mut writer) = stream.into_split();
    let mut reader = BufReader::new(reader);
    let mut line = String::new();
    let mut say = async |command: &str| -> String {
        if !command.is_empty() {
            writer.write_all(command.as_bytes()).await.unwrap();
        }
        line.clear();
        reader.read_line(&mut line).await.unwrap();
        line[..3].to_owned()
    };

    assert_eq!(say("").await, "220");
    assert_eq!(say("HELO test\r\n").await, "250");
    assert_eq!(say("RCPT TO:<x@example.com>\r\n").await, "503");
    assert_eq!(
        say("mail from:<bounce@example.com> SIZE=10\r\n").await,
        "250"
    );
    assert_eq!(say("DATA\r\n").await, "503");
    assert_eq!(say("RCPT TO:<dropped@example.com>\r\n").await, "250");
    assert_eq!(say("RSET\r\n").await, "250");
    assert_eq!(say("RCPT TO:<dropped@example.com>\r\n").await, "503");
    assert_eq!(say("NOOP\r\n").await, "250");
    assert_eq!(say("VRFY someone\r\n").await, "500");
    assert_eq!(say("MAIL FROM:<>\r\n").await, "250");
    assert_eq!(say("RCPT TO:<kept@example.com>\r\n").await, "250");
    assert_eq!(say("DATA\r\n").await, "354");
    assert_eq!(say("Subject: by hand\r\n\r\n..hi\r\n.\r\n").await, "250");
    assert_eq!(say("QUIT\r\n").await, "221");

    let mail = smtp.wait_for_message("kept@example.com", WAIT).await;
    assert_eq!(mail.from, "");
    assert_eq!(mail.data, "Subject: by hand\r\n\r\n.hi\r\n");
}

#[test]
fn quoted_printable_decoding() {
    assert_eq!(
        decode_quoted_printable("a=3Db=\r\nc=C3=A9 =\nd = e=ZZ="),
        "a=bcé d = e=ZZ="
    );
}
