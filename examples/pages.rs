//! Paginated fetching, for real: the example starts an HTTP server on
//! localhost that serves a paginated JSON API, and an `#[async_gen]` client
//! fetches page after page, yielding each item as it arrives.
//!
//! It shows that a generator is lazy and that dropping it stops it: the
//! consumer takes 7 of the 25 items (3 per page), drops the generator, and the
//! server's request count shows that only the three pages needed were ever
//! requested. Then it shows errors: a non-2xx answer ends the stream with an
//! `Err` item, produced by `?` in the generator's body.
//!
//! Run it with `cargo run --example pages`.

use core::convert::Infallible;
use core::fmt;
use core::pin::pin;
use core::sync::atomic::{AtomicUsize, Ordering};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use asyncgen::async_gen;
use futures::StreamExt;
use http_body_util::{BodyExt, Empty, Full};
use hyper::body::{Bytes, Incoming};
use hyper::header::{CONTENT_TYPE, HOST};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use serde::{Deserialize, Serialize};
use tokio::net::{TcpListener, TcpStream};

/// The collection the server pages through.
const ELEMENTS: [&str; 25] = [
    "hydrogen",
    "helium",
    "lithium",
    "beryllium",
    "boron",
    "carbon",
    "nitrogen",
    "oxygen",
    "fluorine",
    "neon",
    "sodium",
    "magnesium",
    "aluminium",
    "silicon",
    "phosphorus",
    "sulfur",
    "chlorine",
    "argon",
    "potassium",
    "calcium",
    "scandium",
    "titanium",
    "vanadium",
    "chromium",
    "manganese",
];

/// Items per page.
const PER_PAGE: usize = 3;

/// How long the server takes to answer each request.
const LATENCY: Duration = Duration::from_millis(5);

/// On `/flaky`, every page from this cursor on fails with a 500.
const FLAKY_FROM: usize = 6;

/// How many items the first consumer takes before it drops the generator.
const TAKE: usize = 7;

/// One item of the collection, as the API serves it.
#[derive(Serialize, Deserialize)]
struct Element {
    /// The atomic number.
    number: usize,
    /// The element's name.
    name: String,
}

/// One page of the API: `GET /elements?cursor=N` answers
/// `{"items": [...], "next": N + 3}`, with `"next": null` on the last page.
#[derive(Serialize, Deserialize)]
struct Page {
    /// The items from `cursor` on, at most `PER_PAGE` of them.
    items: Vec<Element>,
    /// The cursor of the next page, if there is one.
    next: Option<usize>,
}

/// The page of `ELEMENTS` that starts at `cursor`.
fn page(cursor: usize) -> Page {
    let end = ELEMENTS.len().min(cursor.saturating_add(PER_PAGE));
    let items = (cursor..end)
        .map(|index| Element { number: index + 1, name: ELEMENTS[index].to_string() })
        .collect();
    Page { items, next: (end < ELEMENTS.len()).then_some(end) }
}

/// The server's side: answers requests and counts them.
#[derive(Default)]
struct Api {
    /// How many requests the server has received.
    requests: AtomicUsize,
}

impl Api {
    /// How many requests the server has received so far.
    fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }

    /// Answers one request, after `LATENCY`: `/elements?cursor=N` pages
    /// through `ELEMENTS`; `/flaky?cursor=N` does too, but fails with a 500
    /// from cursor `FLAKY_FROM` on.
    async fn handle(&self, request: Request<Incoming>) -> Response<Full<Bytes>> {
        let number = self.requests.fetch_add(1, Ordering::SeqCst) + 1;
        println!("    server: request {number}: {} {}", request.method(), request.uri());
        tokio::time::sleep(LATENCY).await;
        let uri = request.uri();
        let cursor = uri.query().and_then(|query| query.strip_prefix("cursor=")?.parse().ok());
        match (request.method(), uri.path(), cursor) {
            (&Method::GET, "/flaky", Some(cursor)) if cursor >= FLAKY_FROM => {
                text(StatusCode::INTERNAL_SERVER_ERROR, "the database is on fire")
            }
            (&Method::GET, "/elements" | "/flaky", Some(cursor)) => {
                let json = serde_json::to_vec(&page(cursor)).expect("a page serializes");
                Response::builder()
                    .header(CONTENT_TYPE, "application/json")
                    .body(Full::new(Bytes::from(json)))
                    .expect("a valid response")
            }
            (&Method::GET, "/elements" | "/flaky", None) => {
                text(StatusCode::BAD_REQUEST, "expected ?cursor=N")
            }
            _ => text(StatusCode::NOT_FOUND, "no such collection"),
        }
    }
}

/// A plain-text response with `status`.
fn text(status: StatusCode, body: &'static str) -> Response<Full<Bytes>> {
    Response::builder()
        .status(status)
        .header(CONTENT_TYPE, "text/plain")
        .body(Full::new(Bytes::from_static(body.as_bytes())))
        .expect("a valid response")
}

