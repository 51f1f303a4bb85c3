"""corpstat: multilingual corpus statistics, Arabic and Persian first.

The same counting as the ``corpstat`` command (which this package also puts on the
PATH), called from Python::

    import corpstat
    report = corpstat.report(texts=df["text"], ids=df["id"])
    report.summary["tokens"]
    report.table("terms").to_pandas()
    report.write("out")          # the folder `corpstat report -o out` writes

Every option of ``corpstat report`` is a keyword argument of :func:`report` with
the same name (``cooc_scope="sentence"`` for ``--cooc-scope sentence``), parsed
and checked by the command line's own parser. The work runs in Rust with the GIL
released; Ctrl-C stops it with ``KeyboardInterrupt``.
"""

from __future__ import annotations

import json
import math
import os
import pathlib
import warnings
from typing import Any, Iterable, Iterator, Optional, Sequence, Union

from . import _corpstat

__version__: str = _corpstat.__version__

__all__ = ["report", "detect", "tokens", "kwic", "collocates", "Report", "InputProblemWarning",
           "__version__"]

PathArg = Union[str, "os.PathLike[str]"]

#: Options whose value is a range of n (``ngrams=(1, 3)`` or ``ngrams=2``).
_RANGES = {"ngrams"}
#: Options whose value is a file of words: a path, or the words themselves.
_WORD_LISTS = {"stopwords", "ignore"}


class InputProblemWarning(UserWarning):
    """Input that was skipped or only partly read (the text the command prints on
    stderr); the report was made from the rest."""


def _options(subcommand: str) -> dict:
    return {name: (takes, repeatable, delimiter)
            for name, takes, repeatable, delimiter in _corpstat.call_options(subcommand)}


def _text_of(name: str, value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, str)):
        return str(value)
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    raise TypeError(f"{name}= takes a string or a number, not {type(value).__name__}")


def _argv(subcommand: str, options: dict) -> tuple:
    """The command line's arguments for ``options`` of ``corpstat SUBCOMMAND``, and
    the word lists given as words (``stopwords=[...]``) as (option, words) pairs."""
    known = _options(subcommand)
    argv = []
    word_lists = []
    for name, value in options.items():
        instead = dict(_corpstat.not_call_options()).get(name)
        if instead is not None:
            raise TypeError(f"{subcommand}() does not take {name}=: {instead}")
        if name not in known:
            raise TypeError(f"{subcommand}() got an unexpected keyword argument {name!r}"
                            f" (it takes the options of `corpstat {subcommand}`, with _ for -)")
        takes, repeatable, delimiter = known[name]
        flag = "--" + name.replace("_", "-")
        if not takes:
            if not isinstance(value, bool):
                raise TypeError(f"{name}= takes True or False, not {value!r}")
            if value:
                argv.append(flag)
            continue
        if value is None:
            continue
        if name in _RANGES and isinstance(value, (tuple, list)):
            if len(value) != 2:
                raise ValueError(f"{name}= takes (MIN, MAX) or one number, not {value!r}")
            value = f"{_text_of(name, value[0])}..{_text_of(name, value[1])}"
        elif name in _WORD_LISTS and isinstance(value, (list, tuple, set, frozenset)):
            words = sorted(value) if isinstance(value, (set, frozenset)) else list(value)
            word_lists.append((name, [_text_of(name, w) for w in words]))
            continue
        if isinstance(value, (list, tuple)):
            texts = [_text_of(name, v) for v in value]
            if repeatable:
                for text in texts:
                    argv += [flag, text]
            elif delimiter is not None:
                argv += [flag, delimiter.join(texts)]
            else:
                raise TypeError(f"{name}= takes one value, not a list")
        else:
            argv += [flag, _text_of(name, value)]
    return argv, word_lists


def _column(values: Any, what: str) -> Optional[Iterator[Any]]:
    """The values of a list, a pandas or polars Series or a pyarrow array, in order."""
    if values is None:
        return None
    if isinstance(values, (str, bytes)):
        raise TypeError(f"{what}= takes a list of strings, a pandas or polars Series"
                        " or a pyarrow array, not one string")
    chunks = getattr(values, "chunks", None)
    if chunks is not None and hasattr(values, "to_pylist"):
        # A pyarrow ChunkedArray: converted one chunk at a time.
        return (v for chunk in chunks for v in chunk.to_pylist())
    if hasattr(values, "to_pylist") and hasattr(values, "type"):
        return iter(values.to_pylist())
    return iter(values)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _date_text(value: Any) -> Optional[str]:
    """A date as ``--time-field`` reads it: a string as it is, a ``date``,
    ``datetime`` or pandas ``Timestamp`` in ISO 8601, a numpy ``datetime64`` as
    numpy writes it; None for a missing one (None, NaN, NaT)."""
    if _missing(value) or value != value:  # NaT is not equal to itself
        return None
    if isinstance(value, str):
        return value
    isoformat = getattr(value, "isoformat", None)
    return isoformat() if callable(isoformat) else str(value)


