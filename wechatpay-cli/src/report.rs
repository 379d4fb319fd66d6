//! `wechatpay report PATH --input FILE`: a file of records sent through the bulk reporter, with a
//! progress bar, a summary, a file of the records that failed, and resume by rerunning.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use wechatpay_apiv3::gov::subsidy::{jiangsu, zhejiang};
use wechatpay_apiv3::report::{
    Entry, Format, Options, Progress, Report, ReportError, Reporter, Run, SqliteJournal, Summary,
    check, fingerprint, read,
};
use wechatpay_apiv3::{Client, WechatRequest};

use crate::config::Config;
use crate::endpoints;
use crate::exit::{Exit, Failure};

/// `wechatpay report`'s arguments.
#[derive(Args, Debug)]
pub struct ReportArgs {
    /// The batch endpoint's path, with or without /v3/gov/subsidy
    pub path: String,
    /// The records: FILE.jsonl (one JSON object per line) or FILE.csv (a header row of the
    /// serialized field names), plaintext personal data included
    #[arg(long, short, value_name = "FILE")]
    pub input: PathBuf,
    /// The journal (SQLite) that makes a rerun resume [default: FILE.journal.sqlite beside the input]
    #[arg(long, value_name = "FILE")]
    pub journal: Option<PathBuf>,
    /// Requests per second [default: the endpoint's published limit, else 100]
    #[arg(long, value_name = "N")]
    pub rate: Option<f64>,
    /// Records per request, at most 100 (Jiangsu's reports take one) [default: 10]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=100))]
    pub batch: Option<u16>,
    /// Requests in flight at most [default: 32]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub concurrency: Option<u16>,
    /// Where the failed and unknown records go, one JSON object per line: line, key, state and
    /// reason, never the record's data [default: FILE.failed.jsonl beside the input]
    #[arg(long, value_name = "FILE")]
    pub failed: Option<PathBuf>,
    /// Validate and prepare (encrypt, serialize) every record without sending anything; print
    /// every problem with its line and field path
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub config: Config,
}

/// The paths `report` sends to, for the usage message.
const REPORTABLE: [&str; 5] = [
    zhejiang::QualificationsSync::PATH,
    zhejiang::NQualificationsConfirm::PATH,
    jiangsu::QualificationsSync::PATH,
    jiangsu::NQualificationsSync::PATH,
    jiangsu::TransactionsSync::PATH,
];

/// Runs the report (or the check) for the endpoint at `args.path`.
pub async fn run(args: ReportArgs) -> Result<(), Failure> {
    let endpoint = endpoints::find(&args.path)?;
    match endpoint.path {
        zhejiang::QualificationsSync::PATH => report::<zhejiang::QualificationsSync>(args).await,
        zhejiang::NQualificationsConfirm::PATH => {
            report::<zhejiang::NQualificationsConfirm>(args).await
        }
        jiangsu::QualificationsSync::PATH => report::<jiangsu::QualificationsSync>(args).await,
        jiangsu::NQualificationsSync::PATH => report::<jiangsu::NQualificationsSync>(args).await,
        jiangsu::TransactionsSync::PATH => report::<jiangsu::TransactionsSync>(args).await,
        other => Err(Failure::usage(format!(
            "{other} does not take records in bulk; `report` sends to {}",
            REPORTABLE.join(", ")
        ))),
    }
}

async fn report<E: Report>(args: ReportArgs) -> Result<(), Failure> {
    let format = Format::of(&args.input).ok_or_else(|| {
        Failure::usage(format!(
            "{}: the input must be FILE.jsonl or FILE.csv",
            args.input.display()
        ))
    })?;
    let client = args.config.client()?;
    let batch = args.batch.map_or(10, usize::from).min(E::MAX_BATCH);
    let records =
        read::<E::Record>(&args.input, format).map_err(|error| input_error(&args.input, &error))?;
    if args.dry_run {
        return dry_run::<E>(&client, batch, records);
    }

    let input = fingerprint(&args.input).map_err(|error| input_error(&args.input, &error))?;
    let total = count_records(&args.input, format);
    let journal_path =
        args.journal.clone().unwrap_or_else(|| beside(&args.input, "journal.sqlite"));
    let journal = SqliteJournal::open(&journal_path)
        .map_err(|error| Failure::usage(format!("{}: {error}", journal_path.display())))?;
    let options = Options {
        batch,
        rate: args.rate,
        concurrency: args.concurrency.map_or(32, usize::from),
        ..Options::default()
    };
    let bar = progress_bar(total);
    let shown = bar.clone();
    let mut reporter = Reporter::<E>::new(client, journal)
        .options(options)
        .on_progress(move |progress| show(&shown, progress));
    let stop = reporter.stopper();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            stop.stop();
        }
    });
    let run = Run { endpoint: E::PATH.to_owned(), input };
    let summary = reporter.run(&run, records).await;
    bar.finish_and_clear();
    let summary = summary.map_err(|error| match error {
        ReportError::Journal(error) => {
            Failure::usage(format!("{}: {error}", journal_path.display()))
        }
        ReportError::Input(error) => input_error(&args.input, &error),
        ReportError::Options(message) => Failure::usage(message),
    })?;
    let unsettled = reporter
        .journal()
        .unsettled()
        .map_err(|error| Failure::usage(format!("{}: {error}", journal_path.display())))?;
    let failed_path = args.failed.clone().unwrap_or_else(|| beside(&args.input, "failed.jsonl"));
    write_failed(&failed_path, &unsettled)?;
    println!("{}", describe(&summary, &unsettled, &failed_path));
    outcome(&summary)
}

