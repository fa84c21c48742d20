//! The request loop against a scripted transport: what is sent, how often, how long it waits.

use std::cell::RefCell;
use std::collections::VecDeque;

use serde_json::json;

use super::*;
use crate::endpoints::Method;

/// Answers from a script, records every request, token and sleep; never really waits.
#[derive(Default)]
struct Scripted {
    answers: RefCell<VecDeque<Result<WireResponse, TransportError>>>,
    sent: RefCell<Vec<(WireRequest, String)>>,
    sleeps: RefCell<Vec<u64>>,
    tokens: RefCell<VecDeque<Result<&'static str, &'static str>>>,
    abort_on_sleep: bool,
}

impl Scripted {
    fn new(answers: Vec<Result<WireResponse, TransportError>>) -> Self {
        Scripted { answers: RefCell::new(answers.into()), ..Default::default() }
    }
}

impl std::fmt::Debug for Scripted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Scripted")
    }
}

impl Transport for Scripted {
    async fn token(&self, _request: &WireRequest, _timeout_ms: u32) -> Result<Secret, ClientError> {
        match self.tokens.borrow_mut().pop_front() {
            None => Secret::new("tok-abc-123"),
            Some(Ok(t)) => Secret::new(t),
            Some(Err(m)) => Err(ClientError::Token { message: m.into() }),
        }
    }

    async fn send(
        &self,
        request: &WireRequest,
        token: &Secret,
        _timeout_ms: u32,
    ) -> Result<WireResponse, TransportError> {
        self.sent.borrow_mut().push((request.clone(), token.expose().to_owned()));
        self.answers.borrow_mut().pop_front().unwrap_or(Err(TransportError::Network { message: "script ended".into() }))
    }

    async fn sleep(&self, ms: u64) -> Result<(), TransportError> {
        self.sleeps.borrow_mut().push(ms);
        if self.abort_on_sleep {
            Err(TransportError::Aborted)
        } else {
            Ok(())
        }
    }

    fn now_ms(&self) -> f64 {
        1_700_000_000_000.0
    }

    fn random(&self) -> f64 {
        0.0
    }
}

fn ok(status: u16, body: &str) -> Result<WireResponse, TransportError> {
    Ok(WireResponse { status, headers: vec![], body: body.as_bytes().to_vec() })
}

fn with_header(status: u16, name: &str, value: &str) -> Result<WireResponse, TransportError> {
    Ok(WireResponse { status, headers: vec![(name.into(), value.into())], body: vec![] })
}

fn net() -> Result<WireResponse, TransportError> {
    Err(TransportError::Network { message: "connection reset".into() })
}

fn client(t: Scripted) -> Client<Scripted> {
    Client::new(Config::new().base_url("http://127.0.0.1:9").unwrap(), t)
}

const SITE: &str = r#"{"customerId":12,"siteName":"Head Office","siteReference":"HO-1","startDate":"2024-01-01",
  "siteAddress":{"address1":"1 High Street","town":"London","postcode":"SW1A 1AA","country":"GB"},
  "siteContacts":[{"contactName":"Jane","contactRole":"ACCOUNTS","contactTelephoneNumber":"020 7946 0000"}]}"#;

fn site() -> serde_json::Value {
    serde_json::from_str(SITE).unwrap()
}

