//! The `wechatpay` binary end to end: every subcommand run as a process against a sandbox started
//! in-process on 127.0.0.1, its exit code, its stdout and stderr. Every run also checks that no
//! output holds a plaintext personal field of the requests sent.

use std::io::{BufRead as _, BufReader, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use wechatpay_apiv3_mock::{Fault, NotificationKind, Outcome, PlatformCertificates, Sandbox, demo};

const BIN: &str = env!("CARGO_BIN_EXE_wechatpay");

/// Platform-style request fixtures (plaintext personal data).
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// The plaintext personal fields of the fixtures sent below: no output may contain them.
const PERSONAL: [&str; 5] =
    ["11010519491231002X", "张三", "13800138000", OPENID, "110101199003074477"];

/// A payer's openid in the notifications delivered below.
const OPENID: &str = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";

const CLAIM: &str = "/v3/gov/subsidy/zhejiang/qualifications/claim";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn fixture(name: &str) -> PathBuf {
    Path::new(FIXTURES).join(name)
}

/// Runs the binary with only `vars` in its environment and `stdin` piped in.
fn run(args: &[&str], vars: &[(&str, String)], stdin: Option<&str>) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
        .env_clear()
        .envs(vars.iter().map(|(name, value)| (*name, value)))
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    if let Some(text) = stdin {
        // A command that fails before reading its input closes the pipe: not an error here.
        let _ = child.stdin.take().expect("piped").write_all(text.as_bytes());
    }
    let output = child.wait_with_output().expect("the binary ends");
    let run = Run {
        code: output.status.code().expect("an exit code"),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    for value in PERSONAL {
        assert!(!run.stdout.contains(value), "stdout shows personal data:\n{}", run.stdout);
        assert!(!run.stderr.contains(value), "stderr shows personal data:\n{}", run.stderr);
    }
    run
}

/// The sandbox's `WECHATPAY_*` variables, as `wechatpay sandbox` prints them.
fn vars(sandbox: &Sandbox) -> Vec<(&'static str, String)> {
    sandbox.env_vars().to_vec()
}

/// `vars` with `name` set to `value`.
fn with(
    mut vars: Vec<(&'static str, String)>,
    name: &'static str,
    value: &str,
) -> Vec<(&'static str, String)> {
    vars.retain(|(var, _)| *var != name);
    vars.push((name, value.to_owned()));
    vars
}

/// A file holding `text` in `dir`.
fn file(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("written");
    path.display().to_string()
}

/// The one line of stderr a failure prints.
fn error_line(run: &Run) -> &str {
    let line = run.stderr.trim_end();
    assert_eq!(line.lines().count(), 1, "one line: {line}");
    assert!(line.starts_with("error: "), "{line}");
    line
}

fn call_claim(vars: &[(&str, String)]) -> Run {
    let data = fixture("zhejiang.qualifications.claim.json");
    run(&["call", "POST", CLAIM, "--data", data.to_str().unwrap()], vars, None)
}

#[test]
fn the_help_texts_give_examples_and_the_exit_codes() {
    let top = run(&["--help"], &[], None);
    assert_eq!(top.code, 0);
    for line in [
        "Exit codes:",
        "  0  success",
        "  1  WeChat Pay refused",
        "  2  usage",
        "  3  invalid request",
        "  4  untrusted",
        "  5  transport failure",
        "  6  outcome unknown",
        "  7  doctor found a problem",
    ] {
        assert!(top.stdout.contains(line), "{line} in\n{}", top.stdout);
    }
    let commands = subcommands(&[]);
    assert_eq!(
        commands.iter().map(|command| command.join(" ")).collect::<Vec<_>>(),
        [
            "endpoints",
            "call",
            "report",
            "sandbox",
            "doctor",
            "notify",
            "notify decrypt",
            "certificates",
            "certificates download"
        ],
        "the command tree, walked through --help (a new subcommand belongs here)"
    );
    for command in &commands {
        assert_help_gives_an_example_and_the_exit_codes(command);
    }
    let call = run(
        &["call", "--help"],
        &[("WECHATPAY_PROXY", "http://user:s3cr3t@proxy:3128".into())],
        None,
    );
    assert!(call.stdout.contains("[env: WECHATPAY_MCH_KEY_PATH]"), "{}", call.stdout);
    assert!(!call.stdout.contains("s3cr3t"), "environment values are never shown");
    let usage = run(&["call"], &[], None);
    assert_eq!(usage.code, 2, "{}", usage.stderr);
}

/// Every subcommand under `parent`, depth first, as `--help` lists them under `Commands:` (clap's
/// command tree, as the binary builds it), without clap's own `help`.
fn subcommands(parent: &[String]) -> Vec<Vec<String>> {
    let args: Vec<&str> = parent.iter().map(String::as_str).chain(["--help"]).collect();
    let help = run(&args, &[], None);
    assert_eq!(help.code, 0, "{args:?}: {}", help.stderr);
    let names: Vec<String> = help
        .stdout
        .lines()
        .skip_while(|line| *line != "Commands:")
        .skip(1)
        .take_while(|line| line.starts_with("  "))
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect();
    let mut commands = Vec::new();
    for name in names {
        let command = [parent, &[name]].concat();
        let nested = subcommands(&command);
        commands.push(command);
        commands.extend(nested);
    }
    commands
}

/// `wechatpay COMMAND --help` shows an example of COMMAND and its exit codes: listed for a command
/// that runs, referred to its subcommand's help for a group.
fn assert_help_gives_an_example_and_the_exit_codes(command: &[String]) {
    let path = command.join(" ");
    let args: Vec<&str> = command.iter().map(String::as_str).chain(["--help"]).collect();
    let help = run(&args, &[], None).stdout;
    let examples = help.split_once("\nExample").map(|(_, rest)| rest).unwrap_or_default();
    assert!(examples.contains(&format!("\n  wechatpay {path}")), "{path}: no example in\n{help}");
    let exit_codes = help.split_once("\nExit codes:").map(|(_, rest)| rest);
    let exit_codes = exit_codes.unwrap_or_else(|| panic!("{path}: no exit codes in\n{help}"));
    if help.contains("\nCommands:\n") {
        assert!(exit_codes.starts_with(&format!(" see `wechatpay {path} ")), "{path}:\n{help}");
    } else {
        assert!(exit_codes.trim_start().starts_with('0'), "{path}: code 0 first in\n{help}");
    }
}

#[test]
fn endpoints_lists_all_34_and_describes_one_with_its_rules() {
    let list = run(&["endpoints"], &[], None);
    assert_eq!(list.code, 0);
    assert_eq!(list.stdout.lines().count(), 34);
    let sync =
        list.stdout.lines().find(|line| line.contains("/zhejiang/qualifications/sync ")).unwrap();
    assert!(sync.starts_with("POST") && sync.contains("浙江"), "{sync}");
    assert!(sync.contains("encrypted: data[].cert_no, data[].name, data[].tel"), "{sync}");

    let described = run(&["endpoints", "/zhejiang/qualifications/sync"], &[], None);
    assert_eq!(described.code, 0);
    let text = &described.stdout;
    assert!(
        text.starts_with("POST /v3/gov/subsidy/zhejiang/qualifications/sync\n  核销资格"),
        "{text}"
    );
    assert!(
        text.contains("type: wechatpay_apiv3::gov::subsidy::zhejiang::QualificationsSync"),
        "{text}"
    );
    let line = |path: &str| {
        text.lines()
            .find(|line| line.trim_start().starts_with(&format!("{path} ")))
            .unwrap_or_else(|| panic!("{path} in\n{text}"))
            .to_owned()
    };
    assert!(
        line("data[].cert_no").contains("required, encrypted — ID card number"),
        "{}",
        line("data[].cert_no")
    );
    assert!(line("data[].address").contains("redacted"));
    assert!(line("data[].barcode").contains("must be 13 or 14 digits"));
    assert!(line("req_ssn").contains("optional"));
}

#[test]
fn an_unknown_path_is_a_usage_error_that_names_the_nearest() {
    for args in [
        &["endpoints", "/zhejiang/qualification/sync"][..],
        &["call", "POST", "/v3/gov/subsidy/zhejiang/qualification/sync", "--data", "-"],
    ] {
        let run = run(args, &[], Some("{}"));
        assert_eq!(run.code, 2);
        let line = error_line(&run);
        assert!(line.contains("no typed endpoint is /v3/gov/subsidy/zhejiang/qualification/sync; the nearest: /v3/gov/subsidy/zhejiang/qualifications/sync"), "{line}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn call_sends_encrypted_and_prints_the_verified_answer() {
    let sandbox = Sandbox::start().await.unwrap();
    let run = call_claim(&vars(&sandbox));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let answer: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON on stdout");
    assert_eq!(answer["resp_code"], "000000");
    // The sandbox decrypted what it received: the personal fields travelled encrypted.
    let received = sandbox.last_received().unwrap();
    assert!(received.accepted());
    assert_eq!(received.json.as_ref().unwrap()["name"], "张三");
    assert!(!String::from_utf8_lossy(&received.body).contains("张三"), "sent encrypted");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn call_reads_stdin_in_any_method_case_and_with_the_short_path() {
    let sandbox = Sandbox::start().await.unwrap();
    let json = std::fs::read_to_string(fixture("zhejiang.qualifications.query.json")).unwrap();
    let run = run(&["call", "post", "zhejiang/qualifications/query"], &vars(&sandbox), Some(&json));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("\"resp_code\": \"000000\""), "{}", run.stdout);
    let wrong_method = self::run(
        &["call", "GET", "zhejiang/qualifications/query", "--data", "-"],
        &vars(&sandbox),
        Some(&json),
    );
    assert_eq!(wrong_method.code, 2);
    assert!(error_line(&wrong_method).contains("is a POST endpoint, not GET"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn json_that_does_not_fit_is_refused_with_its_place_and_nothing_is_sent() {
    let sandbox = Sandbox::start().await.unwrap();
    let vars = vars(&sandbox);
    let cases = [
        (r#"{"cate_code": "A01", "name": "张三""#, "the JSON ends early (line 1"),
        (
            r#"{"cate_code": "A01", "cert_no": "11010519491231002X", "name": "张三", "tel": "13800138000", "req_ssn": "1", "nmae": "张三"}"#,
            "nmae: unknown field `nmae`, expected one of",
        ),
        (r#"{"cate_code": "A01", "name": "张三"}"#, "missing field `cert_no`"),
        (
            r#"{"cate_code": "A01", "cert_no": 11010519491231002, "name": "张三", "tel": "13800138000", "req_ssn": "1"}"#,
            "cert_no: a value of the wrong type",
        ),
    ];
    for (json, expected) in cases {
        let run = run(&["call", "POST", CLAIM, "--data", "-"], &vars, Some(json));
        assert_eq!(run.code, 3, "{json}: {}", run.stderr);
        let line = error_line(&run);
        assert!(
            line.contains("does not fit zhejiang::QualificationsClaim") && line.contains(expected),
            "{line}"
        );
    }
    assert!(sandbox.received().is_empty(), "nothing was sent");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn broken_rules_are_listed_with_their_field_paths_and_nothing_is_sent() {
    let sandbox = Sandbox::start().await.unwrap();
    let json = r#"{"cate_code": "", "cert_no": "11010519491231002X", "name": "张三", "tel": "13800138000", "req_ssn": ""}"#;
    let run = run(&["call", "POST", CLAIM], &vars(&sandbox), Some(json));
    assert_eq!(run.code, 3);
    assert_eq!(
        error_line(&run),
        "error: validation: 2 invalid field(s): cate_code: required; req_ssn: required"
    );
    assert!(sandbox.received().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn a_business_failure_exits_1_without_the_per_record_texts() {
    let sandbox = Sandbox::start().await.unwrap();
    // WeChat Pay's per-record errors may quote what was sent: they are never printed.
    sandbox.script(
        "POST",
        CLAIM,
        Outcome::business("100001", "资格领取失败", ["11010519491231002X 张三 无资格"]),
    );
    let run = call_claim(&vars(&sandbox));
    assert_eq!(run.code, 1);
    let line = error_line(&run);
    assert!(
        line.starts_with("error: business failure 100001: 资格领取失败 (Request-ID MOCK"),
        "{line}"
    );
    assert!(
        line.ends_with("(1 per-record error(s) not shown: they may quote personal data)"),
        "{line}"
    );
    assert!(run.stdout.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn unverified_answers_transport_failures_and_unknown_outcomes_have_their_own_codes() {
    let sandbox = Sandbox::start().await.unwrap();
    let vars = vars(&sandbox);

    sandbox.inject(Fault::WrongSignature);
    let forged = call_claim(&vars);
    assert_eq!(forged.code, 4, "{}", forged.stderr);
    assert!(error_line(&forged).contains("verification"), "{}", forged.stderr);
    assert!(forged.stdout.is_empty(), "an unverified answer is never printed");

    sandbox.inject(Fault::DropConnection);
    let dropped = call_claim(&vars);
    assert_eq!(dropped.code, 6, "{}", dropped.stderr);
    assert!(error_line(&dropped).contains(
        "outcome unknown: POST /v3/gov/subsidy/zhejiang/qualifications/claim may have been applied"
    ));

    sandbox.inject(Fault::Status(400));
    let refused = call_claim(&vars);
    assert_eq!(refused.code, 1, "{}", refused.stderr);

    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let nowhere = with(vars.clone(), "WECHATPAY_BASE_URL", &format!("http://127.0.0.1:{port}"));
    let unreachable = call_claim(&nowhere);
    assert_eq!(unreachable.code, 5, "{}", unreachable.stderr);
    assert!(error_line(&unreachable).contains("could not connect"), "{}", unreachable.stderr);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn missing_or_wrong_configuration_is_a_usage_error_naming_the_setting() {
    let sandbox = Sandbox::start().await.unwrap();
    let mut partial = vars(&sandbox);
    partial.retain(|(name, _)| *name != "WECHATPAY_MCH_SERIAL");
    let missing = call_claim(&partial);
    assert_eq!(missing.code, 2);
    assert!(
        error_line(&missing)
            .contains("WECHATPAY_MCH_SERIAL is not set: export it or pass --mch-serial")
    );

    // A flag overrides its variable.
    let data = fixture("zhejiang.qualifications.claim.json");
    let flagged = run(
        &[
            "call",
            "POST",
            CLAIM,
            "--data",
            data.to_str().unwrap(),
            "--mch-serial",
            demo::MERCHANT_SERIAL,
        ],
        &partial,
        None,
    );
    assert_eq!(flagged.code, 0, "{}", flagged.stderr);
    let overridden = run(
        &[
            "call",
            "POST",
            CLAIM,
            "--data",
            data.to_str().unwrap(),
            "--mch-key",
            "/nonexistent/key.pem",
        ],
        &vars(&sandbox),
        None,
    );
    assert_eq!(overridden.code, 2);
    assert!(
        error_line(&overridden).contains("cannot read WECHATPAY_MCH_KEY_PATH=/nonexistent/key.pem"),
        "{}",
        overridden.stderr
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn doctor_passes_a_good_configuration() {
    let sandbox = Sandbox::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let cert = certificate(dir.path(), demo::MERCHANT_KEY_PEM, demo::MERCHANT_SERIAL);
    let apiv3 = file(dir.path(), "apiv3.txt", "0123456789abcdef0123456789abcdef\n");
    let run = run(
        &["doctor", "--cert", &cert],
        &with(vars(&sandbox), "WECHATPAY_APIV3_KEY_PATH", &apiv3),
        None,
    );
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    for check in [
        "mchid",
        "merchant private key",
        "merchant serial",
        "merchant certificate",
        "key pair",
        "public key ID",
        "WeChat Pay public key",
        "APIv3 key",
        "client",
        "connectivity",
        "clock",
        "signature",
        "answer signature",
    ] {
        assert!(run.stdout.contains(&format!("ok    {check}: ")), "{check} in\n{}", run.stdout);
    }
    assert!(
        !run.stdout.contains("FAIL") && !run.stdout.contains("0123456789abcdef"),
        "{}",
        run.stdout
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn doctor_explains_a_key_the_server_refuses() {
    let sandbox = Sandbox::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let other_key = file(dir.path(), "apiclient_key.pem", demo::OTHER_KEY_PEM);
    let run = run(&["doctor"], &with(vars(&sandbox), "WECHATPAY_MCH_KEY_PATH", &other_key), None);
    assert_eq!(run.code, 7, "{}", run.stdout);
    let fail = fail_lines(&run.stdout);
    assert_eq!(fail.len(), 1, "{}", run.stdout);
    assert!(
        fail[0].starts_with(
            "FAIL  signature: WeChat Pay refused the request's signature (401 SIGN_ERROR, 签名错误)"
        ),
        "{}",
        fail[0]
    );
    assert!(
        fail[0].contains("Fix: use the apiclient_key.pem whose certificate has the serial"),
        "{}",
        fail[0]
    );
    assert_eq!(error_line(&run), "error: 1 check(s) failed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn doctor_explains_a_wrong_public_key_a_wrong_serial_and_a_certificate_of_another_key() {
    let sandbox = Sandbox::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let other_public = file(dir.path(), "pub_key.pem", demo::OTHER_PUBLIC_KEY_PEM);
    let run =
        run(&["doctor"], &with(vars(&sandbox), "WECHATPAY_PUBLIC_KEY_PATH", &other_public), None);
    assert_eq!(run.code, 7);
    let fail = fail_lines(&run.stdout);
    assert_eq!(fail.len(), 1, "{}", run.stdout);
    assert!(fail[0].starts_with("FAIL  answer signature: the answer signed under PUB_KEY_ID_0119000000012025000000000001 does not verify"), "{}", fail[0]);
    assert!(fail[0].contains("验签失败"));

    let other_serial = "1234567890ABCDEF1234567890ABCDEF12345678";
    let cert = certificate(dir.path(), demo::MERCHANT_KEY_PEM, other_serial);
    let run = self::run(&["doctor", "--offline", "--cert", &cert], &vars(&sandbox), None);
    assert_eq!(run.code, 7);
    let fail = fail_lines(&run.stdout);
    assert_eq!(
        fail,
        [format!(
            "FAIL  merchant certificate: its serial is {other_serial}, WECHATPAY_MCH_SERIAL is {}. Fix: export WECHATPAY_MCH_SERIAL={other_serial}",
            demo::MERCHANT_SERIAL
        )]
    );
    assert!(run.stdout.contains("note  online checks: skipped (--offline)"), "{}", run.stdout);

    let foreign = certificate(dir.path(), demo::OTHER_KEY_PEM, demo::MERCHANT_SERIAL);
    let run = self::run(&["doctor", "--offline", "--cert", &foreign], &vars(&sandbox), None);
    let fail = fail_lines(&run.stdout);
    assert_eq!(fail.len(), 1, "{}", run.stdout);
    assert!(
        fail[0].starts_with("FAIL  key pair: the private key does not belong to the certificate"),
        "{}",
        fail[0]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn doctor_explains_malformed_settings_offline_without_printing_keys() {
    let sandbox = Sandbox::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let apiv3 = file(dir.path(), "apiv3.txt", "secret-apiv3-key-of-31-characte");
    let mut bad = with(vars(&sandbox), "WECHATPAY_MCH_SERIAL", "68:3C:2B");
    bad = with(bad, "WECHATPAY_PUBLIC_KEY_ID", "PUB_KEY_0119");
    bad = with(bad, "WECHATPAY_MCHID", "19000x");
    bad = with(bad, "WECHATPAY_APIV3_KEY_PATH", &apiv3);
    let run = run(&["doctor", "--offline"], &bad, None);
    assert_eq!(run.code, 7);
    let fail = fail_lines(&run.stdout);
    let starts = [
        "FAIL  mchid: \"19000x\" is not all digits",
        "FAIL  merchant serial: ",
        "FAIL  public key ID: ",
        "FAIL  APIv3 key: ",
    ];
    assert_eq!(fail.len(), starts.len(), "{}", run.stdout);
    for (line, start) in fail.iter().zip(starts) {
        assert!(line.starts_with(start) && line.contains(". Fix: "), "{line}");
    }
    assert!(fail[1].contains("colons"), "{}", fail[1]);
    assert!(!run.stdout.contains("secret-apiv3"), "{}", run.stdout);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn doctor_explains_a_merchant_key_under_2048_bits_in_one_line_with_the_fix() {
    let sandbox = Sandbox::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let short_key = dir.path().join("apiclient_key_1024.pem");
    let status = Command::new("openssl")
        .args(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024", "-out"])
        .arg(&short_key)
        .stderr(Stdio::null())
        .status()
        .expect("openssl runs");
    assert!(status.success());
    let vars = with(vars(&sandbox), "WECHATPAY_MCH_KEY_PATH", short_key.to_str().unwrap());
    let run = run(&["doctor", "--offline"], &vars, None);
    assert_eq!(run.code, 7);
    assert_eq!(
        fail_lines(&run.stdout),
        [
            "FAIL  merchant private key: the merchant private key has 1024 bits; WeChat Pay uses RSA \
             keys of at least 2048 bits. Fix: use apiclient_key.pem as downloaded with the merchant \
             API certificate (RSA, at least 2048 bits, not encrypted)"
        ],
        "{}",
        run.stdout
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn doctor_reports_an_unreachable_host() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let sandbox = Sandbox::start().await.unwrap();
    let run = run(
        &["doctor"],
        &with(vars(&sandbox), "WECHATPAY_BASE_URL", &format!("http://127.0.0.1:{port}")),
        None,
    );
    assert_eq!(run.code, 7);
    let fail = fail_lines(&run.stdout);
    assert_eq!(fail.len(), 1, "{}", run.stdout);
    assert!(fail[0].starts_with("FAIL  connectivity: could not connect"), "{}", fail[0]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn sandbox_prints_export_lines_that_call_can_use() {
    let mut child = Command::new(BIN)
        .args(["sandbox", "--quiet"])
        .env_clear()
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut exports = Vec::new();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    for line in lines.by_ref() {
        let line = line.unwrap();
        if let Some((name, value)) =
            line.strip_prefix("export ").and_then(|rest| rest.split_once('='))
        {
            exports.push((name.to_owned(), value.trim_matches('\'').to_owned()));
        }
        if line == "Press Ctrl-C to stop." {
            break;
        }
    }
    let names: Vec<&str> = exports.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        names,
        [
            "WECHATPAY_BASE_URL",
            "WECHATPAY_MCHID",
            "WECHATPAY_MCH_SERIAL",
            "WECHATPAY_MCH_KEY_PATH",
            "WECHATPAY_PUBLIC_KEY_ID",
            "WECHATPAY_PUBLIC_KEY_PATH",
            "WECHATPAY_APIV3_KEY_PATH"
        ]
    );
    let vars: Vec<(&str, String)> =
        exports.iter().map(|(name, value)| (name.as_str(), value.clone())).collect();
    let run = call_claim(&vars);
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(run.code, 0, "{}", run.stderr);

    let taken = Sandbox::start().await.unwrap();
    let port = taken.addr().port().to_string();
    let busy = self::run(&["sandbox", "--port", &port], &[], None);
    assert_eq!(busy.code, 2);
    assert!(error_line(&busy).starts_with("error: the sandbox did not start"), "{}", busy.stderr);
}

/// The `FAIL` lines of doctor's report.
fn fail_lines(stdout: &str) -> Vec<String> {
    stdout.lines().filter(|line| line.starts_with("FAIL")).map(str::to_owned).collect()
}

/// A self-signed certificate for `key_pem` with `serial`, made by the `openssl` command (which the
/// workspace's tests already require), as a merchant's `apiclient_cert.pem` stands in.
fn certificate(dir: &Path, key_pem: &str, serial: &str) -> String {
    let key = file(dir, &format!("key-{serial}.pem"), key_pem);
    let out = dir.join(format!("cert-{serial}-{}.pem", key_pem.len()));
    let status = Command::new("openssl")
        .args(["req", "-new", "-x509", "-key", &key, "-subj", "/CN=1900000001", "-days", "2"])
        .args(["-set_serial", &format!("0x{serial}"), "-out"])
        .arg(&out)
        .stderr(Stdio::null())
        .status()
        .expect("openssl runs");
    assert!(status.success());
    out.display().to_string()
}

/// The headers (as the raw request head) and exact body of a notification the sandbox delivers
/// to a receiver on 127.0.0.1 that answers 204.
async fn capture(
    sandbox: &Sandbox,
    kind: NotificationKind,
    event_type: &str,
    resource: serde_json::Value,
) -> (String, Vec<u8>) {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/notify", listener.local_addr().unwrap());
    let receive = async {
        let (mut stream, _) = listener.accept().await.unwrap();
        let mut data = Vec::new();
        let mut buffer = [0u8; 4096];
        let (head, length) = loop {
            let n = stream.read(&mut buffer).await.unwrap();
            assert!(n > 0, "the request ended early");
            data.extend_from_slice(&buffer[..n]);
            if let Some(end) = data.windows(4).position(|w| w == b"\r\n\r\n") {
                let head = String::from_utf8(data[..end].to_vec()).unwrap();
                let length = head
                    .lines()
                    .find_map(|line| {
                        line.to_ascii_lowercase()
                            .strip_prefix("content-length:")
                            .map(|v| v.trim().parse::<usize>().unwrap())
                    })
                    .unwrap_or(0);
                data.drain(..end + 4);
                break (head, length);
            }
        };
        while data.len() < length {
            let n = stream.read(&mut buffer).await.unwrap();
            assert!(n > 0, "the body ended early");
            data.extend_from_slice(&buffer[..n]);
        }
        stream.write_all(b"HTTP/1.1 204 No Content\r\nconnection: close\r\n\r\n").await.unwrap();
        (head, data)
    };
    let (captured, delivered) =
        tokio::join!(receive, sandbox.deliver_notification(&url, kind, event_type, &resource));
    delivered.expect("delivered");
    captured
}

fn payment() -> serde_json::Value {
    serde_json::json!({
        "appid": "wxd678efh567hg6787", "mchid": "1900000001", "out_trade_no": "1217752501201407033233368018",
        "transaction_id": "4200000001202501010000000001", "trade_type": "JSAPI", "trade_state": "SUCCESS",
        "trade_state_desc": "支付成功", "bank_type": "CMC", "success_time": "2025-01-01T10:34:56+08:00",
        "payer": { "openid": OPENID }, "amount": { "total": 100, "payer_total": 80, "currency": "CNY", "payer_currency": "CNY" }
    })
}

/// Writes the capture to files and runs `notify decrypt` on them with `extra` arguments.
fn decrypt(
    dir: &Path,
    vars: &[(&str, String)],
    capture: &(String, Vec<u8>),
    extra: &[&str],
) -> Run {
    let headers = file(dir, "headers.txt", &capture.0);
    let body = dir.join("body.json");
    std::fs::write(&body, &capture.1).unwrap();
    let mut args =
        vec!["notify", "decrypt", "--headers", &headers, "--body", body.to_str().unwrap()];
    args.extend_from_slice(extra);
    run(&args, vars, None)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn notify_decrypt_prints_a_genuine_notification_with_personal_fields_masked() {
    let sandbox = Sandbox::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let captured =
        capture(&sandbox, NotificationKind::Normal, "TRANSACTION.SUCCESS", payment()).await;
    let run = decrypt(dir.path(), &vars(&sandbox), &captured, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let printed: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(printed["event_type"], "TRANSACTION.SUCCESS");
    assert_eq!(printed["original_type"], "transaction");
    assert_eq!(printed["resource"]["amount"]["payer_total"], 80);
    assert_eq!(printed["resource"]["payer"]["openid"], "<redacted>");

    let audit = serde_json::json!({ "id_card_number": "110101199003074477", "result": "PASS" });
    let captured = capture(&sandbox, NotificationKind::Normal, "AUDIT.RESULT", audit).await;
    let run = decrypt(dir.path(), &vars(&sandbox), &captured, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let printed: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        printed["resource"],
        serde_json::json!({ "id_card_number": "<redacted>", "result": "<redacted>" })
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn notify_decrypt_refuses_what_is_not_genuine_and_names_a_wrong_apiv3_key() {
    let sandbox = Sandbox::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let vars = vars(&sandbox);
    for (kind, code, expected) in [
        (NotificationKind::Tampered, 4, "notification refused"),
        (NotificationKind::UnknownSerial, 4, "notification refused"),
        (NotificationKind::Probe, 4, "notification refused"),
        (NotificationKind::Stale, 4, "notification refused"),
        (NotificationKind::WrongApiV3Key, 2, "WECHATPAY_APIV3_KEY_PATH holds another key"),
    ] {
        let captured = capture(&sandbox, kind, "TRANSACTION.SUCCESS", payment()).await;
        let run = decrypt(dir.path(), &vars, &captured, &[]);
        assert_eq!(run.code, code, "{kind:?}: {}", run.stderr);
        assert!(error_line(&run).contains(expected), "{kind:?}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{kind:?}: nothing printed");
    }
    // A capture ten minutes old verifies once the window is widened on purpose.
    let stale = capture(&sandbox, NotificationKind::Stale, "TRANSACTION.SUCCESS", payment()).await;
    assert_eq!(decrypt(dir.path(), &vars, &stale, &["--max-skew", "3600"]).code, 0);

    let genuine =
        capture(&sandbox, NotificationKind::Normal, "TRANSACTION.SUCCESS", payment()).await;
    let mut missing = vars.clone();
    missing.retain(|(name, _)| *name != "WECHATPAY_APIV3_KEY_PATH");
    let run = decrypt(dir.path(), &missing, &genuine, &[]);
    assert_eq!(run.code, 2);
    assert!(
        error_line(&run)
            .contains("WECHATPAY_APIV3_KEY_PATH is not set: export it or pass --apiv3-key")
    );
    let garbled = (format!("{}\nnot a header line", genuine.0), genuine.1.clone());
    let run = decrypt(dir.path(), &vars, &garbled, &[]);
    assert_eq!(run.code, 2);
    assert!(error_line(&run).contains("expected `Name: value`"), "{}", run.stderr);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn certificates_download_writes_the_verified_certificates() {
    let sandbox = Sandbox::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("certs");
    let run =
        run(&["certificates", "download", "--out", out.to_str().unwrap()], &vars(&sandbox), None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with(demo::PLATFORM_CERTIFICATE_SERIAL), "{}", run.stdout);
    let written = out.join(format!("{}.pem", demo::PLATFORM_CERTIFICATE_SERIAL));
    assert_eq!(std::fs::read_to_string(written).unwrap(), demo::PLATFORM_CERTIFICATE_PEM);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn certificates_download_needs_a_trusted_key_or_an_explicit_first_use() {
    let sandbox = Sandbox::start().await.unwrap();
    // Signed by the listed certificate itself, as a first contact sees it.
    let current = demo::platform_certificate();
    sandbox.set_platform_certificates(demo::MCHID, PlatformCertificates::only(&current));
    let without_public_key: Vec<_> = vars(&sandbox)
        .into_iter()
        .filter(|(name, _)| !name.starts_with("WECHATPAY_PUBLIC_KEY"))
        .collect();
    let refused = run(&["certificates", "download"], &without_public_key, None);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(refused.stdout.is_empty());
    let trusted =
        run(&["certificates", "download", "--trust-on-first-use"], &without_public_key, None);
    assert_eq!(trusted.code, 0, "{}", trusted.stderr);
    assert!(trusted.stdout.starts_with(demo::PLATFORM_CERTIFICATE_SERIAL), "{}", trusted.stdout);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn certificates_that_do_not_decrypt_are_not_trusted() {
    let sandbox = Sandbox::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("other_apiv3_key.txt");
    std::fs::write(&key, demo::OTHER_APIV3_KEY).unwrap();
    let vars = with(vars(&sandbox), "WECHATPAY_APIV3_KEY_PATH", key.to_str().unwrap());
    let run = run(&["certificates", "download"], &vars, None);
    assert_eq!(run.code, 4, "{}", run.stderr);
    assert!(!run.stderr.contains(demo::OTHER_APIV3_KEY) && !run.stderr.contains(demo::APIV3_KEY));
}

/// A list signed by a key the client does not trust (neither the configured public key nor, on first
/// use, one of the listed certificates) is untrusted: exit 4 and one line naming the signer's
/// serial; nothing is listed or written.
#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn a_certificate_list_signed_by_an_untrusted_key_exits_4_with_the_reason() {
    let sandbox = Sandbox::start().await.unwrap();
    let mut scenario = PlatformCertificates::listing(&[demo::platform_certificate()]);
    scenario.list_signer = Some(demo::untrusted_certificate());
    sandbox.set_platform_certificates(demo::MCHID, scenario);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("certs");
    let configured =
        run(&["certificates", "download", "--out", out.to_str().unwrap()], &vars(&sandbox), None);
    let without_public_key: Vec<_> = vars(&sandbox)
        .into_iter()
        .filter(|(name, _)| !name.starts_with("WECHATPAY_PUBLIC_KEY"))
        .collect();
    let first_use =
        run(&["certificates", "download", "--trust-on-first-use"], &without_public_key, None);
    let reason = format!(
        "error: verification: `Wechatpay-Serial` \"{}\" names no configured WeChat Pay public key or platform certificate",
        demo::UNTRUSTED_CERTIFICATE_SERIAL
    );
    for refused in [&configured, &first_use] {
        assert_eq!(refused.code, 4, "{}", refused.stderr);
        assert_eq!(refused.stderr.lines().count(), 1, "{}", refused.stderr);
        assert!(refused.stderr.starts_with(&reason), "{}", refused.stderr);
        assert!(refused.stdout.is_empty(), "{}", refused.stdout);
    }
    assert!(!out.exists(), "nothing is written");
}
