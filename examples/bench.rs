//! The SDK's speed against the physical floor: what RSA-2048 itself costs, as `openssl speed`
//! measures it on the same machine in the same run.
//!
//! Run `bench/run`: it runs `openssl speed -seconds 2 rsa2048` (one core) and `openssl speed
//! -multi N` (every core) and passes OpenSSL's rates here, `cargo run --release --example bench --
//! --openssl-sign-per-s S --openssl-verify-per-s V --openssl-verify-per-s-all-cores W`.
//! Every figure is a mean over about two seconds after a warm-up, on a quiet machine (the load
//! average is printed with the machine: anything else running shows in the figures).
//!
//! The floors: a signature costs one RSA private-key operation (OpenSSL's sign/s) and a field
//! encryption one public-key operation (OpenSSL's verify/s, the same modular exponentiation with
//! the public exponent). The prepare figures are also set against our own floor, our signature
//! plus our encryptions one after the other, timed in turns with them, since the default backend
//! (aws-lc-rs) may sign slower than OpenSSL: what remains above 1× is the SDK's own work
//! (validation, JSON, copies), and below 1× the other cores' share of the encryptions.

use std::error::Error;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use tokio::runtime::Runtime;
use wechatpay_apiv3::gov::subsidy::zhejiang::QualificationsSync;
use wechatpay_apiv3::{Client, WechatPayKeys, WechatRequest};
use wechatpay_apiv3_mock::{Sandbox, demo};

#[path = "support/records.rs"]
mod records;

type Result<T, E = Box<dyn Error>> = std::result::Result<T, E>;

/// Every figure, in the order printed. A figure is a function of the shared [`Bench`]: add one
/// by writing it and naming it here.
const FIGURES: &[fn(&Bench) -> Result<Row>] =
    &[sign, oaep, prepare_one_record, prepare_hundred_records, sends_sequential, sends_in_flight];

/// How long each figure runs before it is measured, and while it is measured.
const WARM_UP: Duration = Duration::from_millis(500);
const MEASURE: Duration = Duration::from_secs(2);

/// Sends in flight at once for [`sends_in_flight`].
const IN_FLIGHT: usize = 16;

fn main() -> Result<()> {
    let openssl = OpenSsl::from_args()?;
    let bench = Bench::new(openssl)?;
    println!("{}", bench.machine());
    println!("command: {}", command_line());
    println!(
        "OpenSSL (openssl speed -seconds 2 rsa2048): sign {:.0}/s ({}), verify {:.0}/s ({})",
        openssl.sign_per_s,
        millis(1.0 / openssl.sign_per_s),
        openssl.verify_per_s,
        millis(1.0 / openssl.verify_per_s),
    );
    println!();
    println!("| figure | measured | OpenSSL floor | × floor | our floor | × ours |");
    println!("| --- | --- | --- | --- | --- | --- |");
    let mut notes = Vec::new();
    for figure in FIGURES {
        let row = figure(&bench)?;
        println!("{}", row.markdown());
        notes.extend(row.note.map(|note| format!("{}: {note}", row.name)));
    }
    println!();
    for note in notes {
        println!("- {note}");
    }
    Ok(())
}

/// OpenSSL's rates in this run, from `bench/run`.
#[derive(Clone, Copy)]
struct OpenSsl {
    sign_per_s: f64,
    verify_per_s: f64,
    /// Public-key operations per second with every core busy (`openssl speed -multi N`).
    verify_per_s_all_cores: f64,
}

