//! `corpstat._corpstat`: the extension module under the Python package
//! (`py_src/corpstat/`). It holds no statistics of its own: the command line runs
//! through [`corpstat::run_command_line`], and a report through
//! [`corpstat::bindings`], which parses its options with the command line's own
//! parser. What is here is the crossing: the GIL released while corpstat works,
//! Ctrl-C turned into `KeyboardInterrupt`, texts pulled from a Python iterator in
//! batches, and tables handed to Arrow through the C stream interface.

use std::collections::VecDeque;
use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{RecordBatch, RecordBatchIterator};
use arrow_schema::SchemaRef;
use corpstat::bindings::{CallError, ReportCall, ReportRun, TableCall};
use corpstat::input::TextRecord;
use pyo3::exceptions::{PyFileNotFoundError, PyKeyError, PyOSError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyIterator};

/// Texts fetched from the Python iterator at once, holding the GIL once.
const FETCH: usize = 512;

/// How often a waiting call looks for a signal (Ctrl-C), holding the GIL briefly.
const SIGNAL_POLL: Duration = Duration::from_millis(50);

/// Runs the `corpstat` command line on `argv` (the program's name first) and
/// returns its exit code; the GIL is released while it runs.
#[pyfunction]
fn run_command_line(py: Python<'_>, argv: Vec<OsString>) -> u8 {
    py.detach(|| corpstat::run_command_line(argv))
}

/// Every option of `corpstat SUBCOMMAND` that a call takes, as tuples (name,
/// takes a value, repeatable, delimiter or None).
#[pyfunction]
fn call_options(subcommand: &str) -> Vec<(String, bool, bool, Option<char>)> {
    corpstat::bindings::call_options(subcommand)
        .into_iter()
        .map(|o| (o.name, o.takes_value, o.repeatable, o.delimiter))
        .collect()
}

/// The options of the subcommands that a call does not take, as (name, what to
/// do instead) pairs.
#[pyfunction]
fn not_call_options() -> Vec<(&'static str, &'static str)> {
    corpstat::bindings::not_call_options().to_vec()
}

/// The Python exception for a failed call.
fn to_py(error: CallError) -> PyErr {
    match error {
        CallError::Usage(message) | CallError::Empty(message) => PyValueError::new_err(message),
        CallError::Missing(path) => {
            PyFileNotFoundError::new_err((2, "no such file or folder", path.display().to_string()))
        }
        CallError::Unreadable { path, message } => {
            PyOSError::new_err((None::<i32>, message, path.display().to_string()))
        }
        CallError::NotFound(message) => PyKeyError::new_err(message),
        CallError::Stopped => pyo3::exceptions::PyKeyboardInterrupt::new_err(()),
        CallError::Failed(message) => PyRuntimeError::new_err(message),
    }
}

