//! The bulk reporter at a rate limit against the sandbox (which enforces WeChat Pay's published
//! limits and answers with a tp99-like latency): records/s, the ratio to the limit's minimum
//! time, and how many answers were 429. `cargo run --release --example report_bench`.

use std::time::{Duration, Instant};

use wechatpay_apiv3::Client;
use wechatpay_apiv3::gov::subsidy::zhejiang::QualificationsSync;
use wechatpay_apiv3::report::{Format, Options, Reporter, Run, SqliteJournal, fingerprint, read};
use wechatpay_apiv3_mock::{Latency, Sandbox, demo};

#[path = "support/records.rs"]
mod records;

const RECORDS: usize = 10_000;
const BATCH: usize = 10;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = Sandbox::builder()
        .published_rate_limits()
        .latency(Latency::tail(Duration::from_millis(60), Duration::from_millis(250), 100))
        .max_received(2 * RECORDS / BATCH)
        .start()
        .await?;
    let client = Client::builder()
        .mchid(demo::MCHID)
        .merchant_key_pem(demo::MERCHANT_KEY_PEM, demo::MERCHANT_SERIAL)?
        .wechatpay_public_key_pem(sandbox.public_key_id(), sandbox.public_key_pem())?
        .base_url(&sandbox.base_url())
        .build()?;
    let dir = std::env::temp_dir().join(format!("wechatpay-report-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let input = dir.join("records.jsonl");
    std::fs::write(&input, json_lines(RECORDS)?)?;
    let run = Run {
        endpoint: "/v3/gov/subsidy/zhejiang/qualifications/sync".into(),
        input: fingerprint(&input)?,
    };
    let journal = SqliteJournal::open(dir.join("journal.sqlite"))?;
    let mut reporter = Reporter::<QualificationsSync>::new(client, journal)
        .options(Options { batch: BATCH, ..Options::default() });

    let started = Instant::now();
    let summary = reporter.run(&run, read(&input, Format::JsonLines)?).await?;
    let elapsed = started.elapsed().as_secs_f64();
    std::fs::remove_dir_all(&dir)?;

    let limit = f64::from(sandbox.rate_limit(&run.endpoint).unwrap_or(100));
    let minimum = (RECORDS / BATCH) as f64 / limit;
    println!(
        "reporter: {RECORDS} records in batches of {BATCH} at {limit} requests/s: {elapsed:.2} s, {:.0} records/s, {:.3}x the minimum {minimum:.1} s; {} done; the sandbox answered 429 {} time(s)",
        RECORDS as f64 / elapsed,
        elapsed / minimum,
        summary.counts.done,
        sandbox.received().iter().filter(|received| received.rate_limited).count(),
    );
    Ok(())
}

/// `count` Zhejiang records as JSON Lines.
fn json_lines(count: usize) -> Result<String, serde_json::Error> {
    let lines: Vec<String> =
        records::zhejiang(count)?.iter().map(|record| record.to_string() + "\n").collect();
    Ok(lines.concat())
}