impl OpenSsl {
    fn from_args() -> Result<Self> {
        let mut sign_per_s = None;
        let mut verify_per_s = None;
        let mut verify_per_s_all_cores = None;
        let mut args = std::env::args().skip(1);
        while let Some(flag) = args.next() {
            let value: f64 = args.next().ok_or(format!("{flag} needs a value"))?.parse()?;
            match flag.as_str() {
                "--openssl-sign-per-s" => sign_per_s = Some(value),
                "--openssl-verify-per-s" => verify_per_s = Some(value),
                "--openssl-verify-per-s-all-cores" => verify_per_s_all_cores = Some(value),
                _ => return Err(format!("unknown flag {flag}").into()),
            }
        }
        match (sign_per_s, verify_per_s, verify_per_s_all_cores) {
            (Some(sign_per_s), Some(verify_per_s), Some(verify_per_s_all_cores))
                if sign_per_s > 0.0 && verify_per_s > 0.0 && verify_per_s_all_cores > 0.0 =>
            {
                Ok(Self { sign_per_s, verify_per_s, verify_per_s_all_cores })
            }
            _ => Err("the floor is OpenSSL's rates measured in the same run: run `bench/run` \
                      (or pass --openssl-sign-per-s S --openssl-verify-per-s V \
                      --openssl-verify-per-s-all-cores W)"
                .into()),
        }
    }

    /// Seconds for one signature and `fields` encryptions, on one core.
    fn floor(&self, signatures: f64, fields: f64) -> f64 {
        signatures / self.sign_per_s + fields / self.verify_per_s
    }
}

/// What the figures share: OpenSSL's rates, a sandbox on 127.0.0.1 and a client of it.
struct Bench {
    openssl: OpenSsl,
    runtime: Runtime,
    /// Kept alive: the server stops when it is dropped.
    _sandbox: Sandbox,
    client: Client,
    keys: Arc<WechatPayKeys>,
}

impl Bench {
    fn new(openssl: OpenSsl) -> Result<Self> {
        let runtime = Runtime::new()?;
        let sandbox = runtime.block_on(Sandbox::start())?;
        let client = Client::builder()
            .mchid(demo::MCHID)
            .merchant_key_pem(demo::MERCHANT_KEY_PEM, demo::MERCHANT_SERIAL)?
            .wechatpay_public_key_pem(sandbox.public_key_id(), sandbox.public_key_pem())?
            .base_url(&sandbox.base_url())
            .build()?;
        let keys = client.wechatpay_keys();
        Ok(Self { openssl, runtime, _sandbox: sandbox, client, keys })
    }

    /// Cores, CPU model and load: what the figures depend on.
    fn machine(&self) -> String {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let model = cpuinfo
            .lines()
            .find_map(|line| line.strip_prefix("model name")?.split_once(':'))
            .map_or("unknown", |(_, model)| model.trim());
        let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
        let load = load.split_whitespace().next().unwrap_or("unknown");
        format!("machine: {cores} cores (nproc), {model}; load average (1 min) {load}")
    }

    /// Prepare (validate, encrypt, serialize) and sign one request of `records` records, timed in
    /// turns with our own floor (a signature and the encryptions, one after the other), so that
    /// the ratio between them holds even if the machine's speed drifts during the run.
    fn prepare_and_sign(&self, records: usize) -> Result<Row> {
        let request = sync_request(records)?;
        let body = request.prepare(&self.keys)?.body;
        let encryptor = self.keys.encryptor()?;
        let fields = 3 * records;
        let (seconds, ours) = mean_seconds_in_turns(
            || {
                let prepared = request.prepare(&self.keys)?;
                prepared.sign(self.client.signer())?;
                Ok(())
            },
            || {
                self.client.signer().authorize("POST", SYNC_PATH, &body)?;
                for _ in 0..fields {
                    encryptor.encrypt(CERT_NO)?;
                }
                Ok(())
            },
        )?;
        Ok(Row {
            name: format!(
                "prepare + sign, {records} record{} ({fields} fields)",
                if records == 1 { "" } else { "s" },
            ),
            measured: millis(seconds),
            floor: Some((self.openssl.floor(1.0, fields as f64), seconds)),
            ours: Some((ours, seconds)),
            note: None,
        })
    }