/// Runs `work` on its own thread with the GIL released, looking for signals every
/// [`SIGNAL_POLL`]: on Ctrl-C (or any signal handler that raises), `stop` is set,
/// the work is waited for (it stops at its next document) and the handler's
/// exception is raised.
fn run_interruptibly<T: Send>(
    py: Python<'_>,
    stop: &AtomicBool,
    work: impl FnOnce() -> T + Send,
) -> PyResult<T> {
    std::thread::scope(|scope| {
        let handle = scope.spawn(work);
        loop {
            py.detach(|| {
                let waited = std::time::Instant::now();
                while !handle.is_finished() && waited.elapsed() < SIGNAL_POLL {
                    std::thread::sleep(Duration::from_millis(2));
                }
            });
            if handle.is_finished() {
                break;
            }
            if let Err(interrupt) = py.check_signals() {
                stop.store(true, Ordering::Relaxed);
                py.detach(|| {
                    while !handle.is_finished() {
                        std::thread::sleep(Duration::from_millis(2));
                    }
                });
                return Err(interrupt);
            }
        }
        match handle.join() {
            Ok(done) => Ok(done),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// Texts pulled from a Python iterator of `(text, id, group, date)` tuples, [`FETCH`]
/// at a time; an exception the iterator raises ends the texts and is kept for the
/// caller to raise.
struct PyRecords {
    iterator: Py<PyIterator>,
    fetched: VecDeque<TextRecord>,
    failed: FailedSlot,
    stop: Arc<AtomicBool>,
    done: bool,
}

impl PyRecords {
    fn fetch(&mut self) {
        Python::attach(|py| {
            let mut iterator = self.iterator.bind(py).clone();
            for _ in 0..FETCH {
                let item = match iterator.next() {
                    Some(item) => item,
                    None => {
                        self.done = true;
                        return;
                    }
                };
                let fields = item.and_then(|item| {
                    item.extract::<(
                        Option<String>,
                        Option<String>,
                        Option<String>,
                        Option<String>,
                    )>()
                });
                match fields {
                    Ok((text, id, group, date)) => self.fetched.push_back(TextRecord {
                        text,
                        id,
                        group,
                        date,
                    }),
                    Err(error) => {
                        if let Ok(mut failed) = self.failed.lock() {
                            failed.get_or_insert(error);
                        }
                        self.stop.store(true, Ordering::Relaxed);
                        self.done = true;
                        return;
                    }
                }
            }
        });
    }
}

impl Iterator for PyRecords {
    type Item = TextRecord;

    fn next(&mut self) -> Option<TextRecord> {
        if self.fetched.is_empty() && !self.done {
            self.fetch();
        }
        self.fetched.pop_front()
    }
}

/// A report, counted: its summary, its tables as Arrow, and the folder the
/// command would write.
#[pyclass(frozen, module = "corpstat._corpstat")]
struct Report {
    run: ReportRun,
}

/// Where an exception raised by the texts' iterator is kept for the caller.
type FailedSlot = Arc<Mutex<Option<PyErr>>>;

/// The texts of a call, pulled from `records` (an iterator of `(text, id, group)`
/// tuples), with the slot where an exception it raises is kept.
fn records_of(
    records: Option<Bound<'_, PyAny>>,
    stop: &Arc<AtomicBool>,
) -> PyResult<(Option<PyRecords>, FailedSlot)> {
    let failed = Arc::new(Mutex::new(None));
    let records = match records {
        Some(records) => Some(PyRecords {
            iterator: records.try_iter()?.unbind(),
            fetched: VecDeque::new(),
            failed: Arc::clone(&failed),
            stop: Arc::clone(stop),
            done: false,
        }),
        None => None,
    };
    Ok((records, failed))
}

/// Runs a call on its own thread (see [`run_interruptibly`]); an exception the
/// texts' iterator raised comes first, then the call's own error.
fn run_call<T: Send>(
    py: Python<'_>,
    records: Option<Bound<'_, PyAny>>,
    run: impl FnOnce(Option<PyRecords>, Arc<AtomicBool>) -> Result<T, CallError> + Send,
) -> PyResult<T> {
    let stop = Arc::new(AtomicBool::new(false));
    let (records, failed) = records_of(records, &stop)?;
    let stopped = Arc::clone(&stop);
    let result = run_interruptibly(py, &stop, move || run(records, stopped))?;
    if let Some(error) = failed.lock().ok().and_then(|mut failed| failed.take()) {
        return Err(error);
    }
    result.map_err(to_py)
}

/// Counts a corpus: `args` are the arguments of `corpstat report` (paths among
/// them, or none when `records` gives the texts as `(text, id, group)` tuples);
/// `word_lists` maps `stopwords` or `ignore` to words given in the call.
#[pyfunction]
#[pyo3(signature = (args, records=None, word_lists=None))]
fn report(
    py: Python<'_>,
    args: Vec<OsString>,
    records: Option<Bound<'_, PyAny>>,
    word_lists: Option<Vec<(String, Vec<String>)>>,
) -> PyResult<Report> {
    let mut call = ReportCall::parse(args).map_err(to_py)?;
    for (option, words) in word_lists.unwrap_or_default() {
        call.give_word_list(&option, &words).map_err(to_py)?;
    }
    let run = run_call(py, records, move |records, stop| call.run(records, stop))?;
    Ok(Report { run })
}

/// Runs `corpstat kwic` or `corpstat collocates` (`subcommand`) on `args`, as
/// [`report`] runs a report; returns its table and the input's problem lines.
#[pyfunction]
#[pyo3(signature = (subcommand, args, records=None, word_lists=None))]
fn table_call(
    py: Python<'_>,
    subcommand: &str,
    args: Vec<OsString>,
    records: Option<Bound<'_, PyAny>>,
    word_lists: Option<Vec<(String, Vec<String>)>>,
) -> PyResult<(ArrowTable, Vec<String>)> {
    let mut call = TableCall::parse(subcommand, args).map_err(to_py)?;
    for (option, words) in word_lists.unwrap_or_default() {
        call.give_word_list(&option, &words).map_err(to_py)?;
    }
    let run = run_call(py, records, move |records, stop| call.run(records, stop))?;
    Ok((
        ArrowTable {
            schema: run.schema,
            batches: run.batches,
        },
        run.problem_lines,
    ))
}

#[pymethods]
impl Report {
    /// summary.json, as the command writes it.
    fn summary_json(&self) -> String {
        self.run.summary_json()
    }

    /// The names of the report's tables (`terms`, `ngrams`, ...).
    fn table_names(&self) -> Vec<&'static str> {
        self.run.table_names()
    }

    /// The lines the command prints on stderr for the input's notices and problems.
    fn problem_lines(&self) -> Vec<String> {
        self.run.problem_lines()
    }

    /// The table `name` as an object with `__arrow_c_stream__`.
    fn table(&self, py: Python<'_>, name: &str) -> PyResult<ArrowTable> {
        let made = py.detach(|| self.run.table(name));
        match made {
            Some(Ok((schema, batches))) => Ok(ArrowTable { schema, batches }),
            Some(Err(error)) => Err(to_py(error)),
            None => Err(PyKeyError::new_err(format!(
                "no table {name:?} in this report (it has: {})",
                self.run.table_names().join(", ")
            ))),
        }
    }

    /// Writes the report folder `folder`, as `corpstat report -o FOLDER` does.
    fn write(&self, py: Python<'_>, folder: PathBuf) -> PyResult<()> {
        py.detach(|| self.run.write(&folder)).map_err(to_py)
    }
}

/// A table held as Arrow record batches, handed over through the Arrow PyCapsule
/// interface (`__arrow_c_stream__`), which pyarrow, polars and DuckDB take
/// without a copy.
#[pyclass(frozen, module = "corpstat._corpstat")]
struct ArrowTable {
    schema: SchemaRef,
    batches: Vec<RecordBatch>,
}

#[pymethods]
impl ArrowTable {
    /// An `ArrowArrayStream` of the table's batches, in a capsule named
    /// `arrow_array_stream`. A requested schema is not applied: the table's own
    /// types are the ones `report --parquet` writes.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let batches: Vec<Result<RecordBatch, arrow_schema::ArrowError>> =
            self.batches.iter().cloned().map(Ok).collect();
        let reader = RecordBatchIterator::new(batches, Arc::clone(&self.schema));
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }

    /// The number of rows.
    fn __len__(&self) -> usize {
        self.batches.iter().map(RecordBatch::num_rows).sum()
    }
}

/// The language of each text, as `corpstat detect --format tsv` gives it for a
/// line: a table of `language` (ISO 639-3 or `und`), `script` and `confidence`,
/// one row per text, judged in parallel with the GIL released.
#[pyfunction]
#[pyo3(signature = (texts, langs=None))]
fn detect(py: Python<'_>, texts: Vec<String>, langs: Option<Vec<String>>) -> PyResult<ArrowTable> {
    use arrow_array::{ArrayRef, Float64Array, StringArray};
    use arrow_schema::{DataType, Field, Schema};
    use rayon::prelude::*;

    let detector = match langs {
        Some(langs) => corpstat::LanguageDetector::with_languages(&langs)
            .map_err(|e| PyValueError::new_err(format!("langs=: {e}")))?,
        None => corpstat::LanguageDetector::new(),
    };
    let found: Vec<corpstat::language::Detection> =
        py.detach(|| texts.par_iter().map(|text| detector.detect(text)).collect());
    let schema = Arc::new(Schema::new(vec![
        Field::new("language", DataType::Utf8, false),
        Field::new("script", DataType::Utf8, false),
        Field::new("confidence", DataType::Float64, false),
    ]));
    let columns: Vec<ArrayRef> = vec![
        Arc::new(StringArray::from_iter_values(
            found.iter().map(|d| d.language.to_string()),
        )),
        Arc::new(StringArray::from_iter_values(
            found.iter().map(|d| d.script.to_string()),
        )),
        Arc::new(Float64Array::from_iter_values(
            found.iter().map(|d| d.confidence),
        )),
    ];
    let batch = RecordBatch::try_new(Arc::clone(&schema), columns)
        .map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
    Ok(ArrowTable {
        schema,
        batches: vec![batch],
    })
}

/// The tokens of `text` as corpstat's tokenizer splits it under `rules` (`smart`,
/// `plain` or `characters`, as `--tokens` takes them), as written: the report
/// normalizes the text first and folds each token to its term.
#[pyfunction]
#[pyo3(signature = (text, rules="smart"))]
fn tokens(text: &str, rules: &str) -> PyResult<Vec<String>> {
    use corpstat::tokenize::{tokenize_with, TokenRules};
    let rules = TokenRules::from_name(rules).ok_or_else(|| {
        PyValueError::new_err(format!(
            "invalid value '{rules}' for rules=: one of smart, plain, characters"
        ))
    })?;
    Ok(tokenize_with(text, rules)
        .tokens
        .iter()
        .map(|t| t.text.to_string())
        .collect())
}

/// The extension module.
#[pymodule]
fn _corpstat(module: &Bound<'_, PyModule>) -> PyResult<()> {
    corpstat::bindings::manage_memory_as_the_program();
    module.add_function(wrap_pyfunction!(run_command_line, module)?)?;
    module.add_function(wrap_pyfunction!(call_options, module)?)?;
    module.add_function(wrap_pyfunction!(not_call_options, module)?)?;
    module.add_function(wrap_pyfunction!(report, module)?)?;
    module.add_function(wrap_pyfunction!(table_call, module)?)?;
    module.add_function(wrap_pyfunction!(detect, module)?)?;
    module.add_function(wrap_pyfunction!(tokens, module)?)?;
    module.add_class::<Report>()?;
    module.add_class::<ArrowTable>()?;
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
