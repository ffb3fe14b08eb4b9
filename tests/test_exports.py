"""Database exports (issue 14): Nexis Uni DOCX, LexisNexis text, Factiva HTML, ProQuest text.

The export files in tests/data/exports/ are written by make_exports.py from articles written for
the project; truth.csv says what each document holds and whether it loads, is a duplicate or is broken.
"""
from __future__ import annotations

import csv
import io
import re
import shutil
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from egov.corpus import load_corpus, load_report
from egov.corpus.exports import detect_export, read_export
from egov.corpus.exports.nexis_docx import docx_paragraphs
from egov.report import overview

DATA = Path(__file__).resolve().parent / "data" / "exports"
TRUTH = list(csv.DictReader(open(DATA / "truth.csv", encoding="utf-8")))
FILES = sorted({row["export_file"] for row in TRUTH})
FORMAT = {"nexis": "nexis_docx", "lexisnexis": "lexisnexis_txt", "factiva": "factiva_html", "proquest": "proquest_txt"}
FIELDS = ["title", "source", "date", "byline", "section", "language", "database", "database_id"]
# Text that belongs to a cover page, a copyright notice or the indexing, never to an article body.
NOT_BODY = ["Copyright", "All Rights Reserved", "All rights reserved", "Job Number", "Documents (", "Search Terms",
            "End of Document", "Load-Date", "LOAD-DATE", "Classification", "LANGUAGE:", "PUBLICATION-TYPE",
            "BYLINE:", "SECTION:", "LENGTH:", "DOCUMENTS", "Publication-Type", "gpol :", "asiaz :", "iint :",
            "(c) 20", "ProQuest", "Publication title", "Document URL", "Full text:", "Subject:", "Table of contents",
            "Factiva", "Length:", "Byline:", "Section:"]


def _truth(name: str) -> list[dict]:
    return [row for row in TRUTH if row["export_file"] == name]


def _own_count(path: Path) -> int:
    """The number of documents an export says it holds, read from the file with the test's own pattern."""
    if path.suffix == ".docx":
        paragraphs, _ = docx_paragraphs(path.read_bytes())
        return int(next(m.group(1) for p in paragraphs if (m := re.fullmatch(r"Documents \((\d+)\)", p.strip()))))
    text = path.read_text(encoding="utf-8-sig")
    if m := re.search(r"^\s*1 of (\d+) DOCUMENTS$", text, re.M):
        return int(m.group(1))
    if m := re.search(r"^Document 1 of (\d+)$", text, re.M):
        return int(m.group(1))
    return text.count('<div class="article ')


@pytest.fixture(scope="module")
def loaded(tmp_path_factory) -> pd.DataFrame:
    """The export files in a folder named exports/, loaded with load_corpus (no cache)."""
    folder = tmp_path_factory.mktemp("corpus") / "exports"
    folder.mkdir()
    for name in FILES:
        shutil.copy(DATA / name, folder / name)
    return load_corpus(folder)


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch) -> None:
    monkeypatch.setenv("EGOV_CACHE_DIR", "off")


@pytest.mark.parametrize("name", FILES)
def test_detect_export_by_content(name: str, tmp_path: Path) -> None:
    data = (DATA / name).read_bytes()
    expected = FORMAT[name.split("_")[0]]
    assert detect_export(DATA / name, data[:20_000]) == expected
    renamed = tmp_path / "download.dat"  # chosen by content, not by extension
    renamed.write_bytes(data)
    assert detect_export(renamed, data[:20_000]) == expected


def test_ordinary_files_are_not_exports(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")) + sorted((DATA.parents[0] / "realistic").glob("*")):
        assert detect_export(path, path.read_bytes()[:20_000]) is None, path.name
    plain_docx = io.BytesIO()
    with zipfile.ZipFile(plain_docx, "w") as z:
        z.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                                        '2006/main"><w:body><w:p><w:r><w:t>A letter.</w:t></w:r></w:p></w:body></w:document>')
    docx = Path(DATA.parent / "_not_an_export.docx")
    try:
        docx.write_bytes(plain_docx.getvalue())
        assert detect_export(docx, docx.read_bytes()) is None
    finally:
        docx.unlink()


