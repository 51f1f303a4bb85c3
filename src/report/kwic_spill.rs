//! The lines of `report --kwic`, kept on disk: a query of a frequent word has a
//! line per occurrence (30 million in 256 MB of one word), more than memory
//! should hold. Each document's lines go, query by query, to an anonymous
//! temporary file (removed by the system when it is closed, so nothing is left
//! behind) in runs of at most [`RUN_LINES`]; an index of the runs, sorted by query,
//! document and run, gives `concordance.csv`'s order, and row `i` is read back by
//! decoding its run (kept per thread, so consecutive rows decode each run once).

use std::cell::RefCell;
use std::fs::File;
use std::io;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// Tells spills apart in the per-thread cache of decoded runs.
static SPILLS: AtomicU64 = AtomicU64::new(0);

use crate::concordance::ConcordanceLine;

/// Lines in one run at most: row `i` costs the decoding of at most this many.
pub(crate) const RUN_LINES: usize = 256;

/// One run: lines of one query in one document, in text order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    query: u32,
    /// The document's place in the report's order.
    place: u32,
    /// Which run of this query in this document.
    chunk: u32,
    offset: u64,
    bytes: u32,
    lines: u32,
}

/// Every `--kwic` line of a report, on disk.
#[derive(Debug)]
pub(crate) struct KwicSpill {
    /// Unique in the process.
    id: u64,
    file: File,
    /// The runs, sorted by (query, place, chunk) once [`KwicSpill::seal`]ed.
    runs: Vec<Run>,
    /// For each run, the lines of the runs before it.
    starts: Vec<u64>,
    /// The end of the file, while writing.
    written: Mutex<(u64, Vec<Run>)>,
    /// Lines per query.
    counts: Vec<u64>,
}

impl KwicSpill {
    /// An empty spill for `queries` queries, in a temporary file.
    pub(crate) fn new(queries: usize) -> io::Result<Self> {
        Ok(KwicSpill {
            id: SPILLS.fetch_add(1, Ordering::Relaxed),
            file: tempfile::tempfile()?,
            runs: Vec::new(),
            starts: Vec::new(),
            written: Mutex::new((0, Vec::new())),
            counts: vec![0; queries],
        })
    }

    /// A writer of the lines of the document at `place` (one writer a document,
    /// fed its lines in text order).
    pub(crate) fn writer(&self, place: u32) -> DocumentWriter<'_> {
        DocumentWriter {
            spill: self,
            place,
            runs: Vec::new(),
        }
    }

    fn append(&self, run: &mut Run, bytes: &[u8]) -> io::Result<()> {
        use std::os::unix::fs::FileExt;
        let mut written = self.written.lock().unwrap_or_else(|e| e.into_inner());
        run.offset = written.0;
        run.bytes = u32::try_from(bytes.len()).map_err(io::Error::other)?;
        self.file.write_all_at(bytes, written.0)?;
        written.0 += bytes.len() as u64;
        written.1.push(*run);
        Ok(())
    }

    /// Sorts the runs into `concordance.csv`'s order, once every line is written.
    pub(crate) fn seal(&mut self) {
        let mut runs =
            std::mem::take(&mut self.written.get_mut().unwrap_or_else(|e| e.into_inner()).1);
        runs.sort_unstable_by_key(|r| (r.query, r.place, r.chunk));
        let mut total = 0u64;
        self.starts = runs
            .iter()
            .map(|r| {
                let start = total;
                total += u64::from(r.lines);
                start
            })
            .collect();
        for r in &runs {
            self.counts[r.query as usize] += u64::from(r.lines);
        }
        self.runs = runs;
    }

    /// Lines of each query.
    pub(crate) fn counts(&self) -> &[u64] {
        &self.counts
    }

    /// Every line.
    pub(crate) fn len(&self) -> usize {
        self.counts.iter().sum::<u64>() as usize
    }

    /// Line `i` in `concordance.csv`'s order: its query and line.
    pub(crate) fn line(&self, i: usize) -> io::Result<(usize, ConcordanceLine)> {
        let run = self.starts.partition_point(|&s| s <= i as u64) - 1;
        let within = i - self.starts[run] as usize;
        thread_local! {
            static DECODED: RefCell<Option<(u64, usize, Vec<ConcordanceLine>)>> = const { RefCell::new(None) };
        }
        let me = self.id;
        DECODED.with(|cache| {
            let mut cache = cache.borrow_mut();
            let fresh = !matches!(&*cache, Some((owner, at, _)) if *owner == me && *at == run);
            if fresh {
                *cache = Some((me, run, self.decode(&self.runs[run])?));
            }
            let Some((_, _, lines)) = &*cache else {
                return Err(io::Error::other("no decoded run"));
            };
            Ok((self.runs[run].query as usize, lines[within].clone()))
        })
    }

    fn decode(&self, run: &Run) -> io::Result<Vec<ConcordanceLine>> {
        use std::os::unix::fs::FileExt;
        let mut bytes = vec![0u8; run.bytes as usize];
        self.file.read_exact_at(&mut bytes, run.offset)?;
        // The numbers first, five a line (sentence, then the lengths of document,
        // left, match and right), then the text of every line.
        let lines_in = run.lines as usize;
        let numbers: Vec<u32> = bytes
            .get(..lines_in * 20)
            .ok_or_else(|| io::Error::other("a truncated run"))?
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        let mut lines = Vec::with_capacity(lines_in);
        let mut text_at = lines_in * 20;
        for record in numbers.chunks_exact(5) {
            let mut take = |len: u32| -> io::Result<String> {
                let len = len as usize;
                let text = bytes
                    .get(text_at..text_at + len)
                    .ok_or_else(|| io::Error::other("a truncated run"))?;
                text_at += len;
                String::from_utf8(text.to_vec()).map_err(io::Error::other)
            };
            lines.push(ConcordanceLine {
                query: run.query as usize,
                document: take(record[1])?,
                sentence: record[0] as usize,
                left: take(record[2])?,
                matched: take(record[3])?,
                right: take(record[4])?,
                left_keys: Vec::new(),
                right_keys: Vec::new(),
            });
        }
        Ok(lines)
    }
}