/// Accepts connections on `listener` forever, serving each with `api`.
async fn serve(listener: TcpListener, api: Arc<Api>) {
    loop {
        let Ok((stream, _)) = listener.accept().await else { continue };
        let api = Arc::clone(&api);
        let service = hyper::service::service_fn(move |request| {
            let api = Arc::clone(&api);
            async move { Ok::<_, Infallible>(api.handle(request).await) }
        });
        tokio::spawn(async move {
            // A client that hangs up mid-request is its own problem, not the
            // server's: the error is deliberately ignored.
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

/// Why the client stopped fetching.
#[derive(Debug)]
enum FetchError {
    /// The server could not be reached.
    Connect(std::io::Error),
    /// The path does not make a valid request.
    Request(hyper::http::Error),
    /// The HTTP exchange failed (connection lost, malformed response, ...).
    Http(hyper::Error),
    /// The server answered with a status other than 2xx.
    Status { uri: String, status: StatusCode, body: String },
    /// The page is not the JSON the client expects.
    Json { uri: String, error: serde_json::Error },
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Connect(error) => write!(f, "cannot connect: {error}"),
            FetchError::Request(error) => write!(f, "invalid request: {error}"),
            FetchError::Http(error) => write!(f, "HTTP error: {error}"),
            FetchError::Status { uri, status, body } => {
                write!(f, "GET {uri} answered {status}: {body}")
            }
            FetchError::Json { uri, error } => write!(f, "GET {uri} is not a page: {error}"),
        }
    }
}

impl From<std::io::Error> for FetchError {
    fn from(error: std::io::Error) -> Self {
        FetchError::Connect(error)
    }
}

impl From<hyper::http::Error> for FetchError {
    fn from(error: hyper::http::Error) -> Self {
        FetchError::Request(error)
    }
}

impl From<hyper::Error> for FetchError {
    fn from(error: hyper::Error) -> Self {
        FetchError::Http(error)
    }
}

/// Yields every element of the collection at `path` on the server at
/// `address`, fetching one page at a time (over one keep-alive connection)
/// only when the consumer has taken every item of the previous page. Any
/// failure ends the stream with an `Err` item.
#[async_gen(yield = Element)]
async fn elements(address: SocketAddr, path: &str) -> Result<(), FetchError> {
    let stream = TcpStream::connect(address).await?;
    let (mut sender, connection) =
        hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
    // The connection task does the socket I/O. It ends once `sender` is
    // dropped, that is when the generator is: dropping the generator closes
    // the connection. Its errors reach `send_request` below.
    tokio::spawn(connection);
    let mut cursor = Some(0);
    while let Some(at) = cursor {
        let uri = format!("{path}?cursor={at}");
        let request =
            Request::get(&uri).header(HOST, address.to_string()).body(Empty::<Bytes>::new())?;
        let response = sender.send_request(request).await?;
        let status = response.status();
        let body = response.into_body().collect().await?.to_bytes();
        if !status.is_success() {
            let body = String::from_utf8_lossy(&body).into_owned();
            return Err(FetchError::Status { uri, status, body });
        }
        let page: Page =
            serde_json::from_slice(&body).map_err(|error| FetchError::Json { uri, error })?;
        for element in page.items {
            yield_!(element);
        }
        cursor = page.next;
    }
    Ok(())
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    let api = Arc::new(Api::default());
    tokio::spawn(serve(listener, Arc::clone(&api)));
    println!("serving {} elements, {PER_PAGE} per page, on http://{address}", ELEMENTS.len());

    println!("\ntaking {TAKE} elements from /elements:");
    {
        let mut elements = pin!(elements(address, "/elements"));
        let mut taken = 0;
        while let Some(item) = elements.next().await {
            match item {
                Ok(element) => println!("{:>4} {}", element.number, element.name),
                Err(error) => println!("error: {error}"),
            }
            taken += 1;
            if taken == TAKE {
                break;
            }
        }
        // Leaving this block drops the generator, suspended in the middle of
        // its third page: its connection closes and no further page is asked.
    }
    // Give anything still in flight time to show up in the count: nothing is.
    tokio::time::sleep(LATENCY * 10).await;
    println!(
        "dropped the generator after {TAKE} of {} elements: the server handled {} requests \
         (of {} pages), nothing more was fetched",
        ELEMENTS.len(),
        api.requests(),
        ELEMENTS.len().div_ceil(PER_PAGE),
    );

    println!("\ntaking everything from /flaky, which fails from cursor {FLAKY_FROM} on:");
    let before = api.requests();
    let mut elements = pin!(elements(address, "/flaky"));
    let mut taken = 0;
    while let Some(item) = elements.next().await {
        match item {
            Ok(element) => {
                taken += 1;
                println!("{:>4} {}", element.number, element.name);
            }
            Err(error) => println!("error: {error}"),
        }
    }
    println!(
        "the stream ended after {taken} elements and the error; {} more requests",
        api.requests() - before
    );
    Ok(())
}
