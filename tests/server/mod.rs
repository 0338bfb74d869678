//! A `quorum serve` child process for the tests, and HTTP requests written by hand over TCP
//! so that paths reach the server exactly as sent (clients normalise `..` away).

use crate::common::{quorum, quorum_process};
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::Duration;

/// A running `quorum serve`, stopped when dropped.
pub struct Server {
    pub child: Child,
    pub addr: SocketAddr,
}

impl Server {
    pub fn start(dir: &Path, index: &Path, corpus: &Path) -> Server {
        let mut child = quorum_process(dir)
            .args(["serve", "--index"])
            .arg(index)
            .arg("--corpus")
            .arg(corpus)
            .args(["--addr", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start quorum serve");
        let mut first = String::new();
        let stdout = child.stdout.take().expect("stdout");
        BufReader::new(stdout)
            .read_line(&mut first)
            .expect("the server's first line");
        let url = first
            .trim()
            .strip_prefix("quorum: serving http://")
            .and_then(|s| s.strip_suffix('/'))
            .unwrap_or_else(|| panic!("unexpected first line {first:?}"));
        let addr: SocketAddr = url.parse().expect("an address");
        assert!(addr.ip().is_loopback());
        Server { child, addr }
    }

    pub fn get(&self, path: &str) -> Reply {
        request(self.addr, "GET", path)
    }

    pub fn json(&self, path: &str) -> Value {
        let r = self.get(path);
        assert_eq!(r.status, 200, "GET {path}: {}", r.body);
        assert!(
            r.header("content-type").starts_with("application/json"),
            "GET {path}: {}",
            r.header("content-type")
        );
        serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("GET {path}: {e}: {}", r.body))
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map_or("", |(_, v)| v.as_str())
    }
}

/// One HTTP/1.1 request, the path sent byte for byte.
pub fn request(addr: SocketAddr, method: &str, path: &str) -> Reply {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("read the reply");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|c| c.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {head:?}"));
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    Reply {
        status,
        headers,
        body: body.to_string(),
    }
}

/// A temp folder with the shipped corpus's index at `index/`, and the server on it.
pub fn shipped() -> (tempfile::TempDir, Server) {
    let dir = crate::common::indexed_corpus();
    let server = Server::start(dir.path(), Path::new("index"), &crate::common::corpus());
    (dir, server)
}

/// A temp folder with a copy of the shipped corpus at `corpus/` plus `extra` files,
/// indexed at `index/`.
pub fn copied_corpus(extra: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let to = dir.path().join("corpus").join("igf");
    std::fs::create_dir_all(&to).unwrap();
    for e in std::fs::read_dir(crate::common::corpus().join("igf")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
    for (name, text) in extra {
        std::fs::write(to.join(name), text).unwrap();
    }
    index(dir.path());
    dir
}

pub fn index(dir: &Path) {
    let out = quorum(dir)
        .args(["index", "corpus", "--index", "index"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