impl PartialEq for KwicSpill {
    /// The same lines in the same order (where each run lies in its file does not
    /// matter).
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len()
            && (0..self.len()).all(|i| match (self.line(i), other.line(i)) {
                (Ok(a), Ok(b)) => a == b,
                _ => false,
            })
    }
}

/// The lines of one document on their way to a [`KwicSpill`].
pub(crate) struct DocumentWriter<'a> {
    spill: &'a KwicSpill,
    place: u32,
    /// For each query, its run in the making.
    runs: Vec<RunBuffer>,
}

/// One query's run in the making: the numbers of its lines and their text apart
/// (a run is the numbers, then the text), how many lines, and how many runs of
/// the query this document has written.
#[derive(Default)]
struct RunBuffer {
    numbers: Vec<u8>,
    text: Vec<u8>,
    lines: u32,
    written: u32,
}

impl DocumentWriter<'_> {
    /// Adds a line; a query's run is written when it holds [`RUN_LINES`] lines.
    pub(crate) fn push(&mut self, line: &ConcordanceLine) -> io::Result<()> {
        if self.runs.len() <= line.query {
            self.runs.resize_with(line.query + 1, RunBuffer::default);
        }
        let run = &mut self.runs[line.query];
        run.numbers
            .extend_from_slice(&(line.sentence as u32).to_le_bytes());
        for part in [&line.document, &line.left, &line.matched, &line.right] {
            run.numbers
                .extend_from_slice(&(part.len() as u32).to_le_bytes());
            run.text.extend_from_slice(part.as_bytes());
        }
        run.lines += 1;
        if run.lines as usize == RUN_LINES {
            self.flush(line.query)?;
        }
        Ok(())
    }

    fn flush(&mut self, query: usize) -> io::Result<()> {
        let buffer = &mut self.runs[query];
        if buffer.lines == 0 {
            return Ok(());
        }
        let mut run = Run {
            query: query as u32,
            place: self.place,
            chunk: buffer.written,
            offset: 0,
            bytes: 0,
            lines: buffer.lines,
        };
        let mut bytes = std::mem::take(&mut buffer.numbers);
        bytes.extend_from_slice(&buffer.text);
        buffer.text.clear();
        self.spill.append(&mut run, &bytes)?;
        buffer.lines = 0;
        buffer.written += 1;
        Ok(())
    }

    /// Writes what is left of each query's run.
    pub(crate) fn finish(mut self) -> io::Result<()> {
        for query in 0..self.runs.len() {
            self.flush(query)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(query: usize, document: &str, sentence: usize) -> ConcordanceLine {
        ConcordanceLine {
            query,
            document: document.to_string(),
            sentence,
            left: format!("قبل {sentence}"),
            matched: "كتاب".to_string(),
            right: String::new(),
            left_keys: Vec::new(),
            right_keys: Vec::new(),
        }
    }

    /// Lines come back by query, then document place, then text order, across runs
    /// of [`RUN_LINES`] and whatever order the documents were written in.
    #[test]
    fn lines_come_back_in_the_report_order() {
        let mut spill = KwicSpill::new(2).unwrap();
        let mut later = spill.writer(1);
        for sentence in 0..(RUN_LINES * 2 + 10) {
            later.push(&line(0, "b", sentence)).unwrap();
            if sentence % 200 == 0 {
                later.push(&line(1, "b", sentence)).unwrap();
            }
        }
        later.finish().unwrap();
        let mut first = spill.writer(0);
        first.push(&line(0, "a", 7)).unwrap();
        first.finish().unwrap();
        spill.seal();
        assert_eq!(spill.counts(), [RUN_LINES as u64 * 2 + 11, 3]);
        let all: Vec<(usize, ConcordanceLine)> =
            (0..spill.len()).map(|i| spill.line(i).unwrap()).collect();
        assert_eq!(all[0], (0, line(0, "a", 7)));
        for (i, sentence) in (0..(RUN_LINES * 2 + 10)).enumerate() {
            assert_eq!(all[1 + i], (0, line(0, "b", sentence)));
        }
        let tail: Vec<usize> = all[all.len() - 3..].iter().map(|l| l.1.sentence).collect();
        assert_eq!(tail, [0, 200, 400]);
        assert!(all[all.len() - 3..].iter().all(|l| l.0 == 1));
        // Read again out of order: each line is the same.
        assert_eq!(spill.line(5).unwrap(), all[5]);
        assert_eq!(spill.line(0).unwrap(), all[0]);
    }
}