    /// Sends of one single-record request for [`MEASURE`], `in_flight` at a time, per second.
    fn sends_per_second(&self, in_flight: usize) -> Result<f64> {
        let request = sync_request(1)?;
        self.runtime.block_on(async {
            let warm_up = Instant::now() + WARM_UP;
            while Instant::now() < warm_up {
                request.send(&self.client).await?;
            }
            let sent = Arc::new(AtomicU64::new(0));
            let start = Instant::now();
            let deadline = start + MEASURE;
            let tasks: Vec<_> = (0..in_flight)
                .map(|_| {
                    let (client, request, sent) =
                        (self.client.clone(), request.clone(), sent.clone());
                    tokio::spawn(async move {
                        while Instant::now() < deadline {
                            request.send(&client).await?;
                            sent.fetch_add(1, Ordering::Relaxed);
                        }
                        Ok::<_, wechatpay_apiv3::Error>(())
                    })
                })
                .collect();
            for task in tasks {
                task.await??;
            }
            Ok(sent.load(Ordering::Relaxed) as f64 / start.elapsed().as_secs_f64())
        })
    }

    /// What bounds a send on this machine: the client signs (1 private-key operation), encrypts 3
    /// fields and verifies the answer (4 public); the sandbox verifies the request (1 public),
    /// decrypts the 3 fields and signs its answer (4 private). Both share the cores.
    fn sends_bound(&self) -> String {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as f64;
        let cpu = self.openssl.floor(5.0, 5.0);
        format!(
            "bounded by the CPU both ends share: 5 RSA private-key + 5 public-key operations per \
             send (client: sign, 3 encryptions, verify; sandbox: verify, 3 decryptions, sign), at \
             OpenSSL's rates {:.0} sends/s on {cores} cores; one at a time, also by the loopback \
             HTTP round trip",
            cores / cpu
        )
    }
}

/// One row of the table: a time (or a rate) and its ratios to the floors, as (floor, measured)
/// in seconds.
struct Row {
    name: String,
    measured: String,
    floor: Option<(f64, f64)>,
    ours: Option<(f64, f64)>,
    note: Option<String>,
}

impl Row {
    fn markdown(&self) -> String {
        let floor = |pair: Option<(f64, f64)>| match pair {
            Some((floor, measured)) => (millis(floor), format!("{:.2}×", measured / floor)),
            None => (String::new(), String::new()),
        };
        let (openssl, openssl_ratio) = floor(self.floor);
        let (ours, ours_ratio) = floor(self.ours);
        format!(
            "| {} | {} | {openssl} | {openssl_ratio} | {ours} | {ours_ratio} |",
            self.name, self.measured
        )
    }
}

/// One RSA-2048 PKCS#1 v1.5 SHA-256 signature: the `Authorization` header of a request.
fn sign(bench: &Bench) -> Result<Row> {
    let body = sync_request(1)?.prepare(&bench.keys)?.body;
    let seconds = mean_seconds(|| {
        bench.client.signer().authorize("POST", SYNC_PATH, &body)?;
        Ok(())
    })?;
    Ok(Row {
        name: "sign (`Signer::authorize`)".into(),
        measured: millis(seconds),
        floor: Some((bench.openssl.floor(1.0, 0.0), seconds)),
        ours: None,
        note: None,
    })
}

/// One RSA-OAEP encryption of a field.
fn oaep(bench: &Bench) -> Result<Row> {
    let encryptor = bench.keys.encryptor()?;
    let seconds = mean_seconds(|| {
        encryptor.encrypt(CERT_NO)?;
        Ok(())
    })?;
    Ok(Row {
        name: "OAEP, one field (`FieldEncryptor::encrypt`)".into(),
        measured: millis(seconds),
        floor: Some((bench.openssl.floor(0.0, 1.0), seconds)),
        ours: None,
        note: None,
    })
}

/// Zhejiang's `qualifications/sync` with one qualification (3 encrypted fields).
fn prepare_one_record(bench: &Bench) -> Result<Row> {
    bench.prepare_and_sign(1)
}