@pytest.mark.parametrize("name", FILES)
def test_read_export_matches_truth(name: str) -> None:
    docs, problems = read_export(DATA / name)
    truth = _truth(name)
    assert len(docs) == len(truth) == _own_count(DATA / name)
    assert [d.number for d in docs] == list(range(1, len(truth) + 1))
    for doc, row in zip(docs, truth):
        if row["status"] == "broken":
            assert row["reason"] in doc.problem, (doc.number, doc.problem)
            continue
        assert not doc.problem, (doc.number, doc.problem)
        assert {f: getattr(doc, f) for f in FIELDS} == {f: row[f] for f in FIELDS}
        assert doc.n_words_reported == (int(row["n_words_reported"]) if row["n_words_reported"] else None)
        if row["status"].startswith("loaded"):
            assert (row["reason"] in doc.warning) if row["reason"] else not doc.warning
    assert problems == (["truncated or damaged .docx (File is not a zip file); read as far as it goes"]
                        if name == "nexis_uni_truncated.docx" else [])


def test_truncated_docx_keeps_the_cover_titles_of_missing_documents() -> None:
    docs, _ = read_export(DATA / "nexis_uni_truncated.docx")
    assert [d.title for d in docs[3:]] == [r["title"] for r in _truth("nexis_uni_truncated.docx")[3:]]
    assert docs[2].problem == "cut off: the file ends inside this document (truncated .docx)"
    assert docs[4].problem == "not in the file: the cover page lists 5 documents, the file ends before it (truncated .docx)"


def test_every_document_is_a_row_of_the_load_report(loaded: pd.DataFrame) -> None:
    report = load_report(loaded).set_index("path")
    for row in TRUTH:
        entry = report.loc[f"exports/{row['export_file']}#doc={row['doc_number']}"]
        if row["status"] == "duplicate":
            assert entry.status == "skipped" and entry.reason.startswith(row["reason"] + " ("), entry.reason
        elif row["status"] == "broken":
            assert entry.status == "skipped" and row["reason"] in entry.reason
        else:
            assert entry.status.startswith("loaded"), (entry.name, entry.reason)
            assert row["reason"] in entry.reason
    files = report[report.status == "export"]
    assert sorted(files.index) == [f"exports/{name}" for name in FILES]
    assert files.loc["exports/factiva_egov.html", "reason"] == "Factiva HTML export: 10 documents"
    assert len(report) == len(TRUTH) + len(FILES)


def test_loaded_articles_carry_the_database_fields(loaded: pd.DataFrame) -> None:
    rows = loaded.set_index("path")
    expected = [r for r in TRUTH if r["status"].startswith("loaded")]
    assert len(loaded) == len(expected) == 47
    for row in expected:
        doc = rows.loc[f"exports/{row['export_file']}#doc={row['doc_number']}"]
        got = {f: doc[f] for f in FIELDS if f != "date"}
        assert got == {f: row[f] for f in FIELDS if f != "date"}
        assert (doc.date.strftime("%Y-%m-%d") if pd.notna(doc.date) else "") == row["date"]
        assert (None if pd.isna(doc.n_words_reported) else int(doc.n_words_reported)) == \
            (int(row["n_words_reported"]) if row["n_words_reported"] else None)
    assert str(loaded["n_words_reported"].dtype) == "Int64"
    assert loaded["doc_id"].is_unique and "nexis_uni_egov_doc01" in set(loaded["doc_id"])


def test_no_cover_copyright_or_indexing_text_in_any_body(loaded: pd.DataFrame) -> None:
    for doc in loaded.itertuples():
        found = [marker for marker in NOT_BODY if marker in doc.text or marker in doc.raw_text]
        assert found == [], (doc.path, found)


def test_bodies_are_the_articles_paragraphs(loaded: pd.DataFrame) -> None:
    sys_path = str(DATA)
    import sys

    sys.path.insert(0, sys_path)
    try:
        from articles import ARTICLES
    finally:
        sys.path.remove(sys_path)
    rows = loaded.set_index("path")
    title, body = ARTICLES["sh_onenet"]
    doc = rows.loc["exports/nexis_uni_egov.docx#doc=4"]
    assert doc.raw_text == "\n".join(p.strip() for p in body.split("\n\n"))
    assert rows.loc["exports/lexisnexis_bom.txt#doc=3"].raw_text.startswith("SHENZHEN -- Shenzhen now approves")
    assert rows.loc["exports/proquest_egov.txt#doc=9"].raw_text.endswith("should be simpler.")


