//! `wechatpay report` as a process against a sandbox on 127.0.0.1: killed mid-run (SIGKILL) and
//! run again, every record is accepted exactly once; a dry run lists every problem by line and
//! field and sends nothing; failed and unknown records go to the failed-records file without
//! personal data.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use serde_json::{Value, json};
use wechatpay_apiv3_mock::{Latency, Outcome, Record, Sandbox};

const BIN: &str = env!("CARGO_BIN_EXE_wechatpay");

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// The plaintext personal fields of the fixtures: no output or file written may contain them.
const PERSONAL: [&str; 4] = ["11010519491231002X", "张三", "13800138000", "文三路"];

fn fixture(name: &str) -> Value {
    let text = std::fs::read_to_string(Path::new(FIXTURES).join(name)).expect("the fixture");
    serde_json::from_str(&text).expect("the fixture parses")
}

/// Jiangsu's transaction report with order number `JS-{index}`.
fn jiangsu(index: usize) -> Value {
    let mut record = fixture("transactions.sync.json");
    record["out_trade_no"] = json!(format!("JS-{index:05}"));
    record
}

/// Zhejiang's redemption record with order number `ZJ-{index}`.
fn zhejiang(index: usize) -> Value {
    let mut record = fixture("zhejiang.qualifications.sync.json")["data"][0].clone();
    record["order_no"] = json!(format!("ZJ-{index:05}"));
    record
}

/// `records` as FILE.jsonl in a fresh directory.
fn input(dir: &tempfile::TempDir, records: impl IntoIterator<Item = Value>) -> PathBuf {
    let path = dir.path().join("records.jsonl");
    let lines: Vec<String> = records.into_iter().map(|record| record.to_string()).collect();
    std::fs::write(&path, lines.join("\n") + "\n").expect("written");
    path
}

fn command(sandbox: &Sandbox, args: &[&str]) -> Command {
    let mut command = Command::new(BIN);
    command
        .args(args)
        .env_clear()
        .envs(sandbox.env_vars().iter().map(|(name, value)| (*name, value)))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// Runs to the end; checks that no output holds personal data.
fn finish(command: &mut Command) -> Output {
    let output = command.output().expect("the binary runs");
    no_personal_data(&String::from_utf8_lossy(&output.stdout));
    no_personal_data(&String::from_utf8_lossy(&output.stderr));
    output
}

fn no_personal_data(text: &str) {
    for value in PERSONAL {
        assert!(!text.contains(value), "personal data in:\n{text}");
    }
}

/// How many times the sandbox accepted each order (`key`) at `path`.
fn accepted(sandbox: &Sandbox, path: &str, key: &str) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for received in sandbox.received().into_iter().filter(|r| r.accepted() && r.path() == path) {
        let json = received.json_redacted().expect("accepted requests have their JSON").clone();
        let records = match json.get("data") {
            Some(Value::Array(items)) => items.clone(),
            _ => vec![json],
        };
        for record in records {
            *counts.entry(record[key].as_str().expect("an order").to_owned()).or_default() += 1;
        }
    }
    counts
}

