//! A small HTTP/1.1 server on 127.0.0.1 (random port) for the feed and
//! store tests: routes set by the test, every request recorded with its
//! headers, ETag / Last-Modified answered with 304, optional gzip and delays.
//! One thread per connection, `Connection: close`: simple and enough.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the server answers on a path.
#[derive(Clone, Debug)]
pub struct Route {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Wait before answering (after the request is read).
    pub delay: Duration,
    /// Sent as `ETag`; a request with a matching `If-None-Match` gets 304.
    pub etag: Option<String>,
    /// Sent as `Last-Modified`; a matching `If-Modified-Since` gets 304.
    pub last_modified: Option<String>,
    /// Compress the body when the client accepts gzip.
    pub gzip: bool,
}

impl Route {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Route {
        Route {
            status: 200,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
            delay: Duration::ZERO,
            etag: None,
            last_modified: None,
            gzip: false,
        }
    }

    pub fn status(status: u16) -> Route {
        Route {
            status,
            ..Route::ok("text/plain", format!("status {status}"))
        }
    }

    pub fn redirect(to: &str) -> Route {
        let mut r = Route::status(302);
        r.headers.push(("Location".into(), to.into()));
        r
    }

    /// Validators derived from a version tag: a 304 when the client has it.
    pub fn versioned(mut self, tag: &str) -> Route {
        self.etag = Some(format!("\"{tag}\""));
        self.last_modified = Some("Sat, 01 Feb 2025 10:00:00 GMT".into());
        self
    }

    pub fn delayed(mut self, d: Duration) -> Route {
        self.delay = d;
        self
    }

    pub fn gzipped(mut self) -> Route {
        self.gzip = true;
        self
    }
}

/// A request as the server saw it; header names in lower case.
#[derive(Clone, Debug)]
pub struct Request {
    pub path: String,
    pub headers: HashMap<String, String>,
    /// The status answered.
    pub status: u16,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(String::as_str)
    }

    pub fn conditional(&self) -> bool {
        self.headers.contains_key("if-none-match") || self.headers.contains_key("if-modified-since")
    }
}

#[derive(Default)]
struct State {
    routes: Mutex<HashMap<String, Route>>,
    requests: Mutex<Vec<Request>>,
}

pub struct Server {
    pub base: String,
    state: Arc<State>,
}

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        let state = Arc::new(State::default());
        let shared = Arc::clone(&state);
        // Lives until the test binary exits; serves only this machine.
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let state = Arc::clone(&shared);
                std::thread::spawn(move || {
                    let _ = serve(stream, &state);
                });
            }
        });
        Server { base, state }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn route(&self, path: &str, route: Route) -> &Server {
        self.state
            .routes
            .lock()
            .unwrap()
            .insert(path.to_string(), route);
        self
    }

    /// Serves every file of a folder under `prefix` (`/` + relative path),
    /// with an ETag and Last-Modified per file.
    pub fn files(&self, dir: &Path, prefix: &str) -> &Server {
        for entry in walk(dir) {
            let rel = entry
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let body = std::fs::read(&entry).unwrap();
            let ct = match entry.extension().and_then(|e| e.to_str()) {
                Some("xml") => "application/rss+xml; charset=utf-8",
                Some("json") => "application/feed+json",
                _ => "text/html; charset=utf-8",
            };
            let tag = format!("v1-{}", body.len());
            self.route(
                &format!("{prefix}{rel}"),
                Route::ok(ct, body).versioned(&tag),
            );
        }
        self
    }

    pub fn requests(&self) -> Vec<Request> {
        self.state.requests.lock().unwrap().clone()
    }

    /// Requests whose path starts with `prefix`.
    pub fn requests_to(&self, prefix: &str) -> Vec<Request> {
        self.requests()
            .into_iter()
            .filter(|r| r.path.starts_with(prefix))
            .collect()
    }

    pub fn forget_requests(&self) {
        self.state.requests.lock().unwrap().clear();
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn serve(stream: TcpStream, state: &State) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let target = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = HashMap::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    // Routes match the path without its query, as servers do.
    let path = target.split(['?', '#']).next().unwrap_or("/").to_string();
    let route = state.routes.lock().unwrap().get(&path).cloned();
    let route = route.unwrap_or_else(|| Route::status(404));
    let fresh = route
        .etag
        .as_ref()
        .is_some_and(|e| headers.get("if-none-match") == Some(e))
        || (!headers.contains_key("if-none-match")
            && route
                .last_modified
                .as_ref()
                .is_some_and(|lm| headers.get("if-modified-since") == Some(lm)));
    let status = if fresh { 304 } else { route.status };
    state.requests.lock().unwrap().push(Request {
        path: target,
        headers: headers.clone(),
        status,
    });
    std::thread::sleep(route.delay);
    let mut body = if fresh {
        Vec::new()
    } else {
        route.body.clone()
    };
    let mut head = format!(
        "HTTP/1.1 {status} {}\r\nConnection: close\r\n",
        reason(status)
    );
    for (k, v) in &route.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if let Some(e) = &route.etag {
        head.push_str(&format!("ETag: {e}\r\n"));
    }
    if let Some(lm) = &route.last_modified {
        head.push_str(&format!("Last-Modified: {lm}\r\n"));
    }
    let accepts_gzip = headers
        .get("accept-encoding")
        .is_some_and(|a| a.contains("gzip"));
    if route.gzip && accepts_gzip && !fresh {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(&body)?;
        body = enc.finish()?;
        head.push_str("Content-Encoding: gzip\r\n");
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    let mut stream = stream;
    stream.write_all(head.as_bytes())?;
    stream.write_all(&body)?;
    stream.flush()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        302 => "Found",
        304 => "Not Modified",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "Status",
    }
}
