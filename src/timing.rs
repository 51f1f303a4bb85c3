//! Where the time goes, per pipeline stage.
//!
//! Each stage adds the time it took to a shared counter; `--timings` prints them.
//! Read, normalize, tokenize, count and language mix run on several threads at
//! once and add their CPU time, summed over threads; merge, tables, charts and
//! write add the elapsed time of each of their steps (which may use both cores).
//! The clock is read a few times per document, not per token, so keeping the
//! account costs nothing measurable. [`CoreUse`] samples the process's CPU time
//! besides, to tell how much of the wall time ran on one thread.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// The stages, in pipeline order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Stage {
    /// Reading, decompressing and decoding input (on the reader thread).
    Read,
    /// The surface normalization steps.
    Normalize,
    /// Words and sentences.
    Tokenize,
    /// Folding, term ids, n-grams, co-occurring pairs, MTLD.
    Count,
    /// The language of every sentence.
    LanguageMix,
    /// Adding each document's statistics to the corpus totals.
    Merge,
    /// Sorting the tables, association measures, fits.
    Tables,
    /// Reading the documents that hold the concordance's words a second time.
    Concordance,
    /// Charts and index.html.
    Charts,
    /// Writing the files.
    Write,
}

impl Stage {
    /// Every stage, in pipeline order.
    pub const ALL: [Stage; 10] = [
        Stage::Read,
        Stage::Normalize,
        Stage::Tokenize,
        Stage::Count,
        Stage::LanguageMix,
        Stage::Merge,
        Stage::Tables,
        Stage::Concordance,
        Stage::Charts,
        Stage::Write,
    ];

    /// The stage's name, as `--timings` prints it.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Read => "read",
            Stage::Normalize => "normalize",
            Stage::Tokenize => "tokenize",
            Stage::Count => "count",
            Stage::LanguageMix => "language mix",
            Stage::Merge => "merge",
            Stage::Tables => "tables",
            Stage::Concordance => "concordance",
            Stage::Charts => "charts",
            Stage::Write => "write",
        }
    }
}

/// Nanoseconds spent per stage, added from any thread.
#[derive(Debug, Default)]
pub struct StageTimes {
    nanos: [AtomicU64; Stage::ALL.len()],
}

impl StageTimes {
    /// Adds `elapsed` to `stage`.
    pub fn add(&self, stage: Stage, elapsed: Duration) {
        let nanos = u64::try_from(elapsed.as_nanos()).unwrap_or(u64::MAX);
        self.nanos[stage as usize].fetch_add(nanos, Ordering::Relaxed);
    }

    /// Runs `f`, adding its time to `stage`.
    pub fn time<T>(&self, stage: Stage, f: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let out = f();
        self.add(stage, started.elapsed());
        out
    }

    /// The time spent in `stage`.
    pub fn get(&self, stage: Stage) -> Duration {
        Duration::from_nanos(self.nanos[stage as usize].load(Ordering::Relaxed))
    }

    /// The time spent in all stages.
    pub fn total(&self) -> Duration {
        Stage::ALL.iter().map(|&s| self.get(s)).sum()
    }

    /// One line per stage: seconds and share of the total, then the total.
    pub fn lines(&self) -> Vec<String> {
        let total = self.total().as_secs_f64();
        let mut lines: Vec<String> = Stage::ALL
            .iter()
            .map(|&stage| {
                let seconds = self.get(stage).as_secs_f64();
                let share = if total > 0.0 { seconds / total } else { 0.0 };
                format!(
                    "{:<13}{seconds:>8.3} s {:>6.1}%",
                    stage.name(),
                    100.0 * share
                )
            })
            .collect();
        lines.push(format!(
            "{:<13}{total:>8.3} s (summed over threads to language mix, elapsed from merge on)",
            "total"
        ));
        lines
    }
}

/// How often [`CoreUse`] reads the process's CPU time.
const SAMPLE_EVERY: Duration = Duration::from_millis(20);

/// Below this many cores busy, on average over a sample, the process counts as
/// running on one thread: one busy core, plus room for the reader thread and the
/// sampler's own noise.
pub const ONE_THREAD_BELOW: f64 = 1.5;

