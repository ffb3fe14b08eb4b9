"""load_corpus: the sample facts, bad files, duplicates, metadata precedence, CSV/JSONL input."""
from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

from conftest import ARTICLE, GBK_ARTICLE
from egov import cache, cleaning_audit, load_corpus, load_report

SEED_DATES = {
    "000_1de2c263adca71ba": "2014-11-28",
    "001_25c11bf700732c71": "2022-11-06",
    "002_45078248bcd7804d": "2019-06-04",
    "003_845d21818b79e0b5": "2016-09-05",
    "004_5bbbb0974fd2393b": "2018-11-08",
}


def test_seeds_give_five_articles_with_the_checked_dates():
    docs = load_corpus("seeds")
    assert docs["doc_id"].tolist() == sorted(SEED_DATES)
    assert dict(zip(docs["doc_id"], docs["date"].dt.strftime("%Y-%m-%d"))) == SEED_DATES
    assert set(docs["date_precision"]) == {"day"}
    assert docs["date"].dtype == "datetime64[ns]"
    assert docs.loc[docs.doc_id == "001_25c11bf700732c71", "source"].item() == "PR Newswire (Xinhua Finance)"
    assert (docs["encoding"] == "utf-8").all()
    assert docs["date_evidence"].str.startswith("metadata: ").all()
    for column in ["doc_id", "title", "source", "date", "date_precision", "date_evidence", "text", "raw_text",
                   "n_words", "path", "encoding"]:
        assert column in docs.columns


def test_seed_paths_are_relative():
    docs = load_corpus("seeds")
    assert docs["path"].str.startswith("seeds/").all()
    assert (load_report(docs)["path"].str.startswith("seeds/")).all()


def test_seeds_without_metadata_date_three_from_text_and_none_wrong(seeds_dir, tmp_path):
    for f in seeds_dir.glob("*.txt"):
        shutil.copy(f, tmp_path / f.name)
    docs = load_corpus(tmp_path)
    found = docs.dropna(subset=["date"])
    assert len(found) >= 3
    for doc_id, date in zip(found["doc_id"], found["date"]):
        assert date.strftime("%Y-%m-%d") == SEED_DATES[doc_id]
    undated = docs[docs["date"].isna()]
    assert undated.loc[undated.doc_id == "000_1de2c263adca71ba", "date_evidence"].item().endswith('"Nov 19" has no year')
    report = load_report(docs).set_index("doc_id")
    assert report.loc["000_1de2c263adca71ba", "status"] == "loaded with warning"
    assert "no date found" in report.loc["000_1de2c263adca71ba", "reason"]


def test_mixed_folder_loads_two_and_lists_two_with_reasons(mixed_dir):
    docs = load_corpus(mixed_dir)
    assert sorted(docs["doc_id"]) == ["gbk", "good"]
    report = load_report(docs).set_index("path")
    assert sorted(report.index) == [f"{mixed_dir.name}/{n}" for n in ["empty.txt", "gbk.txt", "good.txt", "random.txt"]]
    assert report.loc[f"{mixed_dir.name}/empty.txt", "status"] == "skipped"
    assert report.loc[f"{mixed_dir.name}/empty.txt", "reason"] == "empty file"
    assert report.loc[f"{mixed_dir.name}/random.txt", "status"] == "skipped"
    assert report.loc[f"{mixed_dir.name}/random.txt", "reason"].startswith(("binary", "undecodable"))
    gbk = docs.set_index("doc_id").loc["gbk"]
    assert gbk["encoding"] == "gb18030"
    assert "粤省事" in gbk["text"]
    assert gbk["date"] == pd.Timestamp("2020-03-15")
    good = docs.set_index("doc_id").loc["good"]
    assert good["date"] == pd.Timestamp("2019-06-03") and good["source"] == "Xinhua"


