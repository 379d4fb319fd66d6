//! The run: read → validate → batch → prepare → pace → mark in flight → send → record the verdict.

use std::collections::VecDeque;
use std::io;
use std::marker::PhantomData;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use tokio::task::JoinSet;

use super::confirm;
use super::endpoint::Report;
use super::input::Line;
use super::journal::{Counts, Entry, Journal, JournalError, Run, State};
use super::pace::{Pace, published_rate_limit, valid_rate};
use super::verdict::{Verdict, all, judge, mask};
use crate::{Client, Error, ErrorData, Prepared, Validate, WechatPayKeys};

/// How a run sends.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Records per request, at most the endpoint's [`MAX_BATCH`](Report::MAX_BATCH) (1 for
    /// Jiangsu's reports). Default 10.
    pub batch: usize,
    /// Requests per second; `None`: the endpoint's published limit
    /// ([`published_rate_limit`]).
    pub rate: Option<f64>,
    /// Requests in flight at most. Default 32: at 100 requests/s and WeChat Pay's published
    /// tp99 of 250 ms, 25 are in flight.
    pub concurrency: usize,
    /// Failures in a row that applied nothing (no connection, `429` after the client's
    /// retries) before the run stops, leaving the rest pending for the next run. Default 20.
    pub setbacks: u32,
}

impl Default for Options {
    fn default() -> Self {
        Self { batch: 10, rate: None, concurrency: 32, setbacks: 20 }
    }
}

/// How a run went.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Records read from the input: all of them, unless the run stopped early.
    pub records: u64,
    /// Where the input's records stand now (this run and earlier ones); `pending` counts
    /// records not settled, in flight ones included.
    pub counts: Counts,
    /// Requests sent in this run.
    pub requests: u64,
    /// `429` answers in this run (after the client's own retries).
    pub throttled: u64,
    /// How long the run took.
    pub elapsed: Duration,
    /// Why the run stopped before the end of the input, if it did: rerun to resume.
    pub stopped: Option<String>,
}

/// What the progress callback sees.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Records read so far.
    pub read: u64,
    /// Done (applied), failed and unknown so far, counting earlier runs' records read again.
    pub counts: Counts,
}

