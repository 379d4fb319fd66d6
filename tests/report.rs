//! The bulk reporter end to end against the sandbox: batches, exactly once, 429 storms,
//! per-record business errors, unknown outcomes, resume (in-flight records resolved by the
//! family's query) and a changed input refused.

#![cfg(feature = "sqlite")]

mod support;

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use wechatpay_apiv3::gov::subsidy::{jiangsu, zhejiang};
use wechatpay_apiv3::report::{
    Entry, Format, Journal, JournalError, MemoryJournal, Options, Report, ReportError, Reporter,
    Run, SqliteJournal, State, Summary, check, fingerprint, read,
};
use wechatpay_apiv3_mock::{Fault, Outcome, Record, Sandbox};

const ZHEJIANG_SYNC: &str = "/v3/gov/subsidy/zhejiang/qualifications/sync";
const JIANGSU_SYNC: &str = "/v3/gov/subsidy/transactions/sync";

/// Zhejiang's record from the request fixture, with order number `ZJ-{index}`.
fn zhejiang_record(index: usize) -> Value {
    let fixture: Value =
        serde_json::from_str(include_str!("fixtures/requests/zhejiang.qualifications.sync.json"))
            .expect("the fixture parses");
    let mut record = fixture["data"][0].clone();
    record["order_no"] = json!(format!("ZJ-{index:05}"));
    record
}

/// Jiangsu's transaction report from the request fixture, with order number `JS-{index}`.
fn jiangsu_record(index: usize) -> Value {
    let mut record: Value =
        serde_json::from_str(include_str!("fixtures/requests/transactions.sync.json"))
            .expect("the fixture parses");
    record["out_trade_no"] = json!(format!("JS-{index:05}"));
    record
}

/// A JSON Lines file of `records` in a fresh directory for `test`.
fn jsonl(test: &str, records: impl IntoIterator<Item = Value>) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("wechatpay-report-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let path = dir.join("records.jsonl");
    let lines: Vec<String> = records.into_iter().map(|record| record.to_string()).collect();
    std::fs::write(&path, lines.join("\n") + "\n").expect("the input is written");
    path
}

fn run_of<E: Report>(path: &Path) -> Run {
    Run { endpoint: E::PATH.to_owned(), input: fingerprint(path).expect("the input hashes") }
}

async fn report<E: Report>(
    sandbox: &Sandbox,
    path: &Path,
    journal: impl Journal + 'static,
    options: Options,
) -> Result<Summary, ReportError> {
    report_keeping::<E>(sandbox, path, journal, options).await.0
}

/// [`report`], handing back the reporter too, for its journal.
async fn report_keeping<E: Report>(
    sandbox: &Sandbox,
    path: &Path,
    journal: impl Journal + 'static,
    options: Options,
) -> (Result<Summary, ReportError>, Reporter<E>) {
    let client = support::client(sandbox, support::quick_retries(2));
    let mut reporter = Reporter::<E>::new(client, journal).options(options);
    let input = read::<E::Record>(path, Format::JsonLines).expect("the input opens");
    let summary = reporter.run(&run_of::<E>(path), input).await;
    (summary, reporter)
}

/// How many times the sandbox accepted each order number (`key` inside each record).
fn accepted_orders(sandbox: &Sandbox, key: &str) -> std::collections::BTreeMap<String, usize> {
    let mut counts = std::collections::BTreeMap::new();
    for received in sandbox.received().into_iter().filter(|r| r.accepted()) {
        let json = received.json_redacted().expect("an accepted request has its JSON").clone();
        let records = match json.get("data") {
            Some(Value::Array(items)) => items.clone(),
            _ => vec![json],
        };
        for record in records {
            let order = record[key].as_str().expect("an order number").to_owned();
            *counts.entry(order).or_default() += 1;
        }
    }
    counts
}

fn options(batch: usize) -> Options {
    Options { batch, rate: Some(200.0), ..Options::default() }
}

