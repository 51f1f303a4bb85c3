//! The pipeline driver: documents in, [`Report`] out.
//!
//! Documents are analyzed in parallel batches on the current rayon pool and
//! merged in input order, so the result is the same for any number of threads.
//! Memory: one batch of documents at a time, plus the corpus totals.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use crate::count::{Analyzer, CorpusCounts, DocumentStats};
use crate::input::{self, Document, DocumentStream, InputError, InputEvent, TextRecord};
use crate::options::{Options, OptionsError};
use crate::report::Report;
use crate::timing::{Stage, StageTimes};

/// Documents per parallel batch, at most.
const BATCH_DOCUMENTS: usize = 512;
/// Documents and problems read together, handed from the reader to the workers.
#[derive(Default)]
struct Batch {
    documents: Vec<Document>,
    problems: Vec<input::Problem>,
    bytes: usize,
}

/// A corpus being counted. Add documents, then call [`Corpus::finish`].
pub struct Corpus {
    analyzer: Analyzer,
    counts: CorpusCounts,
    /// Set from another thread to stop reading (see [`Corpus::stop_when`]).
    stop: Option<Arc<AtomicBool>>,
}

impl Corpus {
    /// An empty corpus, counted with `options`.
    pub fn new(options: Options) -> Result<Self, OptionsError> {
        Ok(Corpus {
            counts: CorpusCounts::new(options.clone()),
            analyzer: Analyzer::new(options)?,
            stop: None,
        })
    }

    /// Stops reading once `stop` is set (from another thread: a Ctrl-C handler, a
    /// caller that gave up): the documents of the batch being read are dropped and
    /// the counts hold those read before. Whoever set it knows the run is cut
    /// short; nothing in the report says so.
    pub fn stop_when(&mut self, stop: Arc<AtomicBool>) {
        self.stop = Some(stop);
    }

    /// Adds documents given in memory, read as the lines of a JSONL file of them
    /// would be (ids, groups, limits and problems: see [`TextRecord`]).
    pub fn add_records<I>(&mut self, records: I)
    where
        I: Iterator<Item = TextRecord> + Send + 'static,
    {
        let input = self.analyzer.options().reading_input();
        self.add_events(DocumentStream::of_records(records, input), &mut |_| {});
    }

    /// Adds one document made from a string.
    pub fn add_text(&mut self, id: &str, text: &str) {
        self.add_document(Document::new(id, text));
    }

    /// Adds one document.
    pub fn add_document(&mut self, document: Document) {
        self.counts += self.analyzer.analyze(document);
    }

    /// Adds documents, analyzing them in parallel batches on the current rayon pool.
    pub fn add_documents<I>(&mut self, documents: I)
    where
        I: IntoIterator<Item = Document>,
        I::IntoIter: Send,
    {
        self.add_events(documents.into_iter().map(InputEvent::Document), &mut |_| {});
    }

    /// Reads and adds every document under `paths` (see [`find_files`](crate::input::find_files) and [`DocumentStream`](crate::input::DocumentStream)), as the
    /// options' [`Options::input`] says.
    /// `on_progress` is called after each batch with the bytes read so far from the
    /// files as they are stored (compressed bytes for a compressed file, so that
    /// the sum of the files' sizes is the end; standard input is not counted).
    /// A missing path is an error and nothing is read; every other problem is recorded
    /// in the report and the run goes on.
    pub fn add_paths(
        &mut self,
        paths: &[PathBuf],
        on_progress: &mut dyn FnMut(u64),
    ) -> Result<(), InputError> {
        let input = self.analyzer.options().reading_input();
        let found = input::find_files_noting(paths, &input)?;
        let (files, problems) = (found.files, found.problems);
        self.counts.notices.extend(found.notices);
        let stream = DocumentStream::new(files, problems, input);
        let stored = stream.stored_bytes_read();
        self.add_events(stream, &mut |_| {
            on_progress(stored.load(std::sync::atomic::Ordering::Relaxed))
        });
        Ok(())
    }

    /// Three stages run at once: a reader thread decodes the next batch, the pool
    /// analyzes the current one, and this thread merges the previous one, in order.
    fn add_events(
        &mut self,
        events: impl Iterator<Item = InputEvent> + Send,
        on_progress: &mut dyn FnMut(u64),
    ) {
        let batch_bytes = self.analyzer.options().batch_bytes();
        let queued = if self.analyzer.options().memory_limit.is_some() {
            1
        } else {
            2
        };
        std::thread::scope(|scope| {
            let (sender, batches) = std::sync::mpsc::sync_channel::<Batch>(queued);
            let times = Arc::clone(self.analyzer.stage_times());
            let stop = self.stop.clone();
            scope.spawn(move || {
                let mut batch = Batch::default();
                let mut reading = Instant::now();
                for event in events {
                    if stop
                        .as_ref()
                        .is_some_and(|stop| stop.load(Ordering::Relaxed))
                    {
                        return;
                    }
                    match event {
                        InputEvent::Problem(problem) => batch.problems.push(problem),
                        InputEvent::Document(document) => {
                            batch.bytes += document.text.len();
                            batch.documents.push(document);
                            let full = batch.documents.len() >= BATCH_DOCUMENTS
                                || batch.bytes >= batch_bytes;
                            if full {
                                times.add(Stage::Read, reading.elapsed());
                                // A closed channel means the consumer is gone: stop reading.
                                if sender.send(std::mem::take(&mut batch)).is_err() {
                                    return;
                                }
                                reading = Instant::now();
                            }
                        }
                    }
                }
                times.add(Stage::Read, reading.elapsed());
                let _ = sender.send(batch);
            });
            let mut analyzed: Vec<DocumentStats> = Vec::new();
            let mut read = 0u64;
            for batch in batches {
                for problem in batch.problems {
                    self.counts.add_problem(problem);
                }
                let (analyzer, counts) = (&self.analyzer, &mut self.counts);
                let previous = std::mem::take(&mut analyzed);
                let ((), next) = rayon::join(
                    || {
                        analyzer
                            .stage_times()
                            .time(Stage::Merge, || counts.add_batch(previous))
                    },
                    || {
                        batch
                            .documents
                            .into_par_iter()
                            .map(|d| analyzer.analyze(d))
                            .collect::<Vec<_>>()
                    },
                );
                analyzed = next;
                crate::alloc::memory_freed();
                read += batch.bytes as u64;
                on_progress(read);
            }
            let (times, counts) = (self.analyzer.stage_times(), &mut self.counts);
            times.time(Stage::Merge, || counts.add_batch(analyzed));
        });
    }

    /// Documents added so far.
    pub fn documents(&self) -> usize {
        self.counts.documents.len()
    }

    /// Input problems recorded so far.
    pub fn problems(&self) -> &[input::Problem] {
        &self.counts.problems
    }

    /// The CPU time spent per stage so far; the handle stays valid after
    /// [`Corpus::finish`], which adds the tables' time.
    pub fn stage_times(&self) -> Arc<StageTimes> {
        Arc::clone(self.analyzer.stage_times())
    }

    /// The corpus totals, before any table is made: what a shard of a sharded run
    /// hands on to be appended to the others.
    pub fn into_counts(self) -> CorpusCounts {
        self.counts
    }

    /// Computes the tables and the summary.
    pub fn finish(self) -> Report {
        let times = self.stage_times();
        times.time(Stage::Tables, || Report::new(self.counts))
    }
}