#[test]
fn get_is_retried_after_503_with_growing_backoff_then_succeeds() {
    let c = client(Scripted::new(vec![ok(503, ""), ok(502, ""), ok(200, r#"{"id":5}"#)]));
    let got = pollster::block_on(c.resource("sites").unwrap().get(&[json!(5)], Some("id,siteName"))).unwrap();
    assert_eq!(got, Some(json!({"id": 5})));
    let sent = c.transport.sent.borrow();
    assert_eq!(sent.len(), 3);
    assert!(sent
        .iter()
        .all(|(r, _)| r.method == Method::Get && r.url == "http://127.0.0.1:9/v1/sites/5?fields=id%2CsiteName"));
    // random() = 0: the lower jitter bound of steps 0 and 1.
    assert_eq!(*c.transport.sleeps.borrow(), vec![retry::backoff_ms(0, 0.0), retry::backoff_ms(1, 0.0)]);
}

#[test]
fn retries_are_bounded_and_the_last_error_reports_the_attempts() {
    let c = client(Scripted::new(vec![ok(503, ""), ok(503, ""), ok(503, r#"{"message":"down"}"#), ok(200, "{}")]));
    let e = pollster::block_on(c.resource("sites").unwrap().get(&[json!(1)], None)).unwrap_err();
    match e {
        ClientError::Api(e) => {
            assert_eq!((e.status, e.kind, e.attempts), (503, ApiErrorKind::ServerError, 3));
            assert!(e.message.ends_with(": down"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(c.transport.sent.borrow().len(), 3, "1 attempt + 2 retries (the default)");

    let c = Client::new(Config::new().retries(0).unwrap(), Scripted::new(vec![ok(503, ""), ok(200, "{}")]));
    assert!(pollster::block_on(c.resource("sites").unwrap().get(&[json!(1)], None)).is_err());
    assert_eq!(c.transport.sent.borrow().len(), 1);
}

#[test]
fn retry_after_is_honoured_and_too_long_a_pause_fails_at_once() {
    let c = client(Scripted::new(vec![with_header(429, "Retry-After", "3"), ok(200, "[]")]));
    let page = pollster::block_on(
        c.resource("sites").unwrap().list(&json!({"page":1,"pageSize":10}), &CallOptions::default()),
    );
    assert_eq!(page.unwrap(), Vec::<serde_json::Value>::new());
    assert_eq!(*c.transport.sleeps.borrow(), vec![3_000]);

    let c = client(Scripted::new(vec![with_header(429, "retry-after", "3600"), ok(200, "[]")]));
    let e = pollster::block_on(
        c.resource("sites").unwrap().list(&json!({"page":1,"pageSize":10}), &CallOptions::default()),
    );
    assert!(matches!(e, Err(ClientError::Api(e)) if e.kind == ApiErrorKind::TooManyRequests && e.attempts == 1));
    assert!(c.transport.sleeps.borrow().is_empty());
}

type Write = Box<dyn Fn(&Client<Scripted>) -> Result<(), ClientError>>;

/// A create, an update and a delete, with their methods.
fn writes() -> Vec<(Method, Write)> {
    vec![
        (
            Method::Post,
            Box::new(|c| {
                pollster::block_on(c.resource("sites").unwrap().create(&site(), &CallOptions::default())).map(|_| ())
            }),
        ),
        (
            Method::Patch,
            Box::new(|c| {
                pollster::block_on(c.resource("sites").unwrap().update(
                    &[json!(1)],
                    &json!([]),
                    &CallOptions::default(),
                ))
                .map(|_| ())
            }),
        ),
        (
            Method::Delete,
            Box::new(|c| pollster::block_on(c.resource("rentalProductCategories").unwrap().delete(&[json!(1)]))),
        ),
    ]
}

#[test]
fn writes_are_not_retried_after_answers_that_prove_nothing() {
    for (method, run) in writes() {
        for first in [
            ok(503, ""),
            ok(500, ""),
            ok(502, ""),
            with_header(504, "Retry-After", "0"),
            net(),
            Err(TransportError::Timeout),
        ] {
            let c = client(Scripted::new(vec![first.clone(), ok(200, "{}")]));
            assert!(run(&c).is_err(), "{method:?} {first:?}");
            let sent = c.transport.sent.borrow();
            assert_eq!(sent.len(), 1, "{method:?} must not be retried after {first:?}");
            assert_eq!(sent[0].0.method, method);
        }
    }
}

#[test]
fn writes_are_retried_after_429_and_503_with_retry_after_honouring_it() {
    for (method, run) in writes() {
        for first in [ok(429, ""), with_header(429, "Retry-After", "2"), with_header(503, "retry-after", "1")] {
            let c = client(Scripted::new(vec![first.clone(), ok(200, "{}")]));
            assert!(run(&c).is_ok(), "{method:?} {first:?}");
            assert_eq!(c.transport.sent.borrow().len(), 2, "{method:?} retried after {first:?}");
            let waited = c.transport.sleeps.borrow()[0];
            let expected = match first.as_ref().unwrap().header("retry-after") {
                Some(s) => s.parse::<u64>().unwrap() * 1000,
                None => retry::backoff_ms(0, 0.0),
            };
            assert_eq!(waited, expected, "{method:?} {first:?}");
        }
        // Bounded by `retries` like reads; the last answer is the error, with its Retry-After.
        let c = client(Scripted::new(vec![with_header(429, "Retry-After", "1"); 4]));
        match run(&c).unwrap_err() {
            ClientError::Api(e) => assert_eq!((e.status, e.attempts, e.retry_after), (429, 3, Some(1))),
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn api_errors_carry_the_headers_and_retry_after() {
    let answer = Ok(WireResponse {
        status: 503,
        headers: vec![
            ("Retry-After".into(), "Tue, 14 Nov 2023 22:13:24 GMT".into()),
            ("x-request-id".into(), "abc".into()),
            ("set-cookie".into(), "session=1".into()),
            ("www-authenticate".into(), "Bearer error=\"invalid_token\" token=tok-abc-123".into()),
        ],
        body: vec![],
    });
    // now_ms() is 2023-11-14T22:13:20Z: the date is 4 s ahead, beyond the retries.
    let c = Client::new(Config::new().retries(0).unwrap(), Scripted::new(vec![answer]));
    match pollster::block_on(c.resource("sites").unwrap().get(&[json!(1)], None)).unwrap_err() {
        ClientError::Api(e) => {
            assert_eq!(e.retry_after, Some(4));
            assert_eq!(
                e.headers,
                [
                    ("retry-after".to_owned(), "Tue, 14 Nov 2023 22:13:24 GMT".to_owned()),
                    ("x-request-id".into(), "abc".into()),
                    ("www-authenticate".into(), "Bearer error=\"invalid_token\" token=[redacted]".into()),
                ]
            );
        }
        other => panic!("{other:?}"),
    }
    let c =
        Client::new(Config::new().retries(0).unwrap(), Scripted::new(vec![with_header(503, "Retry-After", "soon")]));
    match pollster::block_on(c.resource("sites").unwrap().get(&[json!(1)], None)).unwrap_err() {
        ClientError::Api(e) => assert_eq!(e.retry_after, None, "unreadable"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn api_errors_place_the_servers_complaints_at_the_fields_of_the_body() {
    use super::server_issues::ServerIssue;
    // A customer's body: the server names a field of one of its sites, below the object name.
    let body = r#"{"status":409,"error":"Conflict","message":"Validation failed",
        "errors":[{"field":"customer.sites[0].siteReference","defaultMessage":"siteReference already exists","code":"Unique"}]}"#;
    let c = Client::new(Config::new().validate(false), Scripted::new(vec![ok(409, body)]));
    let e = pollster::block_on(c.resource("customers").unwrap().create(&json!({}), &CallOptions::default()));
    match e.unwrap_err() {
        ClientError::Api(e) => assert_eq!(
            e.issues,
            [ServerIssue {
                path: "/sites/0/siteReference".into(),
                message: "siteReference already exists".into(),
                field: Some("customer.sites[0].siteReference".into()),
                code: Some("Unique".into()),
            }]
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_request_blocked_by_cors_is_reported_at_once() {
    let blocked = || Err(TransportError::Blocked { message: "Failed to fetch. CORS…".into() });
    let c = client(Scripted::new(vec![blocked(), ok(200, r#"{"id":1}"#)]));
    let e = pollster::block_on(c.resource("sites").unwrap().get(&[json!(1)], None)).unwrap_err();
    assert!(matches!(&e, ClientError::Network { attempts: 1, maybe_cors: true, .. }), "{e:?}");
    assert_eq!(c.transport.sent.borrow().len(), 1, "not retried");
}

#[test]
fn a_missing_or_broken_fetch_is_reported_at_once() {
    let broken = || Err(TransportError::NoFetch { message: "there is no global fetch; pass the fetch option".into() });
    let c = client(Scripted::new(vec![broken(), ok(200, r#"{"id":1}"#)]));
    let e = pollster::block_on(c.resource("sites").unwrap().get(&[json!(1)], None)).unwrap_err();
    assert!(
        matches!(&e, ClientError::Network { attempts: 1, message, .. } if message.contains("no global fetch")),
        "{e:?}"
    );
    assert_eq!(c.transport.sent.borrow().len(), 1, "not retried");
}

#[test]
fn network_failures_and_timeouts_of_reads_are_retried_then_reported() {
    let c = client(Scripted::new(vec![net(), ok(200, r#"{"id":1}"#)]));
    assert!(pollster::block_on(c.resource("sites").unwrap().get(&[json!(1)], None)).is_ok());
    assert_eq!(c.transport.sent.borrow().len(), 2);

    let c = client(Scripted::new(vec![net(), net(), net()]));
    let e = pollster::block_on(c.resource("sites").unwrap().exists(&json!({"customerId": 1}), &CallOptions::default()));
    assert_eq!(
        e.unwrap_err(),
        ClientError::Network {
            method: Method::Head,
            url: "http://127.0.0.1:9/v1/sites?customerId=1".into(),
            message: "connection reset".into(),
            attempts: 3,
            maybe_cors: false
        }
    );

    let c = client(Scripted::new(vec![
        Err(TransportError::Timeout),
        Err(TransportError::Timeout),
        Err(TransportError::Timeout),
    ]));
    let e = pollster::block_on(c.resource("sites").unwrap().get(&[json!(1)], None)).unwrap_err();
    assert!(matches!(e, ClientError::Timeout { timeout_ms: 30_000, attempts: 3, .. }), "{e:?}");
}

#[test]
fn an_abort_during_the_backoff_stops_the_retries() {
    let mut t = Scripted::new(vec![ok(503, ""), ok(200, "{}")]);
    t.abort_on_sleep = true;
    let c = client(t);
    let e = pollster::block_on(c.resource("sites").unwrap().get(&[json!(1)], None)).unwrap_err();
    assert_eq!(e, ClientError::Aborted { method: Method::Get, url: "http://127.0.0.1:9/v1/sites/1".into() });
    assert_eq!(c.transport.sent.borrow().len(), 1);
    // And an abort during the attempt itself.
    let c = client(Scripted::new(vec![Err(TransportError::Aborted), ok(200, "{}")]));
    assert!(matches!(
        pollster::block_on(c.resource("sites").unwrap().get(&[json!(1)], None)),
        Err(ClientError::Aborted { .. })
    ));
    assert_eq!(c.transport.sent.borrow().len(), 1);
}

#[test]
fn the_token_is_asked_for_each_attempt_and_only_reaches_the_transport() {
    let t = Scripted::new(vec![ok(503, ""), ok(200, "{}")]);
    t.tokens.borrow_mut().extend([Ok("first-token-1"), Ok("second-token-2")]);
    let c = client(t);
    pollster::block_on(c.resource("sites").unwrap().get(&[json!(1)], None)).unwrap();
    let sent = c.transport.sent.borrow();
    assert_eq!(sent.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>(), ["first-token-1", "second-token-2"]);
    for (r, _) in sent.iter() {
        assert!(!r.headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("authorization")));
        assert!(!format!("{r:?}").contains("token"));
    }
    assert!(!format!("{c:?}").contains("token-"));

    let t = Scripted::new(vec![ok(200, "{}")]);
    t.tokens.borrow_mut().push_back(Err("vault unavailable"));
    let c = client(t);
    let e = pollster::block_on(c.resource("sites").unwrap().get(&[json!(1)], None)).unwrap_err();
    assert_eq!(e.to_string(), "no usable bearer token: vault unavailable");
    assert!(c.transport.sent.borrow().is_empty());
}

#[test]
fn invalid_requests_send_nothing_unless_validation_is_off() {
    let mut bad = site();
    bad["siteName"] = json!("");
    let c = client(Scripted::new(vec![ok(201, r#"{"id":1}"#)]));
    let e = pollster::block_on(c.resource("sites").unwrap().create(&bad, &CallOptions::default())).unwrap_err();
    match &e {
        ClientError::Validation { endpoint, issues } => {
            assert_eq!(endpoint, "POST /sites");
            assert_eq!(
                issues.iter().map(|i| (i.path.as_str(), i.code())).collect::<Vec<_>>(),
                [("/siteName", "minLength")]
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(c.transport.sent.borrow().is_empty());

    let c = Client::new(Config::new().validate(false), Scripted::new(vec![ok(201, r#"{"id":1}"#)]));
    let created = pollster::block_on(c.resource("sites").unwrap().create(&bad, &CallOptions::default())).unwrap();
    assert_eq!(created, Some(json!({"id": 1})));
    let sent = c.transport.sent.borrow();
    assert_eq!(sent[0].0.body.as_deref().map(|b| serde_json::from_str::<serde_json::Value>(b).unwrap()), Some(bad));
}

#[test]
fn pages_walk_until_a_short_page() {
    let c = client(Scripted::new(vec![ok(200, "[1,2]"), ok(200, "[3,4]"), ok(200, "[5]"), ok(200, "[6]")]));
    let r = c.resource("rentalProductCategories").unwrap();
    let mut pages = r.pages(json!({"name": "like:C%"}), 2, CallOptions::default());
    let mut all = Vec::new();
    while let Some(records) = pollster::block_on(pages.next()).unwrap() {
        all.extend(records);
    }
    assert_eq!(all, [json!(1), json!(2), json!(3), json!(4), json!(5)]);
    let urls: Vec<String> = c.transport.sent.borrow().iter().map(|(r, _)| r.url.clone()).collect();
    assert_eq!(
        urls,
        (1..=3)
            .map(|p| format!("http://127.0.0.1:9/v2/rental-product-categories?name=like%3AC%25&page={p}&pageSize=2"))
            .collect::<Vec<_>>()
    );
}

#[test]
fn special_headers_are_options_of_their_endpoint_only() {
    let c = client(Scripted::new(vec![ok(200, "{}")]));
    let opts = CallOptions { headers: vec![("cascadeEndDate".into(), false)] };
    pollster::block_on(c.resource("sites").unwrap().update(&[json!(3)], &json!([]), &opts)).unwrap();
    assert!(c.transport.sent.borrow()[0].0.headers.contains(&("cascade_end_date", "false".into())));
    let e = pollster::block_on(c.resource("customers").unwrap().create(&json!({}), &opts)).unwrap_err();
    assert!(matches!(e, ClientError::Usage { .. }));
}