def test_every_file_appears_exactly_once(mixed_dir):
    (mixed_dir / "notes.pdf").write_bytes(b"%PDF-1.4 binary")
    (mixed_dir / ".DS_Store").write_bytes(b"\x00\x00")
    (mixed_dir / "sub").mkdir()
    (mixed_dir / "sub" / "nested.md").write_text("# A headline\n\n" + ARTICLE, encoding="utf-8")
    docs = load_corpus(mixed_dir)
    report = load_report(docs)
    assert report["path"].is_unique
    assert len(report) == 7
    reasons = dict(zip(report["path"].str.split("/", n=1).str[1], report["reason"]))
    assert reasons["notes.pdf"].startswith("unsupported file type '.pdf'")
    assert reasons[".DS_Store"] == "hidden file"
    assert "sub/nested" in set(docs["doc_id"]) or reasons["sub/nested.md"].startswith("duplicate of")


def test_a_repost_with_other_furniture_is_a_duplicate(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Home | News | China | World\n" + ARTICLE + "Share this article\n", encoding="utf-8")
    docs = load_corpus(tmp_path)
    assert docs["doc_id"].tolist() == ["a"]
    report = load_report(docs).set_index("path")
    assert report.loc[f"{tmp_path.name}/b.txt", "status"] == "skipped"
    assert report.loc[f"{tmp_path.name}/b.txt", "reason"].startswith(f"duplicate of {tmp_path.name}/a.txt")


def test_metadata_wins_over_the_text(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GBK_ARTICLE, encoding="utf-8")
    pd.DataFrame([{"file": "a.txt", "title": "Platform push", "source": "Xinhua English", "date": "2019-06-04",
                   "url": "http://example.org/a", "evidence": "web page date"},
                  {"file": "missing.txt", "title": "", "source": "", "date": "2020", "url": "", "evidence": ""}]
                 ).to_csv(tmp_path / "metadata.csv", index=False)
    docs = load_corpus(tmp_path).set_index("doc_id")
    assert docs.loc["a", "date"] == pd.Timestamp("2019-06-04")  # the text's dateline says June 3
    assert docs.loc["a", ["title", "source", "url"]].tolist() == ["Platform push", "Xinhua English", "http://example.org/a"]
    assert docs.loc["a", "date_evidence"] == "metadata: web page date"
    assert docs.loc["b", "date"] == pd.Timestamp("2020-03-15")
    report = load_report(load_corpus(tmp_path)).set_index("path")
    meta = report.loc[f"{tmp_path.name}/metadata.csv"]
    assert meta["status"] == "metadata" and "missing.txt" in meta["reason"]


def test_metadata_year_only_gives_year_precision(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    pd.DataFrame([{"file": "a.txt", "date": "2018"}]).to_csv(tmp_path / "metadata.csv", index=False)
    docs = load_corpus(tmp_path)
    assert docs["date"].item() == pd.Timestamp("2018-01-01") and docs["date_precision"].item() == "year"


def test_metadata_without_file_column_is_a_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    pd.DataFrame([{"name": "a.txt"}]).to_csv(tmp_path / "metadata.csv", index=False)
    with pytest.raises(ValueError, match="'file' column"):
        load_corpus(tmp_path)


def test_csv_input(tmp_path):
    path = tmp_path / "articles.csv"
    pd.DataFrame({"text": [ARTICLE, GBK_ARTICLE, ""], "date": ["2019-06-04", "", ""],
                  "title": ["One", "Two", "Three"]}).to_csv(path, index=False)
    docs = load_corpus(path)
    assert docs["doc_id"].tolist() == ["row_1", "row_2"]
    assert docs["date"].tolist() == [pd.Timestamp("2019-06-04"), pd.Timestamp("2020-03-15")]
    assert docs["title"].tolist() == ["One", "Two"]
    report = load_report(docs)
    assert report["path"].tolist() == ["articles.csv#row=1", "articles.csv#row=2", "articles.csv#row=3"]
    assert report["reason"].iloc[2] == "empty text"


def test_jsonl_input_with_ids(tmp_path):
    path = tmp_path / "articles.jsonl"
    rows = [{"id": "x1", "text": ARTICLE, "source": "Xinhua"}, {"id": "x2", "text": GBK_ARTICLE, "date": None}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    docs = load_corpus(path)
    assert docs["doc_id"].tolist() == ["x1", "x2"]
    assert docs["source"].tolist()[0] == "Xinhua"


def test_table_without_text_column_names_it(tmp_path):
    path = tmp_path / "a.csv"
    pd.DataFrame({"body": ["x"]}).to_csv(path, index=False)
    with pytest.raises(ValueError, match="'text' column"):
        load_corpus(path)


def test_missing_path_and_nothing_loadable_are_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        load_corpus(tmp_path / "nowhere")
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(ValueError, match="nothing could be loaded.*empty.txt: empty file"):
        load_corpus(tmp_path)


def test_too_short_is_skipped(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Read more\nA short caption only.", encoding="utf-8")
    report = load_report(load_corpus(tmp_path)).set_index("path")
    assert report.loc[f"{tmp_path.name}/b.txt", "reason"].startswith("too short: 4 words after cleaning (minimum 25)")


def test_html_file_is_parsed_and_dated(tmp_path):
    page = ("<html><head><title>Online services expand | Example News</title>"
            '<meta property="article:published_time" content="2021-05-06T08:00:00+08:00"></head><body>'
            "<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav><article><h1>Online services expand</h1>"
            + "".join(f"<p>{line}</p>" for line in ARTICLE.splitlines()[1:]) +
            "<p>Quoted markup stays text: &lt;script&gt;alert(1)&lt;/script&gt; in a sentence about the platform.</p>"
            "</article><footer>Copyright 2021 Example News. All rights reserved.</footer></body></html>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    docs = load_corpus(tmp_path)
    row = docs.iloc[0]
    assert row["date"] == pd.Timestamp("2021-05-06")
    assert row["title"] == "Online services expand"
    assert "more than 30 provincial systems" in row["text"]
    assert "<script>alert(1)</script>" in row["text"]
    assert "Copyright" not in row["text"] and "Home" not in row["text"]


def test_cleaning_audit_lists_each_removal():
    audit = cleaning_audit(load_corpus("seeds"))
    assert list(audit.columns) == ["doc_id", "line_no", "line", "rule"]
    rows = set(zip(audit["doc_id"], audit["line"], audit["rule"]))
    assert ("001_25c11bf700732c71", "SOURCE Xinhua Finance", "source line") in rows
    assert ("002_45078248bcd7804d", "MORE FROM China SCIO", "navigation") in rows
    assert ("004_5bbbb0974fd2393b", "- By WANG KEJU wangkeju@chinadaily.com.cn", "byline") in rows
    assert ("000_1de2c263adca71ba", "[Photo provided to China Daily] |", "photo credit") in rows


def test_results_are_deterministic():
    a, b = load_corpus("seeds"), load_corpus("seeds")
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(load_report(a), load_report(b))


def test_html_outlet_from_the_page_and_not_from_a_photo_credit(tmp_path):
    body = "".join(f"<p>{line}</p>" for line in ARTICLE.splitlines()[1:])
    caption = "<p>Residents use a government service app in Hangzhou. [Photo/Xinhua]</p>"
    pages = {
        "suffix.html": f"<html><head><title>Online services expand - Chinadaily.com.cn</title></head>"
                       f"<body><article><h1>Online services expand</h1>{body}{caption}</article></body></html>",
        "declared.html": '<html><head><title>Portal opens</title><meta property="og:site_name" content="Caixin Global">'
                         f"</head><body><article><h1>Portal opens</h1><p>Officials in Hangzhou said. {body}</p>"
                         "</article></body></html>",
        "unknown.html": '<html><head><title>City moves permits online</title><meta property="og:site_name" '
                        f'content="Daily Example"></head><body><article><p>The city said. {body}</p></article></body></html>',
    }
    sources = {}
    for name, page in pages.items():  # one at a time: the pages are reposts of one another
        (tmp_path / name).write_text(page, encoding="utf-8")
        sources[name] = load_corpus(tmp_path / name)["source"].item()
    assert sources == {"suffix.html": "China Daily", "declared.html": "Caixin", "unknown.html": "Daily Example"}


def test_web_clipping_with_front_matter(tmp_path):
    text = ('---\ntitle: "Going paperless leaves the elderly behind"\nsource: "https://www.sixthtone.com/news/1005512/x"\n'
            "published: 2020-04-15\ncreated: 2023-02-01\n---\n[Sixth Tone](https://www.sixthtone.com/)\n\n"
            "# Going paperless leaves the elderly behind\n\n" + ARTICLE.replace("BEIJING, June 3, 2019 (Xinhua) -- ", "")
            + "\n[Share on Twitter](https://twitter.com/intent/tweet?url=x)\n")
    (tmp_path / "clip.md").write_text(text, encoding="utf-8")
    (tmp_path / "undated").mkdir()
    (tmp_path / "undated" / "saved.md").write_text(text.replace("published: 2020-04-15\n", ""), encoding="utf-8")
    docs = load_corpus(tmp_path / "undated")
    assert pd.isna(docs["date"].item())  # "created" is when the page was clipped, not published
    docs = load_corpus(tmp_path).set_index("doc_id")
    clip = docs.loc["clip"]
    assert (clip["date"], clip["date_evidence"]) == (pd.Timestamp("2020-04-15"), "front matter: published: 2020-04-15")
    assert clip["title"] == "Going paperless leaves the elderly behind"
    assert clip["url"] == "https://www.sixthtone.com/news/1005512/x" and clip["source"] == "Sixth Tone"
    assert clip["text"].split("\n")[0] == "Going paperless leaves the elderly behind"
    assert "http" not in clip["text"] and "created" not in clip["text"] and "Share on" not in clip["text"]


def test_a_bad_jsonl_line_is_reported_and_the_rest_loads(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text(json.dumps({"id": "a", "text": ARTICLE}) + "\n" + "not json\n\n" + "[1, 2]\n"
                    + json.dumps({"id": "b", "text": GBK_ARTICLE}) + "\n", encoding="utf-8")
    docs = load_corpus(path)
    assert docs["doc_id"].tolist() == ["a", "b"]
    report = load_report(docs)
    assert report["path"].tolist() == ["articles.jsonl#line=1", "articles.jsonl#line=2", "articles.jsonl#line=4",
                                       "articles.jsonl#line=5"]
    assert report["status"].tolist() == ["loaded", "skipped", "skipped", "loaded"]
    assert report["reason"].iloc[1].startswith("not valid JSON: Expecting value")
    assert report["reason"].iloc[2] == "not a JSON object but a list"
    path.write_text("not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no line is a JSON object; line 1: not valid JSON"):
        load_corpus(path)


def test_a_single_file_uses_the_metadata_beside_it(seeds_dir):
    first = sorted(seeds_dir.glob("*.txt"))[0]
    docs = load_corpus(first)
    assert len(docs) == 1 and pd.notna(docs["date"].iloc[0])
    meta = load_report(docs).set_index("status").loc["metadata"]
    assert meta["path"] == "metadata.csv"
    assert meta["reason"] == "metadata for 5 files"


def test_parallel_load_equals_serial(mixed_dir, monkeypatch):
    import egov.corpus.load

    monkeypatch.setenv(cache.ENV, "off")
    serial = load_corpus(mixed_dir)
    monkeypatch.setattr(egov.corpus.load, "PARALLEL_MIN", 1)
    monkeypatch.setattr(egov.corpus.load, "CHUNK", 2)
    monkeypatch.setenv("EGOV_JOBS", "2")
    parallel = load_corpus(mixed_dir)
    pd.testing.assert_frame_equal(serial, parallel)
    pd.testing.assert_frame_equal(load_report(serial), load_report(parallel))
    pd.testing.assert_frame_equal(cleaning_audit(serial), cleaning_audit(parallel))