def test_the_database_date_wins_over_the_body_date(loaded: pd.DataFrame) -> None:
    doc = loaded.set_index("path").loc["exports/nexis_uni_egov.docx#doc=5"]
    assert "BEIJING, May 31, 2019 --" in doc.raw_text
    assert doc.date == pd.Timestamp("2019-06-01") and doc.date_precision == "day"
    assert doc.date_evidence == "export: nexis date field 'June 1, 2019 Saturday'"
    factiva = loaded.set_index("path").loc["exports/factiva_egov.html#doc=3"]
    assert factiva.date_evidence == "export: factiva date field 'PD 2 March 2021'"


def test_an_article_without_pd_loads_undated_with_its_reason(loaded: pd.DataFrame) -> None:
    entry = load_report(loaded).set_index("path").loc["exports/factiva_no_pd.html#doc=3"]
    assert entry.status == "loaded with warning"
    assert entry.reason.startswith("no PD (publication date) field; no date found")
    assert pd.isna(loaded.set_index("path").loc["exports/factiva_no_pd.html#doc=3"].date)  # "March 3, 2017" is an event


def test_chinese_articles_load_as_chinese(loaded: pd.DataFrame) -> None:
    chinese = loaded[loaded["language"] == "zh"]
    assert sorted(chinese["path"]) == ["exports/factiva_egov.html#doc=7", "exports/lexisnexis_bom.txt#doc=5",
                                       "exports/nexis_uni_egov.docx#doc=6"]
    assert chinese["n_words"].min() > 80  # about 200 characters: ~95 segmented words, ~15 if clauses were words
    assert set(chinese["title"]) == {"广东数字政府改革让群众少跑腿", "上海一网通办服务持续扩容", "浙江最多跑一次改革向基层延伸"}


def test_wire_copies_and_repeats_are_named(loaded: pd.DataFrame) -> None:
    report = load_report(loaded).set_index("path")
    wire = report.loc["exports/proquest_egov.txt#doc=1", "reason"]
    assert wire == ("duplicate of exports/nexis_uni_egov.docx#doc=1 (100% of word 5-grams shared); a wire copy of "
                    "the Xinhua General News Service article of 2019-07-01, kept as the earliest copy")
    repeat = report.loc["exports/factiva_egov.html#doc=9", "reason"]
    assert repeat.endswith("; a repeat of the China Daily article of 2021-03-02, kept as the earliest copy")


def test_exports_table_counts_each_file(loaded: pd.DataFrame, seeds_dir: Path) -> None:
    table = overview.exports_table(loaded)
    assert list(table.columns) == ["file", "database", "n_documents", "n_loaded", "n_duplicates", "n_not_loaded"]
    assert table["file"].tolist() == [f"exports/{name}" for name in FILES]
    expected = pd.DataFrame(TRUTH).groupby("export_file")["status"].agg(
        n_documents="size", n_loaded=lambda s: s.str.startswith("loaded").sum(),
        n_duplicates=lambda s: (s == "duplicate").sum(), n_not_loaded=lambda s: (s == "broken").sum())
    assert table.set_index(table["file"].str.removeprefix("exports/"))[list(expected.columns)].to_dict() == \
        expected.astype("int64").to_dict()
    assert table.set_index("file")["database"].to_dict()["exports/lexisnexis_bom.txt"] == "nexis"
    empty = overview.exports_table(load_corpus(seeds_dir))
    assert empty.empty and list(empty.columns) == list(table.columns)