/// Checks every record, printing each problem; exit 3 if there is any.
fn dry_run<E: Report>(
    client: &Client,
    batch: usize,
    records: impl Iterator<Item = std::io::Result<wechatpay_apiv3::report::Line<E::Record>>>,
) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    let (read, failed) = check::<E, _>(&client.wechatpay_keys(), batch, records, |entry| {
        let _ = writeln!(stdout, "line {}: {}", entry.line, entry.reason);
    })
    .map_err(|error| Failure::usage(error.to_string()))?;
    drop(stdout);
    println!(
        "checked {read} record(s): {} ready, {failed} with problems; nothing was sent",
        read - failed
    );
    if failed > 0 {
        return Err(Failure::new(Exit::Invalid, format!("{failed} record(s) would not be sent")));
    }
    Ok(())
}

/// The summary printed at the end.
fn describe(summary: &Summary, unsettled: &[Entry], failed_path: &Path) -> String {
    let counts = summary.counts;
    let seconds = summary.elapsed.as_secs_f64();
    let mut text = format!(
        "{} record(s): {} done, {} failed, {} unknown, {} pending · {} request(s), {} throttled, in {:.1} s",
        summary.records,
        counts.done,
        counts.failed,
        counts.unknown,
        counts.pending,
        summary.requests,
        summary.throttled,
        seconds
    );
    if !unsettled.is_empty() {
        let _ = write!(
            text,
            "\nfailed and unknown records (line, key, reason): {}",
            failed_path.display()
        );
    }
    if let Some(reason) = &summary.stopped {
        let _ = write!(text, "\nstopped: {reason}\nrerun the same command to resume");
    }
    text
}

/// 0 when every record is done; otherwise the code for the worst state left.
fn outcome(summary: &Summary) -> Result<(), Failure> {
    let counts = summary.counts;
    if counts.unknown > 0 {
        return Err(Failure::new(
            Exit::OutcomeUnknown,
            format!(
                "{} record(s) may or may not have been applied: check them before reporting them again",
                counts.unknown
            ),
        ));
    }
    if counts.pending > 0 {
        return Err(Failure::new(
            Exit::Transport,
            format!("{} record(s) not sent yet: rerun the same command to resume", counts.pending),
        ));
    }
    if counts.failed > 0 {
        return Err(Failure::new(Exit::Refused, format!("{} record(s) failed", counts.failed)));
    }
    Ok(())
}

/// Writes the failed and unknown records: line, key, state, reason (no record data).
fn write_failed(path: &Path, entries: &[Entry]) -> Result<(), Failure> {
    if entries.is_empty() {
        return match std::fs::remove_file(path) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                Err(Failure::usage(format!("{}: {error}", path.display())))
            }
            _ => Ok(()),
        };
    }
    let mut text = String::new();
    for entry in entries {
        let line = serde_json::json!({
            "line": entry.line,
            "key": entry.key,
            "state": entry.state.as_str(),
            "reason": entry.reason,
        });
        let _ = writeln!(text, "{line}");
    }
    std::fs::write(path, text)
        .map_err(|error| Failure::usage(format!("{}: {error}", path.display())))
}

fn progress_bar(total: u64) -> ProgressBar {
    let bar = ProgressBar::new(total);
    let style = ProgressStyle::with_template(
        "{bar:30} {pos}/{len} records · {per_sec} · ETA {eta} · {msg}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar.enable_steady_tick(Duration::from_millis(250));
    bar
}

fn show(bar: &ProgressBar, progress: &Progress) {
    let counts = progress.counts;
    bar.set_position(counts.settled());
    bar.set_message(format!(
        "done {} · failed {} · unknown {} · pending {}",
        counts.done,
        counts.failed,
        counts.unknown,
        bar.length().unwrap_or(0).saturating_sub(counts.settled())
    ));
}

/// About how many records the file holds, for the progress bar: its non-blank lines (less the
/// header row of a CSV).
fn count_records(path: &Path, format: Format) -> u64 {
    let Ok(text) = std::fs::File::open(path) else { return 0 };
    let lines = std::io::BufRead::lines(std::io::BufReader::new(text))
        .map_while(Result::ok)
        .filter(|line| !line.trim().is_empty())
        .count() as u64;
    match format {
        Format::Csv => lines.saturating_sub(1),
        Format::JsonLines => lines,
    }
}

/// `input` with `.suffix` appended to its file name.
fn beside(input: &Path, suffix: &str) -> PathBuf {
    let mut name = input.file_name().unwrap_or_default().to_owned();
    name.push(format!(".{suffix}"));
    input.with_file_name(name)
}

fn input_error(path: &Path, error: &std::io::Error) -> Failure {
    Failure::usage(format!("{}: {error}", path.display()))
}