/// Why a run could not go on.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The journal refused (another run's journal) or failed.
    #[error(transparent)]
    Journal(#[from] JournalError),
    /// The input could not be read.
    #[error("the input could not be read: {0}")]
    Input(#[from] io::Error),
    /// An option is out of range; nothing was sent.
    #[error("{0}")]
    Options(String),
}

/// Asks a running report to stop: no new request is sent, those in flight are awaited and
/// recorded. Clone it into a Ctrl-C handler.
#[derive(Debug, Clone, Default)]
pub struct Stop(Arc<AtomicBool>);

impl Stop {
    /// Stops the run.
    pub fn stop(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    fn requested(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

type Records<R> = Vec<(u64, R)>;

/// A batch's records and how their request ended.
type Sent<R> = (Records<R>, Result<ErrorData, Error>);

type OnProgress = Box<dyn FnMut(&Progress) + Send>;

/// Sends a file's records to a batch endpoint `E` at its rate limit, exactly once each, with
/// every record's state in a durable [`Journal`]: see the [module](super) documentation.
pub struct Reporter<E: Report> {
    client: Client,
    journal: Box<dyn Journal>,
    options: Options,
    stop: Stop,
    progress: Option<OnProgress>,
    endpoint: PhantomData<fn() -> E>,
}

impl<E: Report> Reporter<E> {
    /// A reporter sending through `client`, recording into `journal`.
    pub fn new(client: Client, journal: impl Journal + 'static) -> Self {
        Self {
            client,
            journal: Box::new(journal),
            options: Options::default(),
            stop: Stop::default(),
            progress: None,
            endpoint: PhantomData,
        }
    }

    /// Sets the options.
    pub fn options(mut self, options: Options) -> Self {
        self.options = options;
        self
    }

    /// Calls `progress` after every record read and every answer.
    pub fn on_progress(mut self, progress: impl FnMut(&Progress) + Send + 'static) -> Self {
        self.progress = Some(Box::new(progress));
        self
    }

    /// The journal: its entries after a run (the failed-records file), or to inspect.
    pub fn journal(&mut self) -> &mut dyn Journal {
        self.journal.as_mut()
    }

    /// A handle that stops the run.
    pub fn stopper(&self) -> Stop {
        self.stop.clone()
    }

    /// Reports `input` (the records of the file `run` names, read afresh on every run): records
    /// the journal holds as settled are skipped, those it holds in flight are resolved first
    /// ([`Confirmation`](super::Confirmation)), the others validated, batched and sent.
    pub async fn run<I>(&mut self, run: &Run, input: I) -> Result<Summary, ReportError>
    where
        I: IntoIterator<Item = io::Result<Line<E::Record>>>,
    {
        let rate = self.options.rate.unwrap_or_else(|| f64::from(published_rate_limit(E::PATH)));
        if !valid_rate(rate) {
            return Err(ReportError::Options(format!(
                "the rate must be a number of requests per second above 0 and at most 1000000, not {rate}"
            )));
        }
        self.journal.begin(run)?;
        let started = Instant::now();
        let mut sending = Sending::<E> {
            client: self.client.clone(),
            journal: self.journal.as_mut(),
            options: self.options.clone(),
            batch: self.options.batch.clamp(1, E::MAX_BATCH),
            pace: Pace::new(rate),
            lookups: Pace::new(f64::from(published_rate_limit(confirm::LOOKUP_PATH))),
            tasks: JoinSet::new(),
            again: VecDeque::new(),
            summary: Summary::default(),
            progress: Progress::default(),
            setbacks: 0,
            serials: Serials::new(),
            stop: self.stop.clone(),
            report: self.progress.as_mut(),
        };
        sending.input(input).await?;
        sending.finish().await?;
        let mut summary = sending.summary;
        if self.stop.requested() && summary.stopped.is_none() {
            summary.stopped = Some("stopped on request".to_owned());
        }
        let mut counts = self.journal.counts()?;
        counts.pending = summary.records.saturating_sub(counts.settled());
        counts.in_flight = 0;
        summary.counts = counts;
        summary.elapsed = started.elapsed();
        Ok(summary)
    }
}

/// One run's moving parts.
struct Sending<'a, E: Report> {
    client: Client,
    journal: &'a mut dyn Journal,
    options: Options,
    batch: usize,
    pace: Pace,
    lookups: Pace,
    tasks: JoinSet<Sent<E::Record>>,
    /// Records to send again (nothing applied: not sent, or throttled).
    again: VecDeque<(u64, E::Record)>,
    summary: Summary,
    progress: Progress,
    setbacks: u32,
    serials: Serials,
    stop: Stop,
    report: Option<&'a mut OnProgress>,
}

impl<E: Report> Sending<'_, E> {
    async fn input<I>(&mut self, input: I) -> Result<(), ReportError>
    where
        I: IntoIterator<Item = io::Result<Line<E::Record>>>,
    {
        let mut pending = Vec::new();
        let mut in_flight = Vec::new();
        for item in input {
            if self.stopping() {
                break;
            }
            let Line { line, record } = item?;
            self.summary.records += 1;
            self.progress.read += 1;
            let known = self.journal.get(line)?;
            match (record, known) {
                (_, Some(entry)) if entry.state.is_settled() => {
                    self.progress.counts.add(entry.state)
                }
                (Ok(record), Some(entry)) if entry.state == State::InFlight => {
                    in_flight.push((line, record));
                    if in_flight.len() >= confirm::CHUNK {
                        self.confirm(std::mem::take(&mut in_flight)).await?;
                    }
                }
                (record, _) => match admit::<E>(line, record) {
                    Err(failed) => self.settle(vec![failed])?,
                    Ok(record) => {
                        pending.push((line, record));
                        if pending.len() >= self.batch {
                            self.dispatch(std::mem::take(&mut pending)).await?;
                        }
                    }
                },
            }
            self.send_again(false).await?;
            self.report();
        }
        if !in_flight.is_empty() {
            self.confirm(in_flight).await?;
        }
        if !pending.is_empty() && !self.stopping() {
            self.dispatch(pending).await?;
        }
        Ok(())
    }

    /// Awaits every request in flight, sending again what comes back unapplied.
    async fn finish(&mut self) -> Result<(), ReportError> {
        loop {
            self.send_again(true).await?;
            match self.tasks.join_next().await {
                Some(joined) => self.answered(joined)?,
                None if self.again.is_empty() || self.stopping() => return Ok(()),
                None => {}
            }
        }
    }

    /// Sends records that came back unapplied: full batches, or what there is if `all`.
    async fn send_again(&mut self, all: bool) -> Result<(), ReportError> {
        while !self.stopping()
            && (self.again.len() >= self.batch || (all && !self.again.is_empty()))
        {
            let take = self.batch.min(self.again.len());
            let records = self.again.drain(..take).collect();
            self.dispatch(records).await?;
        }
        Ok(())
    }

    /// Prepares `records` as one request, waits for a slot, marks them in flight and sends.
    async fn dispatch(&mut self, records: Records<E::Record>) -> Result<(), ReportError> {
        let serial = self.serials.next();
        let request =
            E::request(records.iter().map(|(_, record)| record.clone()).collect(), &serial);
        let prepared = match Prepared::new(&request, &self.client.wechatpay_keys()) {
            Ok(prepared) => prepared,
            Err(error @ (Error::Config(_) | Error::Setup(_))) => {
                return self.halt(mask::<E>(&error.to_string(), &records));
            }
            Err(error) => {
                let reason = mask::<E>(&error.to_string(), &records);
                let failed = all::<E>(&records, State::Failed, &reason);
                return self.settle(failed);
            }
        };
        // Answers are recorded as soon as they are here: a record answered but not recorded
        // would be resolved again after a crash (and left unknown where no query can tell).
        while let Some(joined) = self.tasks.try_join_next() {
            self.answered(joined)?;
        }
        while self.tasks.len() >= self.options.concurrency.max(1) {
            let joined = self.tasks.join_next().await.expect("tasks are running");
            self.answered(joined)?;
        }
        if self.stopping() {
            // Not marked: the records are pending, for the next run.
            return Ok(());
        }
        self.pace.wait().await;
        let marks: Vec<Entry> = all::<E>(&records, State::InFlight, &serial);
        self.journal.put(&marks)?;
        self.summary.requests += 1;
        let client = self.client.clone();
        self.tasks.spawn(async move {
            let result =
                client.send_prepared(&prepared).await.map(|(reply, _)| E::named_in_success(&reply));
            (records, result)
        });
        Ok(())
    }

    /// Records what an answer means for its records.
    fn answered(
        &mut self,
        joined: Result<Sent<E::Record>, tokio::task::JoinError>,
    ) -> Result<(), ReportError> {
        // A send task does not panic; if one did, its records stay in flight in the journal
        // and are resolved on the next run, as after a crash.
        let Ok((records, result)) = joined else { return Ok(()) };
        match judge::<E>(&records, result) {
            Verdict::Settled(entries) => {
                self.setbacks = 0;
                self.settle(entries)?;
            }
            Verdict::Again { throttled, reason } => {
                if throttled {
                    self.summary.throttled += 1;
                    self.pace.back_off(Duration::from_secs(1));
                }
                self.setbacks += 1;
                let entries: Vec<Entry> = all::<E>(&records, State::Pending, &reason);
                self.journal.put(&entries)?;
                self.again.extend(records);
                if self.setbacks >= self.options.setbacks {
                    self.halt(format!(
                        "{} failures in a row applied nothing, the last: {reason}",
                        self.setbacks
                    ))?;
                }
            }
            Verdict::Stop(reason) => {
                let entries: Vec<Entry> = all::<E>(&records, State::Pending, &reason);
                self.journal.put(&entries)?;
                self.halt(reason)?;
            }
        }
        self.report();
        Ok(())
    }

    /// Resolves records found in flight from an earlier run.
    async fn confirm(&mut self, records: Records<E::Record>) -> Result<(), ReportError> {
        let (settled, again) =
            confirm::resolve::<E>(&self.client, &mut self.lookups, records).await;
        self.settle(settled)?;
        for chunk in again.chunks(self.batch) {
            self.dispatch(chunk.to_vec()).await?;
        }
        Ok(())
    }

    fn settle(&mut self, entries: Vec<Entry>) -> Result<(), ReportError> {
        self.journal.put(&entries)?;
        entries.iter().for_each(|entry| self.progress.counts.add(entry.state));
        Ok(())
    }

    /// Stops sending: nothing more can be applied in this run.
    fn halt(&mut self, reason: String) -> Result<(), ReportError> {
        self.summary.stopped.get_or_insert(reason);
        self.stop.stop();
        Ok(())
    }

    fn stopping(&self) -> bool {
        self.stop.requested()
    }

    fn report(&mut self) {
        if let Some(report) = self.report.as_mut() {
            report(&self.progress);
        }
    }
}

/// Request serial numbers (`req_ssn`): unique per request across runs, 32 characters at most.
struct Serials {
    prefix: String,
    next: u64,
}

impl Serials {
    fn new() -> Self {
        let millis = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.as_millis());
        Self { prefix: format!("R{millis}"), next: 0 }
    }

    fn next(&mut self) -> String {
        self.next += 1;
        format!("{}N{}", self.prefix, self.next)
    }
}

/// The record on `line` if it parsed and keeps every rule; else its failed entry (the parse
/// problem, or every violation by field path): the same admission for a run and a check.
fn admit<E: Report>(line: u64, record: Result<E::Record, String>) -> Result<E::Record, Entry> {
    let record = record.map_err(|reason| Entry::new(line, "", State::Failed).because(reason))?;
    match record.validate() {
        Ok(()) => Ok(record),
        Err(violations) => Err(Entry::new(line, E::key(&record), State::Failed)
            .because(format!("validation: {violations}"))),
    }
}

/// Checks every record without sending anything: parse, validate, and prepare (encrypt and
/// serialize) in batches as a run would. `failed` is called for every record that would fail
/// (its line, key and reason). Returns how many records were read and how many failed.
pub fn check<E: Report, I>(
    keys: &WechatPayKeys,
    batch: usize,
    input: I,
    mut failed: impl FnMut(Entry),
) -> Result<(u64, u64), ReportError>
where
    I: IntoIterator<Item = io::Result<Line<E::Record>>>,
{
    let batch = batch.clamp(1, E::MAX_BATCH);
    let (mut read, mut failures) = (0, 0);
    let mut pending: Records<E::Record> = Vec::with_capacity(batch);
    let mut fail = |entry: Entry| {
        failures += 1;
        failed(entry);
    };
    let prepare = |records: &mut Records<E::Record>, fail: &mut dyn FnMut(Entry)| {
        let owned: Vec<E::Record> = records.iter().map(|(_, record)| record.clone()).collect();
        if let Err(error) = Prepared::new(&E::request(owned, "CHECK"), keys) {
            let reason = mask::<E>(&error.to_string(), records);
            all::<E>(records, State::Failed, &reason).into_iter().for_each(&mut *fail);
        }
        records.clear();
    };
    for item in input {
        let Line { line, record } = item?;
        read += 1;
        match admit::<E>(line, record) {
            Err(failed) => {
                fail(failed);
                continue;
            }
            Ok(record) => pending.push((line, record)),
        }
        if pending.len() >= batch {
            prepare(&mut pending, &mut fail);
        }
    }
    if !pending.is_empty() {
        prepare(&mut pending, &mut fail);
    }
    Ok((read, failures))
}