def _records(texts: Any, ids: Any, groups: Any, dates: Any = None) -> Iterator[tuple]:
    """(text, id, group, date) for each text, checked as they are read."""
    given = (("texts", texts), ("ids", ids), ("groups", groups), ("dates", dates))
    sizes = {what: len(v) for what, v in given if v is not None and hasattr(v, "__len__")}
    if len(set(sizes.values())) > 1:
        raise ValueError(f"texts, ids, groups and dates must be as long: {sizes}")
    columns = [_column(v, what) for what, v in given]
    done = object()
    index = 0
    while True:
        row = [next(c, done) if c is not None else None for c in columns]
        if row[0] is done:
            if any(v is not done and c is not None for v, c in zip(row[1:], columns[1:])):
                raise ValueError("ids, groups and dates must be as long as texts")
            return
        if any(v is done for v in row[1:]):
            raise ValueError("ids, groups and dates must be as long as texts")
        text, id_, group, date = row
        if _missing(text):
            text = None
        elif not isinstance(text, str):
            raise TypeError(f"texts[{index}] is {type(text).__name__}, not a string")
        id_ = None if _missing(id_) else str(id_)
        group = None if _missing(group) else str(group)
        yield (text, id_, group, _date_text(date))
        index += 1


class Report:
    """A counted corpus: :attr:`summary`, :meth:`table` for each table (as
    ``pyarrow.Table``), :meth:`write` for the report folder."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    @property
    def summary(self) -> dict:
        """``summary.json`` as a dict."""
        return json.loads(self._inner.summary_json())

    def tables(self) -> list:
        """The names of the report's tables: those of its CSV files, without ``.csv``."""
        return list(self._inner.table_names())

    def table(self, name: str):
        """The table ``name`` (``"terms"``, ``"ngrams"``, ...; ``"terms.csv"`` too) as a
        ``pyarrow.Table`` with the column types of ``report --parquet``, handed over
        through the Arrow C stream interface."""
        import pyarrow

        if name.endswith(".csv"):
            name = name[: -len(".csv")]
        return pyarrow.table(self._inner.table(name))

    def write(self, folder: PathArg) -> pathlib.Path:
        """Writes the report folder, byte for byte as ``corpstat report -o FOLDER``
        writes it with the same options; returns its path."""
        self._inner.write(os.fspath(folder))
        return pathlib.Path(folder)

    def __repr__(self) -> str:
        s = self.summary
        return (f"<corpstat.Report: {s.get('documents')} documents, {s.get('tokens')} tokens,"
                f" {s.get('types')} types; tables: {', '.join(self.tables())}>")


def report(paths: Union[PathArg, Sequence[PathArg], None] = None, *,
           texts: Any = None, ids: Any = None, groups: Any = None, dates: Any = None,
           **options: Any) -> Report:
    """Counts a corpus and makes its report.

    ``paths``: files or folders, read as ``corpstat report PATHS`` reads them. Or
    ``texts``: documents in memory (a list of strings, a pandas or polars Series, a
    pyarrow string array), read as the lines of a JSONL file of them would be, with
    ``ids`` (default ``texts:N``) and ``groups`` aligned with them (groups make
    ``group_by="field:group"``), and ``dates`` (strings as ``--time-field`` reads
    them, or ``datetime.date``, ``datetime.datetime``, pandas ``Timestamp``, numpy
    ``datetime64``; dates make ``time_field="field:date"``, for the trends). A
    missing text (None, NaN) is an input problem; a missing date (None, NaN, NaT) a
    ``no_date`` one.

    ``options``: every option of ``corpstat report`` by its name with ``_`` for
    ``-``: ``ngrams=(1, 3)``, ``cooc_scope="sentence"``, ``group_by="lang"``,
    ``threads=2``, ``memory_limit="500M"``, ``stopwords=[...]`` or a path; a switch
    takes True or False. A wrong name raises ``TypeError``, a wrong value
    ``ValueError``, with the command line's message.

    Input problems are warned of (:class:`InputProblemWarning`); a path that does not
    exist raises ``FileNotFoundError``, input of which no document could be read
    ``OSError`` (with the first file's path), a corpus without documents
    ``ValueError``.
    """
    argv, records, word_lists = _call("report", paths, texts, ids, groups, options,
                                      dates=dates)
    try:
        inner = _corpstat.report(argv, records, word_lists)
    except ValueError as error:
        raise ValueError(_named_as_keywords(str(error))) from None
    made = Report(inner)
    _warn(inner.problem_lines())
    return made