#[tokio::test]
async fn zhejiang_records_go_in_batches_each_accepted_once() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let path = jsonl("batches", (0..25).map(zhejiang_record));
    let summary =
        report::<zhejiang::QualificationsSync>(&sandbox, &path, MemoryJournal::new(), options(10))
            .await
            .expect("the run completes");

    assert_eq!(summary.records, 25);
    assert_eq!(summary.requests, 3, "10 + 10 + 5");
    assert_eq!((summary.counts.done, summary.counts.failed, summary.counts.pending), (25, 0, 0));
    assert_eq!(summary.stopped, None);
    let accepted = accepted_orders(&sandbox, "order_no");
    assert_eq!(accepted.len(), 25);
    assert!(accepted.values().all(|count| *count == 1), "{accepted:?}");
    let mut sizes: Vec<usize> = sandbox
        .received()
        .iter()
        .map(|r| r.json_redacted().unwrap()["data"].as_array().unwrap().len())
        .collect();
    sizes.sort_unstable();
    assert_eq!(sizes, [5, 10, 10], "sent concurrently: in any order");
    // The personal data went encrypted (the sandbox decrypted it), never in the clear.
    let body = String::from_utf8_lossy(&sandbox.received()[0].body).into_owned();
    assert!(!body.contains("11010519491231002X") && !body.contains("13800138000"));
}

#[tokio::test]
async fn a_429_storm_delays_records_but_each_is_accepted_once() {
    let sandbox =
        Sandbox::builder().rate_limit(JIANGSU_SYNC, 4).start().await.expect("the sandbox starts");
    let path = jsonl("storm", (0..16).map(jiangsu_record));
    // Five times the server's rate: most first attempts are turned away.
    let options = Options { rate: Some(20.0), ..Options::default() };
    let summary =
        report::<jiangsu::TransactionsSync>(&sandbox, &path, MemoryJournal::new(), options)
            .await
            .expect("the run completes");

    assert_eq!(summary.stopped, None);
    assert_eq!((summary.counts.done, summary.counts.failed, summary.counts.unknown), (16, 0, 0));
    assert!(summary.throttled > 0, "the storm reached the reporter: {summary:?}");
    let rate_limited = sandbox.received().iter().filter(|r| r.rate_limited).count();
    assert!(rate_limited > 0);
    let accepted = accepted_orders(&sandbox, "out_trade_no");
    assert_eq!(accepted.len(), 16);
    assert!(accepted.values().all(|count| *count == 1), "{accepted:?}");
}

#[tokio::test]
async fn per_record_business_errors_fail_the_records_named_and_leave_the_rest_unknown() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    // The first batch: its second record refused, quoting its ID number.
    sandbox.script(
        "POST",
        ZHEJIANG_SYNC,
        Outcome::reject_records(
            "PARAM_ERROR",
            "部分数据校验失败",
            [(Record::index(1), "证件号11010519491231002X与姓名张三不匹配")],
        ),
    );
    let path = jsonl("business", (0..6).map(zhejiang_record));
    let (summary, mut reporter) = report_keeping::<zhejiang::QualificationsSync>(
        &sandbox,
        &path,
        MemoryJournal::new(),
        options(3),
    )
    .await;
    let summary = summary.expect("the run completes");
    let journal = reporter.journal();

    assert_eq!((summary.counts.done, summary.counts.failed, summary.counts.unknown), (3, 1, 2));
    let unsettled = journal.unsettled().expect("the journal reads");
    let failed = &unsettled[1];
    assert_eq!((failed.line, failed.key.as_str(), failed.state), (2, "ZJ-00001", State::Failed));
    assert!(failed.reason.contains("PARAM_ERROR"), "{}", failed.reason);
    assert!(failed.reason.contains("不匹配"), "the reason is kept: {}", failed.reason);
    for entry in &unsettled {
        assert!(!entry.reason.contains("11010519491231002X"), "{}", entry.reason);
        assert!(!entry.reason.contains("张三"), "{}", entry.reason);
    }
    let unknown: Vec<u64> =
        unsettled.iter().filter(|e| e.state == State::Unknown).map(|e| e.line).collect();
    assert_eq!(unknown, [1, 3], "the others of the refused batch");
    assert!(unsettled[0].reason.contains("naming other records"), "{}", unsettled[0].reason);
    // The refused batch was not applied by the sandbox and is not sent again.
    assert_eq!(sandbox.received().len(), 2);
}

