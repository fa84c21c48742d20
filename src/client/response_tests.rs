//! Tests of response interpretation (kept apart so `response.rs` stays short).

use super::*;
use crate::endpoints::Method;

fn req() -> WireRequest {
    WireRequest { method: Method::Get, url: "https://x.test/v1/sites/9".into(), headers: vec![], body: None }
}

fn token() -> Secret {
    Secret::new("tok-secret-1").unwrap()
}

fn resp(status: u16, body: &str) -> WireResponse {
    WireResponse {
        status,
        headers: vec![("content-type".into(), "application/json".into())],
        body: body.as_bytes().to_vec(),
    }
}

fn api_err(op: Op, r: WireResponse) -> ApiError {
    match interpret(&req(), op, &r, 1, &token(), None) {
        Err(ClientError::Api(e)) => *e,
        other => panic!("expected an API error, got {other:?}"),
    }
}

fn detail(body: &str) -> Option<String> {
    detail_of(&error_body(body.as_bytes(), &token()))
}

#[test]
fn success_bodies_are_checked_not_trusted() {
    assert_eq!(
        interpret(&req(), Op::Get, &resp(200, r#"{"id":9}"#), 1, &token(), None),
        Ok(Reply::Json(r#"{"id":9}"#.into()))
    );
    assert_eq!(interpret(&req(), Op::List, &resp(200, "[]"), 1, &token(), None), Ok(Reply::Json("[]".into())));
    assert_eq!(interpret(&req(), Op::Delete, &resp(200, ""), 1, &token(), None), Ok(Reply::Empty));
    // `delete` is typed `Promise<void>`: a body the server adds (even a broken one) is not returned.
    assert_eq!(interpret(&req(), Op::Delete, &resp(200, r#"{"id":9}"#), 1, &token(), None), Ok(Reply::Empty));
    assert_eq!(interpret(&req(), Op::Delete, &resp(204, "{"), 1, &token(), None), Ok(Reply::Empty));
    assert_eq!(interpret(&req(), Op::Update, &resp(204, "  "), 1, &token(), None), Ok(Reply::Empty));

    let e = api_err(Op::Get, resp(200, r#"{"id": 9,"#));
    assert_eq!((e.status, e.kind), (200, ApiErrorKind::InvalidResponse));
    assert!(
        e.message
            .starts_with("200 from GET https://x.test/v1/sites/9 is not a usable response: the body is not valid JSON"),
        "{}",
        e.message
    );
    assert_eq!(e.body, ErrorBody::Text(r#"{"id": 9,"#.into()));
    assert!(api_err(Op::List, resp(200, r#"{"items":[]}"#)).message.ends_with("the body is not a JSON array"));
    assert!(api_err(Op::List, resp(200, "")).message.contains("empty"));
    let e = api_err(Op::Get, WireResponse { status: 200, headers: vec![], body: vec![0xff, 0xfe] });
    assert!(e.message.contains("not UTF-8"));
}

#[test]
fn exists_reads_x_total_count_and_404() {
    let head = |status, count: Option<&str>| {
        let headers = count.map(|c| vec![("X-Total-Count".to_owned(), c.to_owned())]).unwrap_or_default();
        interpret(&req(), Op::Exists, &WireResponse { status, headers, body: vec![] }, 1, &token(), None)
    };
    assert_eq!(head(200, Some("7")), Ok(Reply::Exists(ExistsResult { exists: true, total: Some(7) })));
    assert_eq!(head(200, Some("0")), Ok(Reply::Exists(ExistsResult { exists: false, total: Some(0) })));
    assert_eq!(head(200, None), Ok(Reply::Exists(ExistsResult { exists: true, total: None })));
    assert_eq!(head(200, Some("many")), Ok(Reply::Exists(ExistsResult { exists: true, total: None })));
    assert_eq!(head(404, None), Ok(Reply::Exists(ExistsResult { exists: false, total: Some(0) })));
    assert!(matches!(head(401, None), Err(ClientError::Api(e)) if e.kind == ApiErrorKind::Unauthorized));
}

#[test]
fn errors_carry_status_kind_request_and_the_servers_words() {
    let e = api_err(Op::Get, resp(404, r#"{"message":"Site 9 not found"}"#));
    assert_eq!(e.kind, ApiErrorKind::NotFound);
    assert_eq!(e.method, Method::Get);
    assert_eq!(e.url, "https://x.test/v1/sites/9");
    assert_eq!(e.message, "404 Not Found from GET https://x.test/v1/sites/9: Site 9 not found");
    assert_eq!(e.server_message.as_deref(), Some("Site 9 not found"));
    assert_eq!(api_err(Op::Get, resp(503, "")).server_message, None);
    assert_eq!(e.body, ErrorBody::Json(serde_json::json!({"message": "Site 9 not found"})));
    // No body, or a body that only repeats the status name: just the status line.
    assert_eq!(api_err(Op::Get, resp(503, "")).message, "503 Service Unavailable from GET https://x.test/v1/sites/9");
    assert_eq!(
        api_err(Op::Get, resp(500, r#"{"error":"Internal Server Error"}"#)).message,
        "500 Internal Server Error from GET https://x.test/v1/sites/9"
    );
    assert_eq!(api_err(Op::Get, resp(418, "")).message, "418 from GET https://x.test/v1/sites/9");
    let conflict = r#"{"title":"Conflict","detail":"Customer ACME-1 already exists"}"#;
    assert_eq!(
        api_err(Op::Get, resp(409, conflict)).message,
        "409 Conflict from GET https://x.test/v1/sites/9: Customer ACME-1 already exists"
    );
    assert_eq!(
        api_err(Op::Get, resp(409, r#"{"message":"Conflicting ids"}"#)).message,
        "409 Conflict from GET https://x.test/v1/sites/9: Conflicting ids"
    );
}

#[test]
fn messages_come_from_common_error_shapes() {
    let cases = [
        (r#"{"message":"siteName is invalid"}"#, "siteName is invalid"),
        (r#"{"error":"invalid_token","error_description":"The token expired"}"#, "The token expired"),
        (r#"{"error":{"code":42,"message":"Nested reason"}}"#, "Nested reason"),
        (r#"{"timestamp":"x","status":400,"error":"Bad Request","message":"","path":"/v1/sites"}"#, "Bad Request"),
        (
            r#"{"message":"Validation failed","errors":[{"field":"siteName","defaultMessage":"must not be blank"},"town too long"]}"#,
            "Validation failed (siteName: must not be blank; town too long)",
        ),
        (r#"{"errors":[{"path":"/postcode","message":"bad"}]}"#, "/postcode: bad"),
        (r#"{"details":["one","two"]}"#, "one; two"),
        (r#"{"errors":{"siteName":["must not be blank","too short"]}}"#, "siteName: must not be blank, too short"),
        (
            r#"{"type":"about:blank","title":"Conflict","detail":"Customer ACME-1 already exists"}"#,
            "Conflict: Customer ACME-1 already exists",
        ),
        (r#"{"title":"Bad Request"}"#, "Bad Request"),
        (r#"["first","second"]"#, "first; second"),
        (r#""just a string""#, "just a string"),
        ("Plain text\n  explanation", "Plain text explanation"),
        (r#"{"message":"line one\n  line two"}"#, "line one line two"),
    ];
    for (body, want) in cases {
        assert_eq!(detail(body).as_deref(), Some(want), "{body}");
    }
    for body in ["", "{}", r#"{"code":7}"#, "<html><body>Bad gateway</body></html>", "[1,2]", "null"] {
        assert_eq!(detail(body), None, "{body}");
    }
}

#[test]
fn details_are_bounded() {
    let long = format!(r#"{{"message":"{}"}}"#, "é".repeat(2 * MAX_DETAIL_CHARS));
    let d = detail(&long).unwrap();
    assert_eq!(d.chars().count(), MAX_DETAIL_CHARS + 1);
    assert!(d.ends_with('…'));
    let many: Vec<String> = (0..25).map(|i| format!(r#""e{i}""#)).collect();
    let d = detail(&format!("[{}]", many.join(","))).unwrap();
    assert!(d.starts_with("e0; e1;") && d.ends_with("e9; … and 15 more"), "{d}");
}

#[test]
fn an_echoed_token_is_redacted_from_body_and_message() {
    let e = api_err(
        Op::Get,
        resp(401, r#"{"message":"Bearer tok-secret-1 rejected","echo":{"authorization":"Bearer tok-secret-1"}}"#),
    );
    assert_eq!(e.message, "401 Unauthorized from GET https://x.test/v1/sites/9: Bearer [redacted] rejected");
    let shown = format!("{e:?}");
    assert!(!shown.contains("tok-secret-1"), "{shown}");
    let e = api_err(Op::Get, resp(500, "token tok-secret-1 broke"));
    assert_eq!(e.body, ErrorBody::Text("token [redacted] broke".into()));
    let e = api_err(Op::Get, resp(200, "tok-secret-1 {"));
    assert!(!format!("{e:?}").contains("tok-secret-1"));
}

#[test]
fn error_headers_drop_credentials_and_redact_the_token() {
    let r = WireResponse {
        status: 401,
        headers: vec![
            ("Content-Type".into(), "application/json".into()),
            ("Set-Cookie".into(), "JSESSIONID=abc".into()),
            ("authorization".into(), "Bearer tok-secret-1".into()),
            ("X-Echo".into(), "got tok-secret-1".into()),
        ],
        body: br#"{"message":"no"}"#.to_vec(),
    };
    let e = api_err(Op::Get, r);
    assert_eq!(
        e.headers,
        [("content-type".to_owned(), "application/json".to_owned()), ("x-echo".into(), "got [redacted]".into())]
    );
    assert_eq!(e.retry_after, None, "interpret leaves Retry-After to the request loop");
}

#[test]
fn a_short_token_inside_a_member_name_does_not_hide_the_explanation_or_the_issues() {
    // "sa" is inside "message": the body is read by its names as sent, its strings redacted.
    let sa = Secret::new("sa").unwrap();
    let body = r#"{"message":"invalid token=sa.","errors":[{"field":"siteName","message":"token=sa"}],"sa":{"x":1}}"#;
    let e = match interpret(&req(), Op::Get, &resp(401, body), 1, &sa, Some(&crate::model::customer::SITE)) {
        Err(ClientError::Api(e)) => *e,
        other => panic!("expected an API error, got {other:?}"),
    };
    assert_eq!(e.server_message.as_deref(), Some("invalid token=[redacted]. (siteName: token=[redacted])"));
    assert!(e.message.ends_with(": invalid token=[redacted]. (siteName: token=[redacted])"), "{}", e.message);
    assert_eq!(e.issues.len(), 1);
    assert_eq!((e.issues[0].path.as_str(), e.issues[0].message.as_str()), ("/siteName", "token=[redacted]"));
    // The body kept is redacted whole, member names included.
    let ErrorBody::Json(kept) = &e.body else { panic!("{:?}", e.body) };
    assert!(kept.get("mes[redacted]ge").is_some() && kept.get("[redacted]").is_some(), "{kept}");
}
