"""Reporting helpers for the notebooks: prose from data, tables for readers, CSV exports."""
from __future__ import annotations

import html
import json
import string
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
from IPython.display import Markdown, display


def escape(value: object) -> object:
    """Article text is data: strings are HTML-escaped before they enter Markdown; other values pass."""
    return html.escape(value, quote=False) if isinstance(value, str) else value


class _Formatter(string.Formatter):
    """str.format plus two specs. Agreement: `{n:|article}` gives 'article' when n == 1 and
    'articles' otherwise; `{n:|child|children}` names both forms. A clause: `{n:?, {n:,} undated}`
    gives its text when the value is true (non-zero, non-empty), nothing otherwise;
    `{mixed:?In the {language_name} articles, the|The}` gives the text after `|` when false."""

    def format_field(self, value: object, spec: str) -> str:
        if spec.startswith("|"):
            forms = spec[1:].split("|")
            return forms[0] if value == 1 else (forms[1] if len(forms) > 1 else forms[0] + "s")
        if spec.startswith("?"):
            then, _, otherwise = spec[1:].partition("|")
            return then if _true(value) else otherwise
        return super().format_field(value, spec)


def _true(value: object) -> bool:
    """A fact counts as present unless it is missing, zero, false or empty."""
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return False
    return bool(value)


_FORMATTER = _Formatter()


def _fields(row: pd.DataFrame | pd.Series | dict | None, values: dict) -> dict:
    fields: dict = {}
    if isinstance(row, pd.DataFrame):
        if len(row) == 0:
            raise ValueError("say() needs a fact row, got a frame with no rows")
        fields.update(row.iloc[0].to_dict())
    elif isinstance(row, pd.Series):
        fields.update(row.to_dict())
    elif row is not None:
        fields.update(row)
    fields.update(values)
    return fields


def words(template: str | Mapping[str, str], row: pd.DataFrame | pd.Series | dict | None = None,
          escape_text: bool = False, sep: str = " ", **values) -> str:
    """The sentence of `template` filled from a fact row, as plain text (for a headline).

    `template` is one format string, or a dict of them keyed by the row's `case` column, so a
    finding with several shapes (none, one, many) keeps each wording visible in the notebook.
    `{n:|article}` agrees a word with a number ('1 article', '3 articles'); the word may come from
    the row (`{n:|{unit}}`). A frame of several rows (one per language, say) gives one sentence
    per row, in order, joined by `sep`.
    Example: words({"none": "No article is dated.", "some": "{n:,} {n:|article} dated."}, facts)
    """
    if isinstance(row, pd.DataFrame) and len(row) > 1:  # one sentence per fact row, in order
        return sep.join(words(template, row.iloc[[i]], escape_text, sep, **values) for i in range(len(row)))
    fields = _fields(row, values)
    if not isinstance(template, str):
        case = fields.get("case")
        if case not in template:
            raise KeyError(f"no template for case {case!r}; templates are given for {sorted(template)}")
        template = template[case]
    if escape_text:
        fields = {k: escape(v) for k, v in fields.items()}
    try:
        return _FORMATTER.format(template, **fields)
    except KeyError as err:
        raise KeyError(f"template field {err} is not in the facts ({', '.join(map(str, fields))})") from None


def say(template: str | Mapping[str, str], row: pd.DataFrame | pd.Series | dict | None = None,
        sep: str = " ", **values) -> Markdown:
    """Render a Markdown sentence whose numbers come from a fact row; string values are HTML-escaped.

    `row` is a fact frame (several rows give a sentence each, joined by `sep`), a Series or a
    dict; keyword values are added to it. `template` may be
    a dict keyed by the row's `case` column, and `{n:|article}` agrees a word with a number (see `words`).
    Example: say("{n:,} {n:|article}, {first:%Y-%m-%d} to {last:%Y-%m-%d}", n=5, first=d0, last=d1)
    """
    return Markdown(words(template, row, escape_text=True, sep=sep, **values))


def md(text: str) -> Markdown:
    """Show Markdown made by a library function, which must have passed its data through `escape`.

    Example: md(prose.supports(overview.corpus_facts(docs)))
    """
    return Markdown(text)


def plural(n: int, word: str, plural_form: str | None = None) -> str:
    """'1 article', '3 articles'. Example: plural(2, "file") -> '2 files'."""
    return f"{n:,} {word if n == 1 else (plural_form or word + 's')}"


def export(table: pd.DataFrame, name: str, out: str | Path | None) -> None:
    """Write `table` to `<out>/tables/<name>.csv` (UTF-8, no index); nothing when out is None.

    Returns nothing, so a notebook cell of exports prints nothing. Example: export(articles, "articles", "../build")
    """
    if out is None:
        return
    path = Path(out) / "tables" / f"{name}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(path, index=False, encoding="utf-8", lineterminator="\n", float_format="%.6g")


def headline(name: str, text: str, figure: str | None, out: str | Path | None) -> None:
    """Record a notebook's headline finding for the report's front page (`<out>/headlines/<name>.json`).

    `text` is plain text made from data; `figure` the stem of a saved figure, shown beside it.
    Example: headline("01_corpus", words("{n_articles:,} {n_articles:|article}", facts), "01_corpus__per_year", out)
    """
    if out is None:
        return
    path = Path(out) / "headlines" / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"text": text, "figure": figure}, ensure_ascii=False, sort_keys=True), encoding="utf-8")


def show(table: pd.DataFrame, n: int | None = 10, digits: int = 2, empty: str = "No rows.") -> pd.DataFrame | Markdown:
    """A reader's view of a table: first `n` rows, rounded numbers, dates without times, rows numbered from 1.

    An empty table shows the `empty` sentence instead of an empty frame; a longer table is
    introduced by a line saying how many rows are shown of how many.
    Example: show(term_counts.sort_values("count", ascending=False))
    """
    if table.empty:
        return Markdown(f"_{empty}_")
    if n and len(table) > n:
        display(Markdown(f"_The first {n:,} of {len(table):,} rows:_"))
    view = (table.head(n) if n else table).reset_index(drop=True).copy()
    for col in view.columns:
        if pd.api.types.is_float_dtype(view[col]):
            view[col] = view[col].round(digits)
        elif pd.api.types.is_datetime64_any_dtype(view[col]):
            view[col] = view[col].dt.strftime("%Y-%m-%d").fillna("")
    view.index = range(1, len(view) + 1)
    return view