/// A `000000` answer whose `error_data` still names a record (the pages do not say what that
/// means): the record named is unknown, for a person to check, and the others are done.
#[tokio::test]
async fn a_success_that_names_records_in_its_error_data_leaves_them_unknown() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    sandbox.script(
        "POST",
        ZHEJIANG_SYNC,
        Outcome::Body(json!({
            "resp_code": "000000",
            "resp_desc": "成功",
            "error_data": ["data[2]: 证件号11010519491231002X重复"],
        })),
    );
    let path = jsonl("success-named", (0..3).map(zhejiang_record));
    let (summary, mut reporter) = report_keeping::<zhejiang::QualificationsSync>(
        &sandbox,
        &path,
        MemoryJournal::new(),
        options(3),
    )
    .await;
    let summary = summary.expect("the run completes");

    assert_eq!((summary.counts.done, summary.counts.failed, summary.counts.unknown), (2, 0, 1));
    let unsettled = reporter.journal().unsettled().expect("the journal reads");
    assert_eq!(unsettled.len(), 1);
    let named = &unsettled[0];
    assert_eq!((named.line, named.key.as_str(), named.state), (3, "ZJ-00002", State::Unknown));
    assert!(named.reason.contains("answered success (000000)"), "{}", named.reason);
    assert!(!named.reason.contains("11010519491231002X"), "masked: {}", named.reason);
    assert_eq!(sandbox.received().len(), 1, "never sent again");
}

#[tokio::test]
async fn an_unknown_outcome_is_never_sent_again() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    sandbox.inject(Fault::ResetAfterRead);
    let path = jsonl("unknown", (0..4).map(jiangsu_record));
    let summary = report::<jiangsu::TransactionsSync>(
        &sandbox,
        &path,
        MemoryJournal::new(),
        Options { concurrency: 1, ..options(1) },
    )
    .await
    .expect("the run completes");

    assert_eq!((summary.counts.done, summary.counts.unknown), (3, 1));
    assert_eq!(sandbox.received().len(), 4, "the reset request was not sent again");
    let accepted = accepted_orders(&sandbox, "out_trade_no");
    assert!(accepted.values().all(|count| *count == 1));
}

#[tokio::test]
async fn invalid_records_are_reported_by_line_and_field_without_values_and_not_sent() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let mut bad_phone = jiangsu_record(1);
    bad_phone["receive_region_code"] = json!("3201");
    let mut bad_type = jiangsu_record(2);
    bad_type["order_amount"] = json!("张三");
    let path = jsonl("invalid", [jiangsu_record(0), bad_phone, bad_type, json!({"x": 1})]);
    let mut failures = Vec::new();
    let keys = sandbox.wechatpay_keys();
    let input = read::<jiangsu::TransactionsSync>(&path, Format::JsonLines).expect("opens");
    let (read_count, failed) =
        check::<jiangsu::TransactionsSync, _>(&keys, 1, input, |entry| failures.push(entry))
            .expect("the check completes");

    assert_eq!((read_count, failed), (4, 3));
    let lines: Vec<(u64, &str)> = failures.iter().map(|e| (e.line, e.reason.as_str())).collect();
    assert_eq!(lines[0].0, 2);
    assert!(lines[0].1.contains("receive_region_code"), "{}", lines[0].1);
    assert_eq!(lines[1].0, 3);
    assert!(lines[1].1.starts_with("order_amount: "), "{}", lines[1].1);
    assert!(!lines[1].1.contains("张三"), "{}", lines[1].1);
    assert_eq!(lines[2].0, 4);
    assert!(lines[2].1.contains("unknown field `x`"), "{}", lines[2].1);
    assert!(sandbox.received().is_empty(), "a check sends nothing");
}

