"""One common test over every table (after scikit-learn's datasets/tests/test_common.py)."""

from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd
import pytest

import leninism_data as ld

IDS = {
    "chapters": ["chapter"],
    "sections": ["chapter", "section"],
    "paragraphs": ["paragraph_id"],
    "footnotes": ["footnote"],
    "citations": ["citation_id"],
    "quotations": ["quotation_id"],
    "sentences": ["sentence_id"],
    "tokens": ["token_index"],
    "pages": ["page"],
    "editorial_references": ["reference_id"],
    "hyphenation": ["lineno"],
}


@pytest.mark.parametrize("name", list(ld.TABLES))
def test_table_contract(name):
    frame = ld.TABLES[name]()
    assert isinstance(frame, pd.DataFrame) and len(frame) > 0
    assert list(frame.columns) == list(ld.DATA_DICTIONARY[name])
    assert not frame.duplicated(IDS[name]).any()
    if "chapter" in frame:
        assert frame["chapter"].between(0, 9).all()
    if "paragraph_id" in frame and name != "paragraphs":
        assert set(frame["paragraph_id"]) <= set(ld.paragraphs()["paragraph_id"])
    if "section" in frame and name != "sections":
        sections = set(zip(ld.sections()["chapter"], ld.sections()["section"]))
        assert set(zip(frame["chapter"], frame["section"])) <= sections


@pytest.mark.parametrize("name", list(ld.TABLES))
def test_mutating_a_result_does_not_leak(name):
    first = ld.TABLES[name]()
    expected = first.copy()
    first.iloc[0, 0] = first.iloc[-1, 0]
    first[first.columns[-1]] = None
    pd.testing.assert_frame_equal(ld.TABLES[name](), expected)


def test_dtypes_that_carry_meaning():
    p = ld.paragraphs()
    assert isinstance(p["kind"].dtype, pd.CategoricalDtype)
    assert list(p["kind"].cat.categories) == ["prose", "quotation", "list_item", "front_matter"]
    assert p["chapter_label"].cat.ordered
    assert list(p["chapter_label"].cat.categories) == [
        "Introduction",
        "I",
        "II",
        "III",
        "IV",
        "V",
        "VI",
        "VII",
        "VIII",
        "IX",
    ]
    assert ld.chapters()["label"].cat.ordered
    for table, column in [
        ("citations", "volume"),
        ("citations", "ibid_of"),
        ("quotations", "citation_id"),
        ("paragraphs", "quotation_id"),
    ]:
        assert ld.TABLES[table]()[column].dtype == "Int64"


def test_foreign_keys_resolve():
    c = ld.citations()
    assert set(c["ibid_of"].dropna()) <= set(c["citation_id"])
    q = ld.quotations()
    assert set(q["citation_id"].dropna()) <= set(c["citation_id"])
    s, t = ld.sentences(), ld.tokens()
    assert set(t["sentence_id"]) == set(s["sentence_id"])
    notes = ld.footnotes()
    assert set(ld.editorial_references()["footnote"]) <= set(notes["footnote"])


def test_tables_are_cached_on_disk_keyed_by_their_inputs(tmp_path, monkeypatch):
    from leninism_data.tables import store

    monkeypatch.setenv("LENINISM_DATA_CACHE", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return {"chapters": ld.chapters()}

    first = store.load_or_build("tables", build)
    again = store.load_or_build("tables", build)
    assert len(calls) == 1  # the second call read the file
    pd.testing.assert_frame_equal(first["chapters"], again["chapters"])
    (saved,) = tmp_path.glob("tables-*.pickle")
    assert saved.name == f"tables-{store.source_key()[:32]}.pickle"
    saved.write_bytes(b"not a pickle")  # a damaged cache is rebuilt, not trusted
    assert store.load_or_build("tables", build)["chapters"]["n_words"].sum() == 33_123
    assert len(calls) == 2
    monkeypatch.setenv("LENINISM_DATA_CACHE", "off")
    assert store.cache_dir() is None
    store.load_or_build("tables", build)
    assert len(calls) == 3


def test_a_fresh_process_reads_the_same_tables_from_the_cache(tmp_path):
    code = (
        "import leninism_data as ld; t = ld.tokens(); q = ld.quotations(); "
        "print(len(t), int(t['in_citation'].sum()), int((q['form'] == 'inline').sum()))"
    )
    env = {**os.environ, "LENINISM_DATA_CACHE": str(tmp_path)}
    runs = [
        subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        for _ in range(2)
    ]
    assert [r.stdout.split() for r in runs] == [["33504", "381", "21"]] * 2
    assert len(list(tmp_path.glob("tables-*.pickle"))) == 1