/// The sampling thread, which returns its `(wall, cpu)` samples in seconds.
type Sampler = std::thread::JoinHandle<Vec<(f64, f64)>>;

/// How many cores the process keeps busy while it runs, sampled every 20 ms from
/// its CPU time (for `--timings`): the wall time spent with fewer than
/// [`ONE_THREAD_BELOW`] cores busy is the time the pipeline ran on one thread,
/// the serial share that bounds the speed-up more cores can give (Amdahl).
#[derive(Debug)]
pub struct CoreUse {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    sampler: std::sync::Mutex<Option<Sampler>>,
}

impl CoreUse {
    /// Starts sampling; `None` where the process's CPU time cannot be read.
    pub fn start() -> Option<CoreUse> {
        process_cpu_time()?;
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stopped = std::sync::Arc::clone(&stop);
        let sampler = std::thread::spawn(move || {
            let mut samples = Vec::new();
            let (mut wall, mut cpu) = (Instant::now(), process_cpu_time().unwrap_or_default());
            while !stopped.load(Ordering::Relaxed) {
                std::thread::sleep(SAMPLE_EVERY);
                let (now, used) = (Instant::now(), process_cpu_time().unwrap_or_default());
                samples.push((
                    (now - wall).as_secs_f64(),
                    used.saturating_sub(cpu).as_secs_f64(),
                ));
                (wall, cpu) = (now, used);
            }
            samples
        });
        Some(CoreUse {
            stop,
            sampler: std::sync::Mutex::new(Some(sampler)),
        })
    }

    /// Stops sampling: the wall time sampled, and the part of it spent on one
    /// thread (`None` after the first call).
    pub fn finish(&self) -> Option<(f64, f64)> {
        self.stop.store(true, Ordering::Relaxed);
        let sampler = self.sampler.lock().ok()?.take()?;
        let samples = sampler.join().ok()?;
        let wall = samples.iter().map(|s| s.0).sum();
        Some((wall, one_thread_time(&samples, ONE_THREAD_BELOW)))
    }
}

/// The wall time of the `(wall, cpu)` samples in which fewer than `below` cores
/// were busy on average.
pub fn one_thread_time(samples: &[(f64, f64)], below: f64) -> f64 {
    samples
        .iter()
        .filter(|(wall, cpu)| *wall > 0.0 && cpu / wall < below)
        .map(|s| s.0)
        .sum()
}

/// The CPU time of the whole process, every thread's, so far.
fn process_cpu_time() -> Option<Duration> {
    #[cfg(unix)]
    {
        let mut time = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: clock_gettime writes one timespec, which `time` is.
        let ok = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut time) } == 0;
        ok.then(|| Duration::new(time.tv_sec as u64, time.tv_nsec as u32))
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// This process's peak resident memory so far, in bytes (`VmHWM` on Linux;
/// `None` where it cannot be read).
pub fn peak_rss_bytes() -> Option<u64> {
    memory_line("VmHWM:")
}

fn memory_line(key: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Samples with fewer than 1.5 cores busy count as one thread's time.
    #[test]
    fn one_thread_time_of_samples() {
        let samples = [
            (0.02, 0.04),
            (0.02, 0.02),
            (0.02, 0.029),
            (0.02, 0.031),
            (0.0, 0.0),
        ];
        let one = one_thread_time(&samples, ONE_THREAD_BELOW);
        assert!((one - 0.04).abs() < 1e-12, "{one}");
    }

    #[test]
    fn times_add_up_per_stage() {
        let times = StageTimes::default();
        times.add(Stage::Merge, Duration::from_millis(30));
        times.add(Stage::Merge, Duration::from_millis(20));
        times.add(Stage::Read, Duration::from_millis(50));
        assert_eq!(times.get(Stage::Merge), Duration::from_millis(50));
        assert_eq!(times.total(), Duration::from_millis(100));
        let lines = times.lines();
        assert_eq!(lines.len(), Stage::ALL.len() + 1);
        assert!(
            lines[0].starts_with("read") && lines[0].ends_with("50.0%"),
            "{}",
            lines[0]
        );
        assert!(lines[5].starts_with("merge") && lines[5].ends_with("50.0%"));
    }
}
