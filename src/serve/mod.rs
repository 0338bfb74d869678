//! `quorum serve`: pages and a JSON API over the index, for people who do not use a
//! terminal.
//!
//! The server is read-only and listens on loopback unless told otherwise. Every query runs
//! on a blocking thread under a semaphore, with a time limit per request, so a slow or
//! hostile request cannot take the machine. Meeting records are read only through the
//! index's own list of sources ([`state::Loaded::record_path`]): no part of a request
//! path is ever joined to a folder. HTML is built with `maud`, which escapes every
//! interpolated value unless it is explicitly marked raw, and nothing here is.

mod api;
mod chart;
mod forms;
mod pages;
mod params;
mod state;

use crate::config::default_corpus;
use crate::error::QuorumError;
use crate::index::{reader, writer};
use anyhow::{Context, Result};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use clap::Args;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

pub use state::App;

/// Longest a request may take before it is answered 503: a search takes milliseconds, a
/// gaps table of a large index seconds; nothing legitimate takes this long.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// Most hits one search returns.
pub const MAX_HITS: usize = 100;
/// Most proposals one answer lists (`total` says how many matched).
pub const MAX_ROWS: usize = 1000;
/// How often the index folder is checked for a new commit of `quorum index`.
pub const RELOAD_EVERY: Duration = Duration::from_millis(500);
/// Scripts, styles and frames only from this server; no inline script runs even if
/// escaping ever failed.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// `quorum serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Index folder.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Folder of the indexed records, to show whole meetings [default: corpus/].
    #[arg(long)]
    pub corpus: Option<PathBuf>,
    /// Address to listen on; anything but loopback serves the records to the network.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Themes file [default: the shipped data/themes.toml].
    #[arg(long = "themes", value_name = "FILE")]
    pub themes_file: Option<PathBuf>,
}

/// Runs the server until interrupted (Ctrl-C or SIGTERM).
pub fn run(a: ServeArgs) -> Result<()> {
    let corpus = a.corpus.unwrap_or_else(default_corpus);
    let themes = crate::extract::themes::ThemeSet::load(a.themes_file.as_deref())
        .map_err(|e| QuorumError::Usage(format!("{e:#}")))?;
    if !reader::exists(&a.index) && reader::is_vacant(&a.index) && corpus.is_dir() {
        eprintln!(
            "quorum: no index at {}; building it from {} first",
            a.index.display(),
            corpus.display()
        );
        let opts = writer::BuildOptions {
            themes: Arc::new(themes.clone()),
            ..Default::default()
        };
        let report = crate::pipeline::build(&corpus, &a.index, &opts)?;
        eprintln!("quorum: {}", crate::report::human::build_summary(&report));
    }
    let app = Arc::new(App::open(a.index.clone(), &corpus, themes)?);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the server's threads")?;
    rt.block_on(serve(app, a.addr))
}

async fn serve(app: Arc<App>, addr: SocketAddr) -> Result<()> {
    let listener =
        listen(addr).map_err(|e| QuorumError::Usage(format!("cannot listen on {addr}: {e}")))?;
    let local = listener.local_addr().context("reading the bound address")?;
    if !local.ip().is_loopback() {
        eprintln!(
            "quorum: warning: listening on {local}, not loopback: anyone who can reach this \
             machine can read the indexed records"
        );
    }
    // the first line on stdout is the address, for scripts and tests that pass port 0
    println!("quorum: serving http://{local}/");
    eprintln!(
        "quorum: index {}, {} meetings; Ctrl-C stops",
        app.index_dir.display(),
        app.loaded().meetings()
    );
    tokio::spawn(state::watch(app.clone()));
    axum::serve(listener, router(app))
        .with_graceful_shutdown(shutdown())
        .await
        .context("serving")
}

/// Connections the kernel queues before the server accepts them. The default of 128
/// dropped connections of a burst of 200 searches, which the clients then retried a
/// second later.
const BACKLOG: u32 = 1024;

fn listen(addr: SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    #[cfg(unix)]
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(BACKLOG)
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

/// The routes, with the limits and headers every answer gets.
pub fn router(app: Arc<App>) -> Router {
    let header = |name, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
    };
    Router::new()
        .route("/", get(pages::search))
        .route("/search", get(pages::search))
        .route("/meetings/{*source}", get(pages::meeting))
        .route("/people/{id}", get(pages::person))
        .route("/proposals", get(pages::proposals))
        .route("/themes", get(pages::themes))
        .route("/gaps", get(pages::gaps))
        .route("/assets/style.css", get(style))
        .route("/assets/app.js", get(script))
        .route("/api/search", get(api::search))
        .route("/api/proposals", get(api::proposals))
        .route("/api/themes", get(api::themes))
        .route("/api/gaps", get(api::gaps))
        .route("/api/meetings/{*source}", get(api::meeting))
        .route("/api/people/{id}", get(api::person))
        .route("/api/status", get(api::status))
        .fallback(pages::not_found)
        .with_state(app)
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            REQUEST_TIMEOUT,
        ))
        .layer(RequestBodyLimitLayer::new(4096))
        .layer(header(header::CONTENT_SECURITY_POLICY, CSP))
        .layer(header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(header(header::REFERRER_POLICY, "no-referrer"))
        .layer(header(header::X_FRAME_OPTIONS, "DENY"))
        .layer(CatchPanicLayer::new())
}

async fn style() -> Response {
    asset("text/css; charset=utf-8", include_str!("assets/style.css"))
}

async fn script() -> Response {
    asset(
        "text/javascript; charset=utf-8",
        include_str!("assets/app.js"),
    )
}

fn asset(kind: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

/// Why a request failed, as the API and the pages report it.
#[derive(Debug)]
pub(crate) enum Fail {
    /// The request cannot be answered as asked (bad query, bad date).
    BadRequest(String),
    /// Nothing is there.
    NotFound(String),
    /// The server's fault.
    Internal(String),
}

impl Fail {
    fn status(&self) -> StatusCode {
        match self {
            Fail::BadRequest(_) => StatusCode::BAD_REQUEST,
            Fail::NotFound(_) => StatusCode::NOT_FOUND,
            Fail::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn message(&self) -> &str {
        match self {
            Fail::BadRequest(m) | Fail::NotFound(m) | Fail::Internal(m) => m,
        }
    }
}

impl From<anyhow::Error> for Fail {
    fn from(e: anyhow::Error) -> Fail {
        match e.chain().find_map(|c| c.downcast_ref::<QuorumError>()) {
            Some(QuorumError::Usage(m)) => Fail::BadRequest(m.clone()),
            _ => Fail::Internal(format!("{e:#}")),
        }
    }
}

impl From<QuorumError> for Fail {
    fn from(e: QuorumError) -> Fail {
        anyhow::Error::from(e).into()
    }
}