#[tokio::test]
async fn csv_columns_are_the_serialized_field_names() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let dir = jsonl("csv", []).parent().unwrap().to_owned();
    let path = dir.join("records.csv");
    let records: Vec<Value> = (0..3).map(jiangsu_record).collect();
    let columns: Vec<String> = records[0].as_object().unwrap().keys().cloned().collect();
    let mut text = columns.join(",") + "\n";
    for record in &records {
        let cells: Vec<String> = columns
            .iter()
            .map(|column| match &record[column] {
                Value::String(text) => text.clone(),
                other => other.to_string(),
            })
            .collect();
        text += &(cells.join(",") + "\n");
    }
    std::fs::write(&path, text).expect("the CSV is written");

    let client = support::client(&sandbox, support::quick_retries(2));
    let mut reporter = Reporter::<jiangsu::TransactionsSync>::new(client, MemoryJournal::new())
        .options(options(1));
    let input = read(&path, Format::Csv).expect("the CSV opens");
    let summary = reporter
        .run(&run_of::<jiangsu::TransactionsSync>(&path), input)
        .await
        .expect("the run completes");
    assert_eq!((summary.records, summary.counts.done), (3, 3), "{summary:?}");
    assert_eq!(accepted_orders(&sandbox, "out_trade_no").len(), 3);
}

#[tokio::test]
async fn a_resume_after_the_input_changed_is_refused() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let path = jsonl("changed", (0..2).map(jiangsu_record));
    let journal_path = path.with_file_name("journal.sqlite");
    let open = || SqliteJournal::open(&journal_path).expect("the journal opens");
    report::<jiangsu::TransactionsSync>(&sandbox, &path, open(), options(1))
        .await
        .expect("the first run completes");

    let records: Vec<Value> = [jiangsu_record(5), jiangsu_record(0), jiangsu_record(1)].into();
    let lines: Vec<String> = records.iter().map(Value::to_string).collect();
    std::fs::write(&path, lines.join("\n") + "\n").expect("the input is rewritten");
    let error = report::<jiangsu::TransactionsSync>(&sandbox, &path, open(), options(1))
        .await
        .expect_err("a changed input is refused");
    let message = error.to_string();
    assert!(matches!(error, ReportError::Journal(JournalError::OtherRun { .. })), "{error:?}");
    assert!(message.contains("restore the input"), "{message}");
    assert_eq!(sandbox.received().len(), 2, "nothing more was sent");
}

#[tokio::test]
async fn a_resume_resolves_records_left_in_flight_with_the_query() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let path = jsonl("resume", (0..6).map(jiangsu_record));
    let journal_path = path.with_file_name("journal.sqlite");
    let run = run_of::<jiangsu::TransactionsSync>(&path);
    // An earlier run that died after marking lines 1–4 in flight; lines 1 and 2 reached the
    // sandbox, lines 3 and 4 did not; lines 5 and 6 were never reached.
    {
        let mut journal = SqliteJournal::open(&journal_path).expect("the journal opens");
        journal.begin(&run).expect("the run begins");
        let marks: Vec<Entry> = (1..=4)
            .map(|line| Entry::new(line, format!("JS-{:05}", line - 1), State::InFlight))
            .collect();
        journal.put(&marks).expect("the marks are stored");
        let client = support::client(&sandbox, support::quick_retries(0));
        for index in 0..2 {
            let request: jiangsu::TransactionsSync =
                serde_json::from_value(jiangsu_record(index)).expect("a request");
            client.send(&request).await.expect("accepted");
        }
    }
    let summary = report::<jiangsu::TransactionsSync>(
        &sandbox,
        &path,
        SqliteJournal::open(&journal_path).expect("the journal reopens"),
        options(1),
    )
    .await
    .expect("the resume completes");

    assert_eq!((summary.counts.done, summary.counts.unknown, summary.counts.pending), (6, 0, 0));
    let queries = sandbox
        .received()
        .iter()
        .filter(|r| r.path() == "/v3/gov/subsidy/transactions/query")
        .count();
    assert_eq!(queries, 1, "one query for the four in flight");
    let accepted = accepted_orders_of(&sandbox, JIANGSU_SYNC);
    assert_eq!(accepted.len(), 6);
    assert!(accepted.values().all(|count| *count == 1), "{accepted:?}");
}