/// The same with 100 qualifications (300 encrypted fields), encrypted on every core.
fn prepare_hundred_records(bench: &Bench) -> Result<Row> {
    let mut row = bench.prepare_and_sign(100)?;
    let openssl = bench.openssl;
    let (single, seconds) = row.floor.ok_or("the row has a floor")?;
    // One signature (it covers the whole body, so it waits for the encryptions) plus the 300
    // encryptions at every core's rate: the lowest ratio to one core's floor this machine allows.
    let all = 1.0 / openssl.sign_per_s + 300.0 / openssl.verify_per_s_all_cores;
    row.note = Some(format!(
        "the floors are one core's; the 300 encryptions run on every core (`EncryptFields` for a \
         `Vec`), so below 1× is possible. With every core busy (`openssl speed -multi`: verify \
         {:.0}/s, {:.2}× one core's rate) the floor is {} = {:.2}× one core's; measured {:.2}× \
         that floor",
        openssl.verify_per_s_all_cores,
        openssl.verify_per_s_all_cores / openssl.verify_per_s,
        millis(all),
        all / single,
        seconds / all,
    ));
    Ok(row)
}

/// End to end against the sandbox, one send at a time.
fn sends_sequential(bench: &Bench) -> Result<Row> {
    let rate = bench.sends_per_second(1)?;
    Ok(Row {
        name: "sends/s to the sandbox, 1 record, one at a time".into(),
        measured: format!("{rate:.0}/s"),
        floor: None,
        ours: None,
        note: Some(bench.sends_bound()),
    })
}

/// End to end against the sandbox, [`IN_FLIGHT`] sends at a time through one client.
fn sends_in_flight(bench: &Bench) -> Result<Row> {
    let rate = bench.sends_per_second(IN_FLIGHT)?;
    Ok(Row {
        name: format!("sends/s to the sandbox, 1 record, {IN_FLIGHT} in flight"),
        measured: format!("{rate:.0}/s"),
        floor: None,
        ours: None,
        note: None,
    })
}

/// The mean time of `run` in seconds, over [`MEASURE`] after [`WARM_UP`].
fn mean_seconds(mut run: impl FnMut() -> Result<()>) -> Result<f64> {
    let warm_up = Instant::now() + WARM_UP;
    while Instant::now() < warm_up {
        run()?;
    }
    Ok(time_for(MEASURE, &mut run)?.as_mean())
}

/// The mean times of `first` and `second` in seconds, each over [`MEASURE`] after [`WARM_UP`],
/// in turns of a tenth of a second.
fn mean_seconds_in_turns(
    mut first: impl FnMut() -> Result<()>,
    mut second: impl FnMut() -> Result<()>,
) -> Result<(f64, f64)> {
    let turn = MEASURE / 20;
    time_for(WARM_UP / 2, &mut first)?;
    time_for(WARM_UP / 2, &mut second)?;
    let (mut a, mut b) = (Timing::default(), Timing::default());
    for _ in 0..20 {
        a.add(time_for(turn, &mut first)?);
        b.add(time_for(turn, &mut second)?);
    }
    Ok((a.as_mean(), b.as_mean()))
}

/// Time spent and runs made.
#[derive(Default)]
struct Timing {
    seconds: f64,
    runs: u32,
}

impl Timing {
    fn add(&mut self, other: Timing) {
        self.seconds += other.seconds;
        self.runs += other.runs;
    }

    fn as_mean(&self) -> f64 {
        self.seconds / f64::from(self.runs)
    }
}

/// Runs `run` again and again for at least `duration` (at least once).
fn time_for(duration: Duration, run: &mut impl FnMut() -> Result<()>) -> Result<Timing> {
    let start = Instant::now();
    let mut runs = 0;
    loop {
        run()?;
        runs += 1;
        if start.elapsed() >= duration {
            return Ok(Timing { seconds: start.elapsed().as_secs_f64(), runs });
        }
    }
}

fn millis(seconds: f64) -> String {
    format!("{:.3} ms", seconds * 1e3)
}

fn command_line() -> String {
    let args: Vec<String> = std::env::args().skip(1).collect();
    format!("cargo run --release --example bench -- {}", args.join(" "))
}

const SYNC_PATH: &str = "/v3/gov/subsidy/zhejiang/qualifications/sync";
const CERT_NO: &str = "330102199001011234";

/// A `qualifications/sync` of `records` distinct, valid qualifications (made-up data).
fn sync_request(records: usize) -> Result<QualificationsSync> {
    let data = serde_json::from_value(serde_json::Value::Array(records::zhejiang(records)?))?;
    Ok(QualificationsSync { req_ssn: Some("bench".into()), data: Some(data) })
}
