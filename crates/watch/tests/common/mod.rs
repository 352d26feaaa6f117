//! A tiny HTTP/1.1 server on 127.0.0.1 for the tests: one thread per
//! connection, one request per connection, answers from a handler closure,
//! and a log of what it was asked.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// A request as the server read it.
#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    pub headers: Vec<(String, String)>,
    /// When the server had read the whole request head.
    pub at: Instant,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

pub enum Body {
    /// Sent whole, with a Content-Length unless the reply sets its own.
    Bytes(Vec<u8>),
    /// `total` bytes in 64 KiB chunks with no length (the connection's end
    /// ends it), unless the reply declares one; the bytes the client took
    /// are counted in [`Server::streamed`].
    Stream { total: u64 },
    /// `count` bytes, one every `every`, with their Content-Length.
    Drip { count: usize, every: Duration },
}

pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Body,
    /// Wait before sending anything.
    pub delay: Duration,
}

impl Reply {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply::status(200).header("Content-Type", content_type).body(body)
    }

    pub fn status(status: u16) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: Body::Bytes(Vec::new()),
            delay: Duration::ZERO,
        }
    }

    pub fn redirect(status: u16, location: &str) -> Reply {
        Reply::status(status).header("Location", location)
    }

    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    pub fn body(mut self, body: impl Into<Vec<u8>>) -> Reply {
        self.body = Body::Bytes(body.into());
        self
    }

    pub fn with_body(mut self, body: Body) -> Reply {
        self.body = body;
        self
    }

    pub fn delayed(mut self, delay: Duration) -> Reply {
        self.delay = delay;
        self
    }
}

type Handler = dyn Fn(&Request) -> Reply + Send + Sync;

pub struct Server {
    pub addr: SocketAddr,
    log: Arc<Mutex<Vec<Request>>>,
    /// Bytes of [`Body::Stream`] bodies that were written to a client.
    pub streamed: Arc<AtomicU64>,
    /// Set when a [`Body::Stream`] body ended, finished or cut off.
    pub stream_done: Arc<AtomicBool>,
    stop: Arc<AtomicBool>,
}

impl Server {
    pub fn start(handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().unwrap();
        let log = Arc::new(Mutex::new(Vec::new()));
        let streamed = Arc::new(AtomicU64::new(0));
        let stream_done = Arc::new(AtomicBool::new(false));
        let stop = Arc::new(AtomicBool::new(false));
        let handler: Arc<Handler> = Arc::new(handler);
        {
            let (log, streamed, stream_done, stop) =
                (log.clone(), streamed.clone(), stream_done.clone(), stop.clone());
            thread::spawn(move || {
                for conn in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(conn) = conn else { continue };
                    let (log, streamed, stream_done, handler) = (
                        log.clone(),
                        streamed.clone(),
                        stream_done.clone(),
                        handler.clone(),
                    );
                    thread::spawn(move || {
                        serve(conn, &*handler, &log, &streamed, &stream_done);
                    });
                }
            });
        }
        Server {
            addr,
            log,
            streamed,
            stream_done,
            stop,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub fn requests(&self) -> Vec<Request> {
        self.log.lock().unwrap().clone()
    }

    pub fn hits(&self, path: &str) -> usize {
        self.requests().iter().filter(|r| r.path == path).count()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(self.addr);
    }
}

fn serve(
    mut conn: TcpStream,
    handler: &Handler,
    log: &Mutex<Vec<Request>>,
    streamed: &AtomicU64,
    stream_done: &AtomicBool,
) {
    conn.set_read_timeout(Some(Duration::from_secs(5))).ok();
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match conn.read(&mut byte) {
            Ok(1) if head.len() < 64 * 1024 => head.push(byte[0]),
            _ => return,
        }
    }
    let text = String::from_utf8_lossy(&head);
    let mut lines = text.split("\r\n");
    let path = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .unwrap_or("/")
        .to_owned();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let request = Request {
        path,
        headers,
        at: Instant::now(),
    };
    log.lock().unwrap().push(request.clone());
    let reply = handler(&request);
    thread::sleep(reply.delay);

    let mut out = format!("HTTP/1.1 {} X\r\nConnection: close\r\n", reply.status).into_bytes();
    let has_length = reply
        .headers
        .iter()
        .any(|(k, _)| k.eq_ignore_ascii_case("content-length"));
    for (k, v) in &reply.headers {
        out.extend_from_slice(format!("{k}: {v}\r\n").as_bytes());
    }
    match &reply.body {
        Body::Bytes(b) if !has_length => {
            out.extend_from_slice(format!("Content-Length: {}\r\n", b.len()).as_bytes())
        }
        Body::Drip { count, .. } => out.extend_from_slice(format!("Content-Length: {count}\r\n").as_bytes()),
        _ => {}
    }
    out.extend_from_slice(b"\r\n");
    if conn.write_all(&out).is_err() {
        return;
    }
    match reply.body {
        Body::Bytes(b) => {
            let _ = conn.write_all(&b);
        }
        Body::Drip { count, every } => {
            for _ in 0..count {
                thread::sleep(every);
                if conn.write_all(b"x").is_err() {
                    break;
                }
            }
        }
        Body::Stream { total } => {
            let chunk = vec![b'a'; 64 * 1024];
            let mut sent = 0u64;
            while sent < total {
                match conn.write(&chunk) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        sent += n as u64;
                        streamed.fetch_add(n as u64, Ordering::SeqCst);
                    }
                }
            }
            stream_done.store(true, Ordering::SeqCst);
        }
    }
    let _ = conn.flush();
}