def test_a_folder_mixing_exports_text_and_html(tmp_path: Path, seeds_dir: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(DATA / "factiva_no_pd.html", folder)
    shutil.copy(DATA / "lexisnexis_damaged.txt", folder)
    for path in sorted(seeds_dir.glob("*.txt"))[:2]:
        shutil.copy(path, folder)
    (folder / "page.html").write_text("<html><head><title>Portal</title></head><body><article><h1>Portal</h1><p>"
                                      + "The provincial government service portal now lets residents apply online. " * 6
                                      + "</p></article></body></html>", encoding="utf-8")
    docs = load_corpus(folder)
    report = load_report(docs)
    assert len(docs) == 4 + 3 + 2 + 1
    assert set(docs["database"]) == {"factiva", "nexis", ""}
    assert report[report["path"] == "mixed/page.html"].status.iloc[0].startswith("loaded")
    assert overview.corpus_facts(docs).n_files[0] == 4 + 4 + 2 + 1  # documents and files; not the export lines


def test_damaged_inputs_are_reported_not_dropped(tmp_path: Path) -> None:
    from egov.corpus.exports.factiva import read_factiva_html
    from egov.corpus.exports.lexisnexis import read_lexisnexis_txt
    from egov.corpus.exports.proquest import read_proquest_txt

    no_length = "1 of 2 DOCUMENTS\n\nChina Daily\n\nMay 1, 2019 Wednesday\n\nHeadline\n\nBody text.\n\n"
    docs, problems = read_lexisnexis_txt(no_length)
    assert [d.problem for d in docs] == ["no LENGTH: line: the metadata cannot be told from the text",
                                         "no '2 of 2 DOCUMENTS' start line"]
    docs, _ = read_factiva_html('<html><body><div class="article enArticle"><p>Only text.</p></div></body></html>')
    assert docs[0].problem.startswith("no field table")  # and no headline with paragraphs
    rule = "_" * 60
    docs, _ = read_proquest_txt(f"{rule}\nDocument 2 of 3\n\nA title\n\nFull text: Some text.\n\n"
                                f"Publication date: May 1, 2019\n\nProQuest document ID: 1\n{rule}\n")
    assert [d.number for d in docs] == [1, 2, 3] and docs[0].problem == "no record 'Document 1 of 3' in the file"
    assert docs[1].text == "Some text." and docs[1].date == "2019-05-01"
    junk = tmp_path / "junk.docx"
    junk.write_bytes(b"PK\x03\x04" + bytes(200))
    assert detect_export(junk, junk.read_bytes()) is None


def test_the_generator_reproduces_the_committed_files(tmp_path: Path) -> None:
    import subprocess
    import sys

    subprocess.run([sys.executable, str(DATA / "make_exports.py"), str(tmp_path)], check=True)
    for name in [*FILES, "truth.csv"]:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name


def test_parallel_loading_reads_export_files_in_the_workers(loaded: pd.DataFrame, monkeypatch) -> None:
    import egov.corpus.load

    monkeypatch.setattr(egov.corpus.load, "PARALLEL_MIN", 1)
    monkeypatch.setattr(egov.corpus.load, "CHUNK", 5)  # an export file of ~10 documents weighs about 5
    monkeypatch.setenv("EGOV_JOBS", "2")
    folder = Path(loaded.attrs["egov"].location)
    parallel = load_corpus(folder)
    pd.testing.assert_frame_equal(parallel, loaded)
    pd.testing.assert_frame_equal(load_report(parallel), load_report(loaded))


def test_date_lines_in_either_order() -> None:
    from egov.corpus.exports.common import line_date
    from egov.corpus.exports.lexisnexis import read_lexisnexis_txt

    assert line_date("July 1, 2019 Monday 9:20 AM GMT") == "2019-07-01"
    assert line_date("1 July 2019 Monday") == "2019-07-01"
    assert line_date("Monday, July 1, 2019") == "2019-07-01"
    assert line_date("February 30, 2019 Saturday") == ""  # not a day
    assert line_date("July 1, 2019, officials said the portal would open to all residents of the province") == ""
    text = ("1 of 1 DOCUMENT\n\nThe Guardian\n\n4 June 2019 Tuesday\nFinal Edition\n\nChina's portal\n\n"
            "SECTION: WORLD; Pg. 9\n\nLENGTH: 6 words\n\nThe portal opened on Monday.\n\nLOAD-DATE: June 5, 2019\n")
    docs, problems = read_lexisnexis_txt(text)
    assert problems == [] and (docs[0].date, docs[0].title, docs[0].source, docs[0].section) == \
        ("2019-06-04", "China's portal", "The Guardian", "WORLD")
    assert docs[0].text == "The portal opened on Monday."


def test_a_single_export_file_loads_on_its_own() -> None:
    docs = load_corpus(DATA / "factiva_no_pd.html")
    report = load_report(docs)
    assert report["path"].tolist() == ["factiva_no_pd.html"] + [f"factiva_no_pd.html#doc={n}" for n in range(1, 5)]
    assert report["status"].tolist() == ["export", "loaded", "loaded", "loaded with warning", "loaded"]
    assert docs["doc_id"].tolist() == [f"factiva_no_pd_doc{n}" for n in range(1, 5)]


def test_batches_by_weight_keep_order() -> None:
    from egov import engine

    assert list(engine.batched([1, 2, 3], 2, weights=[1, 3, 1])) == [[1, 2], [3]]
    assert list(engine.batched(list("abcde"), 2)) == [["a", "b"], ["c", "d"], ["e"]]
    assert list(engine.batched(list("abc"), 100, weights=[1, 1, 1])) == [["a", "b", "c"]]


def test_a_month_only_date_line_dates_to_the_month(tmp_path: Path) -> None:
    source = zipfile.ZipFile(DATA / "nexis_uni_egov.docx")
    folder = tmp_path / "monthly"
    folder.mkdir()
    with zipfile.ZipFile(folder / "monthly.docx", "w", zipfile.ZIP_DEFLATED) as z:
        for name in source.namelist():
            data = source.read(name)
            z.writestr(name, data.replace(b"July 2, 2019 Tuesday", b"July 2019") if name == "word/document.xml" else data)
    docs, _ = read_export(folder / "monthly.docx")
    assert (docs[1].title, docs[1].source, docs[1].date, docs[1].section, docs[1].warning) == (
        "Guangdong app puts more than a thousand services in residents' pockets", "China Daily", "July 2019",
        "BUSINESS", "no day in the date line 'July 2019'")
    loaded = load_corpus(folder).set_index("path").loc["monthly/monthly.docx#doc=2"]
    assert (loaded.date, loaded.date_precision) == (pd.Timestamp("2019-07-01"), "month")
    from egov.corpus.exports.proquest import read_proquest_txt

    rule = "_" * 60
    docs, _ = read_proquest_txt(f"{rule}\nDocument 1 of 1\n\nA title\n\nFull text: Some text.\n\n"
                                f"Publication date: Jul 2019\n\nProQuest document ID: 1\n{rule}\n")
    assert (docs[0].date, docs[0].warning) == ("Jul 2019", "'Publication date: Jul 2019' gives no day")


def test_factiva_articles_laid_out_without_field_codes() -> None:
    from egov.corpus.exports.factiva import read_factiva_html

    page = ('<html><body><div class="article enArticle"><div id="hd"><span class="enHeadline">Portal opens</span>'
            '</div><div>By Li Wen</div><div>1,204 words</div><div>4 June 2019</div><div>08:15</div>'
            '<div>China Daily</div><div>CHNDLY</div><div>English</div><div>(c) 2019 China Daily. All rights reserved.</div>'
            '<p class="articleParagraph enarticleParagraph">The national portal opened on Monday.</p>'
            '<p class="articleParagraph enarticleParagraph">Residents can apply online.</p>'
            '<div>Document CHNDLY0020190604ef6400001</div></div></body></html>')
    docs, problems = read_factiva_html(page)
    doc = docs[0]
    assert problems == [] and not doc.problem and not doc.warning
    assert (doc.title, doc.byline, doc.n_words_reported, doc.date, doc.source, doc.language, doc.database_id) == (
        "Portal opens", "Li Wen", 1204, "2019-06-04", "China Daily", "en", "CHNDLY0020190604ef6400001")
    assert doc.text == "The national portal opened on Monday.\nResidents can apply online."


def test_a_legacy_lexisnexis_monthly_is_dated_to_the_month() -> None:
    from egov.corpus.exports.lexisnexis import read_lexisnexis_txt

    text = ("1 of 1 DOCUMENT\n\nChina Economic Review\n\nJuly 2019\n\nPortals for all\n\nSECTION: FEATURES\n\n"
            "LENGTH: 5 words\n\nPortals now serve every county.\n\nLANGUAGE: ENGLISH\n")
    doc = read_lexisnexis_txt(text)[0][0]
    assert (doc.date, doc.source, doc.title, doc.warning, doc.problem) == (
        "July 2019", "China Economic Review", "Portals for all", "no day in the date line 'July 2019'", "")


def test_proquest_publication_info_stands_in_for_missing_fields() -> None:
    from egov.corpus.exports.proquest import read_proquest_txt

    rule = "_" * 60
    docs, _ = read_proquest_txt(f"{rule}\nDocument 1 of 1\n\nA title\n\nPublication info: China Daily ; Beijing "
                                f"[Beijing]. 04 June 2019: 3.\n\nFull text: Some text.\n\nProQuest document ID: 7\n{rule}\n")
    assert (docs[0].source, docs[0].date, docs[0].date_field, docs[0].warning) == (
        "China Daily", "2019-06-04", "Publication info: 04 June 2019", "")