/// Starts `command`, kills it (SIGKILL) once the sandbox accepted `after` requests.
async fn kill_after(sandbox: &Sandbox, command: &mut Command, after: u64) {
    let mut child = command.spawn().expect("the binary starts");
    for _ in 0..600 {
        if sandbox.accepted_count() >= after {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    child.kill().expect("killed");
    let status = child.wait().expect("reaped");
    assert!(!status.success(), "killed before the end: {status:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_mid_run_and_run_again_every_record_is_accepted_exactly_once() {
    const RECORDS: usize = 120;
    const SYNC: &str = "/v3/gov/subsidy/transactions/sync";
    let sandbox = Sandbox::builder()
        .latency(Latency::fixed(Duration::from_millis(100)))
        .start()
        .await
        .expect("the sandbox starts");
    let dir = tempfile::tempdir().expect("a directory");
    let path = input(&dir, (0..RECORDS).map(jiangsu));
    let args = ["report", "/transactions/sync", "--input", path.to_str().unwrap(), "--rate", "60"];

    kill_after(&sandbox, &mut command(&sandbox, &args), 30).await;
    let before = accepted(&sandbox, SYNC, "out_trade_no");
    assert!(before.len() >= 30 && before.len() < RECORDS, "killed mid-run: {}", before.len());

    let output = finish(&mut command(&sandbox, &args));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains(&format!(
            "{RECORDS} record(s): {RECORDS} done, 0 failed, 0 unknown, 0 pending"
        )),
        "{stdout}"
    );
    let after = accepted(&sandbox, SYNC, "out_trade_no");
    assert_eq!(after.len(), RECORDS, "every record arrived");
    assert!(after.values().all(|count| *count == 1), "none twice: {after:?}");

    // A third run finds nothing left to send.
    let requests = sandbox.received().len();
    let output = finish(&mut command(&sandbox, &args));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(sandbox.received().len(), requests, "nothing sent again");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn zhejiang_records_in_flight_at_the_kill_are_left_unknown_never_sent_twice() {
    const RECORDS: usize = 200;
    const SYNC: &str = "/v3/gov/subsidy/zhejiang/qualifications/sync";
    let sandbox = Sandbox::builder()
        .latency(Latency::fixed(Duration::from_millis(150)))
        .start()
        .await
        .expect("the sandbox starts");
    let dir = tempfile::tempdir().expect("a directory");
    let path = input(&dir, (0..RECORDS).map(zhejiang));
    let args = [
        "report",
        "/zhejiang/qualifications/sync",
        "--input",
        path.to_str().unwrap(),
        "--batch",
        "5",
        "--rate",
        "20",
    ];

    kill_after(&sandbox, &mut command(&sandbox, &args), 4).await;
    let output = finish(&mut command(&sandbox, &args));
    let code = output.status.code();
    let after = accepted(&sandbox, SYNC, "order_no");
    assert!(after.values().all(|count| *count == 1), "none twice: {after:?}");

    let failed =
        std::fs::read_to_string(dir.path().join("records.jsonl.failed.jsonl")).unwrap_or_default();
    no_personal_data(&failed);
    let unknown: Vec<Value> =
        failed.lines().map(|line| serde_json::from_str(line).expect("JSON")).collect();
    assert!(!unknown.is_empty(), "a batch was in flight at the kill (150 ms answers)");
    for entry in &unknown {
        assert_eq!(entry["state"], "unknown", "{entry}");
        assert!(entry["reason"].as_str().unwrap().contains("provincial platform"), "{entry}");
    }
    assert_eq!(
        after.len()
            + unknown.iter().filter(|e| !after.contains_key(e["key"].as_str().unwrap())).count(),
        RECORDS,
        "every record either arrived once or is listed unknown"
    );
    assert_eq!(
        code,
        Some(if unknown.is_empty() { 0 } else { 6 }),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn a_dry_run_lists_every_problem_by_line_and_field_and_sends_nothing() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let dir = tempfile::tempdir().expect("a directory");
    let mut wrong_region = zhejiang(1);
    wrong_region["add_code"] = json!("3301");
    let mut wrong_type = zhejiang(2);
    wrong_type["sales"] = json!({"amount": "张三"});
    let path = input(&dir, [zhejiang(0), wrong_region, wrong_type, zhejiang(3)]);
    let args =
        ["report", "/zhejiang/qualifications/sync", "--input", path.to_str().unwrap(), "--dry-run"];

    let output = finish(&mut command(&sandbox, &args));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(3), "{stdout}");
    assert!(stdout.contains("line 2: validation: 1 invalid field(s): add_code: "), "{stdout}");
    assert!(stdout.contains("line 3: sales: "), "{stdout}");
    assert!(
        stdout.contains("checked 4 record(s): 2 ready, 2 with problems; nothing was sent"),
        "{stdout}"
    );
    assert!(sandbox.received().is_empty(), "a dry run sends nothing");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn refused_records_go_to_the_failed_file_with_reasons_but_no_personal_data() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    sandbox.script(
        "POST",
        "/v3/gov/subsidy/zhejiang/qualifications/sync",
        Outcome::reject_records(
            "PARAM_ERROR",
            "校验失败",
            [(Record::index(0), "手机号13800138000无效"), (Record::index(1), "姓名张三不符")],
        ),
    );
    let dir = tempfile::tempdir().expect("a directory");
    let path = input(&dir, (0..2).map(zhejiang));
    let args = ["report", "/zhejiang/qualifications/sync", "--input", path.to_str().unwrap()];

    let output = finish(&mut command(&sandbox, &args));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("2 record(s): 0 done, 2 failed"), "{stdout}");
    let failed = std::fs::read_to_string(dir.path().join("records.jsonl.failed.jsonl"))
        .expect("the failed file");
    no_personal_data(&failed);
    let entries: Vec<Value> =
        failed.lines().map(|line| serde_json::from_str(line).expect("JSON")).collect();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["line"], 1);
    assert_eq!(entries[0]["key"], "ZJ-00000");
    assert_eq!(entries[0]["state"], "failed");
    assert!(entries[0]["reason"].as_str().unwrap().contains("无效"), "{}", entries[0]);
    assert!(entries[1]["reason"].as_str().unwrap().contains("<redacted>"), "{}", entries[1]);

    // Rerunning does not send the failed records again.
    let output = finish(&mut command(&sandbox, &args));
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(sandbox.received().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn a_changed_input_is_refused_with_a_clear_message() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let dir = tempfile::tempdir().expect("a directory");
    let path = input(&dir, (0..2).map(jiangsu));
    let args = ["report", "/transactions/sync", "--input", path.to_str().unwrap()];
    assert_eq!(finish(&mut command(&sandbox, &args)).status.code(), Some(0));

    input(&dir, (0..3).map(jiangsu));
    let output = finish(&mut command(&sandbox, &args));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("the journal belongs to another run"), "{stderr}");
    assert!(stderr.contains("restore the input"), "{stderr}");
    assert_eq!(sandbox.received().len(), 2, "nothing sent");
}

#[test]
fn an_endpoint_that_takes_no_records_in_bulk_is_a_usage_error() {
    let output = Command::new(BIN)
        .args(["report", "/zhejiang/qualifications/claim", "--input", "x.jsonl"])
        .env_clear()
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("does not take records in bulk"), "{stderr}");
}