#[tokio::test]
async fn zhejiang_records_left_in_flight_become_unknown_and_are_not_sent() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let path = jsonl("zhejiang-resume", (0..4).map(zhejiang_record));
    let run = run_of::<zhejiang::QualificationsSync>(&path);
    let mut journal = MemoryJournal::new();
    journal.begin(&run).expect("the run begins");
    journal.put(&[Entry::new(2, "ZJ-00001", State::InFlight)]).expect("the mark is stored");
    let (summary, mut reporter) =
        report_keeping::<zhejiang::QualificationsSync>(&sandbox, &path, journal, options(10)).await;
    let summary = summary.expect("the run completes");
    let journal = reporter.journal();

    assert_eq!((summary.counts.done, summary.counts.unknown), (3, 1));
    let entry = journal.get(2).expect("reads").expect("an entry");
    assert_eq!(entry.state, State::Unknown);
    assert!(entry.reason.contains("check with the provincial platform"), "{}", entry.reason);
    assert!(!accepted_orders(&sandbox, "order_no").contains_key("ZJ-00001"));
}

/// Orders accepted at `path` only.
fn accepted_orders_of(sandbox: &Sandbox, path: &str) -> std::collections::BTreeMap<String, usize> {
    let mut counts = std::collections::BTreeMap::new();
    for received in sandbox.received().into_iter().filter(|r| r.accepted() && r.path() == path) {
        let order = received.json_redacted().unwrap()["out_trade_no"].as_str().unwrap().to_owned();
        *counts.entry(order).or_default() += 1;
    }
    counts
}

#[tokio::test]
async fn a_stopped_run_leaves_the_rest_pending_and_a_rerun_finishes_it() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let path = jsonl("stop", (0..30).map(jiangsu_record));
    let journal_path = path.with_file_name("journal.sqlite");
    let client = support::client(&sandbox, support::quick_retries(2));
    let journal = SqliteJournal::open(&journal_path).expect("the journal opens");
    let reporter = Reporter::<jiangsu::TransactionsSync>::new(client, journal)
        .options(Options { concurrency: 1, ..options(1) });
    let stop = reporter.stopper();
    let mut reporter = reporter.on_progress(move |progress| {
        if progress.counts.done >= 5 {
            stop.stop();
        }
    });
    let input = read(&path, Format::JsonLines).expect("the input opens");
    let summary = reporter
        .run(&run_of::<jiangsu::TransactionsSync>(&path), input)
        .await
        .expect("the run stops cleanly");
    assert_eq!(summary.stopped.as_deref(), Some("stopped on request"));
    assert!(summary.counts.done >= 5 && summary.counts.done < 30, "{summary:?}");
    assert_eq!(summary.counts.done + summary.counts.pending, summary.records);
    assert_eq!(summary.counts.unknown, 0, "in-flight requests were awaited, not abandoned");

    let summary = report::<jiangsu::TransactionsSync>(
        &sandbox,
        &path,
        SqliteJournal::open(&journal_path).expect("the journal reopens"),
        options(1),
    )
    .await
    .expect("the rerun completes");
    assert_eq!((summary.counts.done, summary.counts.pending), (30, 0));
    let accepted = accepted_orders(&sandbox, "out_trade_no");
    assert_eq!(accepted.len(), 30);
    assert!(accepted.values().all(|count| *count == 1), "{accepted:?}");
}

#[tokio::test]
async fn a_merchant_not_whitelisted_stops_the_run_and_leaves_every_record_pending() {
    let sandbox = Sandbox::builder()
        .regions(&[wechatpay_apiv3_mock::Region::Jiangsu])
        .start()
        .await
        .expect("the sandbox starts");
    let path = jsonl("not-whitelisted", (0..30).map(zhejiang_record));
    let summary = report::<zhejiang::QualificationsSync>(
        &sandbox,
        &path,
        MemoryJournal::new(),
        Options { concurrency: 1, ..options(10) },
    )
    .await
    .expect("the run stops cleanly");

    let stopped = summary.stopped.as_deref().unwrap_or_default();
    assert!(stopped.contains("NOT_AUTH"), "{stopped}");
    assert_eq!(summary.counts.failed, 0, "{summary:?}");
    assert_eq!(summary.counts.pending, summary.records, "{summary:?}");
    assert_eq!((summary.requests, sandbox.received().len()), (1, 1), "none after the refusal");
}