def _call(subcommand: str, paths: Any, texts: Any, ids: Any, groups: Any, options: dict,
          first: Sequence[str] = (), dates: Any = None) -> tuple:
    """The arguments of a call of ``corpstat SUBCOMMAND``, its texts as (text, id,
    group) records (None when it reads paths) and its word lists given as words.
    ``first`` are the positional arguments before the paths (the query of kwic)."""
    if (paths is None) == (texts is None):
        raise ValueError("give paths or texts (one of them)")
    if texts is None and (ids is not None or groups is not None or dates is not None):
        raise ValueError("ids, groups and dates go with texts")
    if dates is not None:
        field = options.get("time_field")
        if field is None:
            options["time_field"] = "field:date"
        elif field != "field:date":
            raise ValueError(f"dates= gives each text's date, so time_field must be"
                             f" 'field:date' or left out, not {field!r}")
    if groups is not None:
        rule = options.get("group_by")
        if rule is None:
            options["group_by"] = "field:group"
        elif not (isinstance(rule, str) and rule.startswith("field:")):
            raise ValueError(f"groups= gives each text's group, so group_by must be"
                             f" 'field:NAME' or left out, not {rule!r}")
    argv, word_lists = _argv(subcommand, options)
    argv += ["--", *first]
    records = None
    if paths is not None:
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        argv += [os.fspath(p) for p in paths]
    else:
        records = _records(texts, ids, groups, dates)
    return argv, records, word_lists


def _warn(lines: Iterable[str]) -> None:
    for line in lines:
        warnings.warn(line, InputProblemWarning, stacklevel=3)


def _table_call(subcommand: str, first: str, paths: Any, texts: Any, ids: Any, groups: Any,
                options: dict):
    import pyarrow

    if not isinstance(first, str):
        raise TypeError(f"{subcommand}() takes the word or query as a string, not {type(first).__name__}")
    argv, records, word_lists = _call(subcommand, paths, texts, ids, groups, options, [first])
    try:
        table, problems = _corpstat.table_call(subcommand, argv, records, word_lists)
    except ValueError as error:
        raise ValueError(_named_as_keywords(str(error))) from None
    _warn(problems)
    return pyarrow.table(table)


def kwic(query: str, paths: Union[PathArg, Sequence[PathArg], None] = None, *,
         texts: Any = None, ids: Any = None, groups: Any = None, **options: Any):
    """Every occurrence of ``query`` (a word or phrase) with the words around it, as
    ``corpstat kwic QUERY PATHS --format csv`` prints it: a ``pyarrow.Table`` of
    ``document``, ``sentence``, ``left``, ``match`` and ``right``. Documents and
    errors as :func:`report` takes them; options are those of ``corpstat kwic``
    (``context=5``, ``exact=True``, ``regex=True``, ``sort=["left1", "right1"]``,
    ``top=100``, and the corpus options)."""
    return _table_call("kwic", query, paths, texts, ids, groups, options)


def collocates(word: str, paths: Union[PathArg, Sequence[PathArg], None] = None, *,
               texts: Any = None, ids: Any = None, groups: Any = None, **options: Any):
    """The collocates of ``word`` with their association measures, as ``corpstat
    collocates WORD PATHS --format csv`` prints them: a ``pyarrow.Table``. Options
    are those of ``corpstat collocates`` (``by="pmi"``, ``top=20``,
    ``cooc_scope="sentence"``, ...). A word not in the corpus raises ``KeyError``."""
    return _table_call("collocates", word, paths, texts, ids, groups, options)


def _named_as_keywords(message: str) -> str:
    """The command line's message with its options named as keywords
    (``'--cooc-scope <SCOPE>'`` as ``cooc_scope=``)."""
    import re

    return re.sub(r"'?--([a-z0-9-]+)(?: <[A-Z_]+>)?'?",
                  lambda m: m.group(1).replace("-", "_") + "=", message)


def tokens(text: str, *, rules: str = "smart") -> list:
    """The tokens of ``text`` as corpstat splits it, as written (the report
    normalizes the text first and folds each token to its term). ``rules``: as
    ``--tokens`` takes it: ``smart`` (URLs, e-mail addresses, mentions and hashtags
    whole; Chinese, Japanese, Thai, Lao, Khmer and Burmese split into words by a
    dictionary), ``plain`` (UAX #29 words alone) or ``characters`` (as ``smart``,
    the scripts without spaces one character at a time)."""
    if not isinstance(text, str):
        raise TypeError(f"text is {type(text).__name__}, not a string")
    return _corpstat.tokens(text, rules)


def detect(texts: Any, *, langs: Optional[Sequence[str]] = None):
    """The language of each text, as ``corpstat detect --format tsv`` gives it for
    a line: a ``pyarrow.Table`` of ``language`` (ISO 639-3, or ``und`` when it
    cannot be told), ``script`` and ``confidence`` (0 to 1), one row per text.
    ``texts``: one string, a list, a pandas or polars Series or a pyarrow array;
    ``langs``: the candidate languages (ISO 639-3; default all)."""
    import pyarrow

    if isinstance(texts, str):
        texts = [texts]
    values = []
    for index, text in enumerate(_column(texts, "texts")):
        if not isinstance(text, str):
            raise TypeError(f"texts[{index}] is {type(text).__name__}, not a string")
        values.append(text)
    return pyarrow.table(_corpstat.detect(values, None if langs is None else list(langs)))
