//! The weekly email (issue 5), with real parts: `digest build --send`
//! against a real SMTP server on loopback (aiosmtpd, started here, with
//! STARTTLS and SMTPS on a certificate made here by openssl), sendmail and
//! folder transports, the outbox when the server is down, the store's
//! sent-state on reruns, and the HTML checked by the Nu HTML Checker.
//!
//! Tools that may be missing (python3 with aiosmtpd, openssl, java with
//! vnu.jar): outside CI the test is skipped with a message; in CI (`CI`
//! set) it fails, since .ci/run installs them.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::{Run, Test};

const NOW: &str = "2025-02-03T12:00:00Z";

/// Skips (outside CI) or fails (in CI) when a tool is missing.
fn require(tool: &str, ok: bool) -> bool {
    if ok {
        return true;
    }
    if std::env::var_os("CI").is_some() {
        panic!("{tool} is missing: .ci/run installs it for CI");
    }
    eprintln!("skipped: {tool} not found");
    false
}

fn works(cmd: &str, args: &[&str]) -> bool {
    Command::new(cmd)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn have_aiosmtpd() -> bool {
    require(
        "python3 with aiosmtpd (pip install aiosmtpd)",
        works("python3", &["-c", "import aiosmtpd"]),
    )
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// aiosmtpd writing every message it accepts into a Maildir.
struct Smtpd {
    child: Child,
    maildir: PathBuf,
}

#[derive(Clone, Copy, PartialEq)]
enum Security {
    Plain,
    /// STARTTLS offered and required before MAIL.
    StartTls,
    /// TLS from the first byte.
    Implicit,
}

impl Smtpd {
    fn start(dir: &Path, port: u16, security: Security) -> Smtpd {
        let maildir = dir.join("maildir");
        for sub in ["tmp", "new", "cur"] {
            std::fs::create_dir_all(maildir.join(sub)).expect("maildir");
        }
        let mut cmd = Command::new("python3");
        cmd.args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{port}"))
            .args(["-c", "aiosmtpd.handlers.Mailbox"]);
        match security {
            Security::Plain => {}
            Security::StartTls => {
                cmd.arg("--tlscert")
                    .arg(dir.join("cert.pem"))
                    .arg("--tlskey")
                    .arg(dir.join("key.pem"));
            }
            Security::Implicit => {
                cmd.arg("--smtpscert")
                    .arg(dir.join("cert.pem"))
                    .arg("--smtpskey")
                    .arg(dir.join("key.pem"));
            }
        }
        let child = cmd
            .arg(&maildir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start aiosmtpd");
        let server = Smtpd { child, maildir };
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "aiosmtpd did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    /// The messages delivered so far, raw.
    fn messages(&self) -> Vec<String> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.maildir.join("new"))
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.sort();
        files
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("read a delivered message"))
            .collect()
    }
}

impl Drop for Smtpd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A self-signed certificate for 127.0.0.1 (not a CA: rustls refuses a CA
/// certificate as a server's own), as `cert.pem` and `key.pem` in `dir`.
fn make_certificate(dir: &Path) -> bool {
    if !require("openssl", works("openssl", &["version"])) {
        return false;
    }
    let conf = dir.join("openssl.cnf");
    std::fs::write(
        &conf,
        "[req]\ndistinguished_name = dn\nx509_extensions = ext\nprompt = no\n\
         [dn]\nCN = 127.0.0.1\n\
         [ext]\nbasicConstraints = critical, CA:FALSE\n\
         keyUsage = critical, digitalSignature, keyEncipherment\n\
         extendedKeyUsage = serverAuth\nsubjectAltName = IP:127.0.0.1, DNS:localhost\n",
    )
    .unwrap();
    let ok = Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
        ])
        .args(["-nodes", "-days", "2", "-config"])
        .arg(&conf)
        .arg("-keyout")
        .arg(dir.join("key.pem"))
        .arg("-out")
        .arg(dir.join("cert.pem"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "openssl could not make a certificate");
    true
}

/// A test with the samples, a store, and `[email]` in digest.toml.
fn mail_test(email_toml: &str) -> Test {
    Test::new().with_samples().write(
        "digest.toml",
        format!(
            "inputs = [\"samples\"]\nstore = \"digest.sqlite\"\n\n[fetch]\nlock_wait = \"1s\"\n\n\
             [email]\nfrom = \"Policy digest <digest@example.org>\"\nto = [\"team@example.org\", \"lead@example.org\"]\n\
             subject = \"Border policy digest\"\nunsubscribe = \"https://example.org/unsubscribe/border\"\n\
             timeout = \"10s\"\n{email_toml}"
        ),
    )
}

fn send(t: &Test, extra: &[&str]) -> Run {
    let mut args = vec!["build", "--since", "7d", "--send"];
    if !extra.contains(&"--now") {
        args.extend(["--now", NOW]);
    }
    args.extend_from_slice(extra);
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_digest"));
    cmd.args(&args)
        .current_dir(t.dir.path())
        .env_remove("DIGEST_NOW")
        .env_remove("DIGEST_CONFIG")
        .env_remove("DIGEST_SMTP_PASSWORD")
        .env("XDG_CONFIG_HOME", t.path(".no-user-config"))
        .env("XDG_DATA_HOME", t.path("data-home"));
    let out = cmd.output().expect("run digest");
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

fn outbox_files(t: &Test) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(t.path("outbox"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    files
}

/// The headers of a raw message, unfolded.
fn headers(raw: &str) -> String {
    let head = raw.split("\n\n").next().unwrap_or(raw);
    head.replace("\r\n", "\n")
        .replace("\n ", " ")
        .replace("\n\t", " ")
}

#[test]
fn sends_over_smtp_once_and_a_rerun_sends_nothing() {
    if !have_aiosmtpd() {
        return;
    }
    let port = free_port();
    let t = mail_test(&format!("smtp_url = \"smtp://127.0.0.1:{port}\"\n"));
    let server = Smtpd::start(t.dir.path(), port, Security::Plain);
    let run = send(&t, &[]);
    run.code(0);
    assert!(
        run.stdout.is_empty(),
        "sending prints nothing on stdout: {}",
        run.stdout
    );
    assert!(
        run.stderr
            .contains("sent “Border policy digest, week of 27 January – 3 February 2025”"),
        "{}",
        run.stderr
    );
    let got = server.messages();
    assert_eq!(got.len(), 1);
    let h = headers(&got[0]);
    for want in [
        "From: \"Policy digest\" <digest@example.org>",
        "To: team@example.org, lead@example.org",
        "List-Unsubscribe: <https://example.org/unsubscribe/border>",
        "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
        "List-Id: Border policy digest <digest.example.org>",
        "Message-ID: <20250127-20250203.",
        "Date: Mon, 03 Feb 2025 12:00:00 +0000",
        "Content-Type: multipart/mixed",
    ] {
        assert!(h.contains(want), "missing {want:?} in\n{h}");
    }
    assert!(got[0].contains("Content-Type: text/plain"));
    assert!(got[0].contains("Content-Type: text/html"));
    assert!(got[0].contains("Content-Type: text/calendar; charset=utf-8; method=PUBLISH"));
    assert!(got[0].contains("upcoming.ics"), "the calendar is attached");
    assert!(outbox_files(&t).is_empty());

    // The same week again, five minutes later: nothing sent, and it says so.
    let again = send(&t, &["--now", "2025-02-03T12:05:00Z"]);
    again.code(0);
    assert!(again.stderr.contains("already sent"), "{}", again.stderr);
    assert!(again.stderr.contains("--force"), "{}", again.stderr);
    assert_eq!(server.messages().len(), 1);

    // --force sends it again.
    send(&t, &["--force"]).code(0);
    assert_eq!(server.messages().len(), 2);
}

#[test]
fn a_server_down_leaves_the_message_in_the_outbox_and_the_next_run_delivers_it_once() {
    if !have_aiosmtpd() {
        return;
    }
    let port = free_port();
    let t = mail_test(&format!("smtp_url = \"smtp://127.0.0.1:{port}\"\n"));

    // Nobody listens: exit 3, the message waits, its path is printed.
    let down = send(&t, &[]);
    down.code(3);
    let waiting = outbox_files(&t);
    assert_eq!(waiting.len(), 2, "the .eml and its envelope: {waiting:?}");
    let eml = waiting
        .iter()
        .find(|p| p.extension().is_some_and(|e| e == "eml"))
        .unwrap();
    let eml_name = eml.file_name().unwrap().to_string_lossy().to_string();
    let queued_id = headers(&std::fs::read_to_string(eml).unwrap())
        .lines()
        .find(|l| l.starts_with("Message-ID: "))
        .map(str::to_owned)
        .expect("a Message-ID");
    assert!(
        down.stderr.contains(&eml_name),
        "the path is printed: {}",
        down.stderr
    );
    assert!(down.stderr.contains("next run"), "{}", down.stderr);

    // Still down: a rerun does not queue a second copy.
    send(&t, &[]).code(3);
    assert_eq!(outbox_files(&t).len(), 2);

    // The server is back: the waiting message goes out, once.
    let server = Smtpd::start(t.dir.path(), port, Security::Plain);
    let back = send(&t, &[]);
    back.code(0);
    assert!(
        back.stderr.contains("waited in the outbox"),
        "{}",
        back.stderr
    );
    let got = server.messages();
    assert_eq!(got.len(), 1, "delivered once");
    assert!(
        headers(&got[0]).contains(&queued_id),
        "the very message that waited"
    );
    assert!(outbox_files(&t).is_empty());
    assert!(back.stderr.contains("already sent"), "{}", back.stderr);

    // And again: nothing new.
    send(&t, &[]).code(0);
    assert_eq!(server.messages().len(), 1);
}

#[test]
fn starttls_with_a_self_signed_certificate_trusted_through_ca_file() {
    if !have_aiosmtpd() {
        return;
    }
    let port = free_port();
    let t = mail_test(&format!(
        "smtp_url = \"smtp://127.0.0.1:{port}?tls=required\"\n"
    ));
    if !make_certificate(t.dir.path()) {
        return;
    }
    let server = Smtpd::start(t.dir.path(), port, Security::StartTls);

    // Not trusted yet: verification is on, so delivery fails and waits.
    let untrusted = send(&t, &[]);
    untrusted.code(3);
    assert!(server.messages().is_empty());
    assert!(
        untrusted.stderr.to_lowercase().contains("certificate"),
        "{}",
        untrusted.stderr
    );

    // Trusted as a root through [email] ca_file: delivered over STARTTLS.
    let toml = std::fs::read_to_string(t.path("digest.toml")).unwrap();
    std::fs::write(
        t.path("digest.toml"),
        format!("{toml}ca_file = \"cert.pem\"\n"),
    )
    .unwrap();
    let run = send(&t, &[]);
    run.code(0);
    assert!(run.stderr.contains("STARTTLS required"), "{}", run.stderr);
    assert_eq!(server.messages().len(), 1);
    assert!(outbox_files(&t).is_empty());
}

#[test]
fn smtps_with_implicit_tls() {
    if !have_aiosmtpd() {
        return;
    }
    let port = free_port();
    let t = mail_test(&format!(
        "smtp_url = \"smtps://127.0.0.1:{port}\"\nca_file = \"cert.pem\"\n"
    ));
    if !make_certificate(t.dir.path()) {
        return;
    }
    let server = Smtpd::start(t.dir.path(), port, Security::Implicit);
    send(&t, &[]).code(0);
    assert_eq!(server.messages().len(), 1);
}

#[test]
fn a_password_is_never_sent_in_clear_nor_printed() {
    if !have_aiosmtpd() {
        return;
    }
    let port = free_port();
    let t = mail_test(&format!(
        "smtp_url = \"smtp://digest@127.0.0.1:{port}\"\npassword_file = \"smtp-password\"\n"
    ))
    .write("smtp-password", "hunter2\n");
    // This server offers no STARTTLS: with a password, digest refuses to go on.
    let server = Smtpd::start(t.dir.path(), port, Security::Plain);
    let run = send(&t, &[]);
    run.code(3);
    assert!(!run.stderr.contains("hunter2"), "{}", run.stderr);
    assert!(server.messages().is_empty());

    // Nor from a flag: the URL may not hold it.
    let flag = send(
        &t,
        &[
            "--smtp-url",
            &format!("smtp://digest:hunter2@127.0.0.1:{port}"),
        ],
    );
    flag.code(1);
    assert!(
        flag.stderr.contains("DIGEST_SMTP_PASSWORD"),
        "{}",
        flag.stderr
    );
    assert!(!flag.stderr.contains("hunter2"), "{}", flag.stderr);
}

#[test]
fn sendmail_and_folder_transports() {
    // A stand-in sendmail that keeps what it is given, or refuses it.
    let t = mail_test("")
        .write(
            "sendmail-ok",
            "#!/bin/sh\nprintf '%s\\n' \"$*\" > \"$(dirname \"$0\")/sendmail-args\"\ncat > \"$(dirname \"$0\")/sendmail-msg\"\n",
        )
        .write("sendmail-fail", "#!/bin/sh\ncat > /dev/null\necho 'no route' >&2\nexit 75\n");
    for f in ["sendmail-ok", "sendmail-fail"] {
        let p = t.path(f);
        let status = Command::new("chmod").arg("+x").arg(&p).status().unwrap();
        assert!(status.success());
    }
    let fail = t.path("sendmail-fail").display().to_string();
    let refused = send(&t, &["--smtp-url", &format!("sendmail:{fail}")]);
    refused.code(3);
    assert_eq!(outbox_files(&t).len(), 2);

    let ok = t.path("sendmail-ok").display().to_string();
    let run = send(&t, &["--smtp-url", &format!("sendmail:{ok}")]);
    run.code(0);
    let args = std::fs::read_to_string(t.path("sendmail-args")).unwrap();
    assert!(
        args.contains("team@example.org") && args.contains("lead@example.org"),
        "{args}"
    );
    let msg = std::fs::read_to_string(t.path("sendmail-msg")).unwrap();
    assert!(msg.contains("List-Unsubscribe"), "{msg}");
    assert!(outbox_files(&t).is_empty());

    // The folder transport, for a new week.
    let run = send(
        &t,
        &["--now", "2025-02-10T12:00:00Z", "--smtp-url", "file:sent"],
    );
    run.code(0);
    let sent: Vec<_> = std::fs::read_dir(t.path("sent")).unwrap().collect();
    assert_eq!(sent.len(), 1);
}

#[test]
fn an_empty_week_still_sends_a_short_digest_unless_skip_empty() {
    let t = mail_test("smtp_url = \"file:sent\"\n");
    let run = send(&t, &["--now", "2030-01-07T07:00:00Z"]);
    run.code(0);
    let sent: Vec<PathBuf> = std::fs::read_dir(t.path("sent"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(sent.len(), 1);
    let msg = std::fs::read_to_string(&sent[0]).unwrap();
    assert!(
        headers(&msg).contains("(nothing matched)"),
        "{}",
        headers(&msg)
    );
    assert!(msg.contains("Nothing matched this period"), "{msg}");
    assert!(!msg.contains("text/calendar"));
    assert!(msg.len() < 20_000, "short: {} bytes", msg.len());

    let skip = send(&t, &["--now", "2030-01-14T07:00:00Z", "--skip-empty"]);
    skip.code(0);
    assert!(
        skip.stderr.contains("--skip-empty: nothing sent"),
        "{}",
        skip.stderr
    );
    assert_eq!(std::fs::read_dir(t.path("sent")).unwrap().count(), 1);
}

#[test]
fn a_second_run_waits_for_the_lock_then_says_why_it_stopped() {
    let t = mail_test("smtp_url = \"file:sent\"\n");
    let store = digest::store::Store::open(&t.path("digest.sqlite")).unwrap();
    let _held = store.lock_for("build", Duration::from_secs(1)).unwrap();
    let started = Instant::now();
    let run = send(&t, &[]);
    run.code(1);
    assert!(started.elapsed() >= Duration::from_millis(900), "it waited");
    assert!(
        run.stderr.contains("another digest run holds the store"),
        "{}",
        run.stderr
    );
    assert!(!t.path("sent").exists(), "nothing sent");
}

#[test]
fn line_breaks_in_addresses_or_subject_are_refused() {
    let t = mail_test("smtp_url = \"file:sent\"\n");
    let run = send(
        &t,
        &["--to", "team@example.org\r\nBcc: everyone@example.net"],
    );
    run.code(1);
    assert!(
        run.stderr.contains("--to") && run.stderr.contains("line break"),
        "{}",
        run.stderr
    );
    let run = send(&t, &["--subject", "Digest\nBcc: everyone@example.net"]);
    run.code(1);
    assert!(
        run.stderr.contains("--subject") && run.stderr.contains("line break"),
        "{}",
        run.stderr
    );
    assert!(!t.path("sent").exists());
}

/// Pulls the parts out of a message with Python's email package (a MIME
/// parser that is not ours), as `<stem>.txt`, `.html`, `.ics`; returns the
/// part types in order.
fn split_parts(eml: &Path, stem: &Path) -> Option<Vec<String>> {
    let script = r#"
import email, email.policy, sys
m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)
for part in m.walk():
    ct = part.get_content_type()
    print(ct)
    if part.is_multipart():
        continue
    ext = {'text/plain': 'txt', 'text/html': 'html', 'text/calendar': 'ics'}[ct]
    open(sys.argv[2] + '.' + ext, 'w', encoding='utf-8', newline='').write(part.get_content())
"#;
    if !require("python3", works("python3", &["--version"])) {
        return None;
    }
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(eml)
        .arg(stem)
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_owned)
            .collect(),
    )
}

#[test]
fn format_email_writes_the_message_to_a_file() {
    let t = mail_test("").args(&[
        "build", "--now", NOW, "--since", "7d", "--format", "email", "--out", "week.eml",
    ]);
    t.run().code(0);
    let eml = t.path("week.eml");
    let raw = std::fs::read_to_string(&eml).unwrap();
    assert!(raw.contains("\r\n"), "CRLF line ends");
    assert!(headers(&raw).contains("Message-ID: <20250127-20250203."));
    let Some(parts) = split_parts(&eml, &t.path("part")) else {
        return;
    };
    assert_eq!(
        parts,
        [
            "multipart/mixed",
            "multipart/alternative",
            "text/plain",
            "text/html",
            "text/calendar"
        ]
    );
    let text = std::fs::read_to_string(t.path("part.txt"))
        .unwrap()
        .replace("\r\n", "\n");
    // Measures first, numbered sources with their links, wrapped lines.
    let measures = text.find("Measures\n--------").expect("measures");
    let stories = text.find("Stories\n-------").expect("stories");
    assert!(measures < stories, "measures first");
    assert!(text.contains("[1] "), "numbered sources");
    assert!(
        text.lines().all(|l| l.chars().count() <= 78),
        "wrapped:\n{text}"
    );
    assert!(
        text.contains("\n-- \n"),
        "a signature with the unsubscribe link"
    );
    let html = std::fs::read_to_string(t.path("part.html")).unwrap();
    assert!(html.len() < 100_000, "HTML part {} bytes", html.len());
    assert!(html.contains("<html lang=\"en\""));
    assert!(html.contains("class=\"preheader\""));
    let ics = std::fs::read_to_string(t.path("part.ics")).unwrap();
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2);
    assert!(
        ics.contains("DTSTART;VALUE=DATE:20250331\r\nDTEND;VALUE=DATE:20250402"),
        "{ics}"
    );
}

/// vnu.jar from `npm install vnu-jar` in the checkout (what .ci/run does), or `VNU_JAR`.
fn vnu() -> Option<PathBuf> {
    let jar = std::env::var_os("VNU_JAR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/vnu-jar/build/dist/vnu.jar")
        });
    let ok = jar.is_file() && works("java", &["-version"]);
    require("java and vnu.jar (npm install vnu-jar)", ok).then_some(jar)
}

#[test]
fn the_web_page_and_the_email_html_are_valid_html5() {
    let t = mail_test("").args(&[
        "build", "--now", NOW, "--since", "7d", "--format", "email", "--out", "week.eml",
    ]);
    t.run().code(0);
    let page = Test::new().with_samples().args(&[
        "build",
        "-i",
        "samples",
        "--now",
        NOW,
        "--since",
        "7d",
        "-f",
        "html",
        "-o",
        "page.html",
    ]);
    page.run().code(0);
    let empty = Test::new().with_samples().args(&[
        "build",
        "-i",
        "samples",
        "--now",
        "2030-01-01T00:00:00Z",
        "-f",
        "html",
        "-o",
        "empty.html",
    ]);
    empty.run().code(0);
    let Some(jar) = vnu() else { return };
    if split_parts(&t.path("week.eml"), &t.path("part")).is_none() {
        return;
    }
    let out = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .arg("--errors-only")
        .arg(t.path("part.html"))
        .arg(page.path("page.html"))
        .arg(empty.path("empty.html"))
        .output()
        .expect("run vnu");
    assert!(
        out.status.success(),
        "the Nu HTML Checker found errors:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
