#!/usr/bin/env python3
"""Side-by-side: Python `dateparser` vs `warta eval times` on the same gold set.

Not run by CI. Setup (outside the repository):
    python3 -m venv /tmp/dpvenv && /tmp/dpvenv/bin/pip install dateparser
    cargo build --release -p warta-cli
Run from the repository root:
    /tmp/dpvenv/bin/python bench/dateparser/compare.py data/eval/times-gold.jsonl [more.jsonl]
    /tmp/dpvenv/bin/python bench/dateparser/compare.py --speed ../shared/data/news/detik/data_berita_dev.csv

dateparser.search.search_dates runs with languages ['id', 'en'] and settings
RELATIVE_BASE = doc_date, PREFER_DATES_FROM = 'past', DATE_ORDER = 'DMY'.

Scoring mirrors warta's (crates/time/src/eval.rs): the found substring that
overlaps the gold expression is chosen (exact span first). Because dateparser
returns a datetime, not a TIMEX3 value, its value counts right when the
datetime agrees with the gold value *at the gold value's granularity*:
`2022-06-13` compares the date, `2022-06` year and month, `2022` the year,
`2022-06-13T10:00+07:00` the date, hour and minute. Gold values a datetime
cannot express (durations, sets, weeks, quarters, halves, decades, vague
references) count wrong; the "datable" line restricts both tools to the
items whose gold value is a date, month, year or clock time.
"""
import csv, datetime as dt, json, os, re, subprocess, sys, tempfile, time

from dateparser.search import search_dates

DATABLE = re.compile(r"^\d{4}(-\d\d(-\d\d(T\d\d:\d\d(:\d\d)?([+-]\d\d:\d\d)?)?)?)?$")


def settings(doc_date):
    base = dt.datetime.fromisoformat(doc_date) if doc_date else dt.datetime.now()
    return {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY"}


def found_spans(sentence, results):
    """(start, end, datetime) for each substring search_dates returned."""
    spans, pos = [], 0
    for text, when in results or []:
        at = sentence.find(text, pos)
        if at < 0:
            at = sentence.find(text)
        if at < 0:
            continue
        spans.append((at, at + len(text), when))
        pos = at + len(text)
    return spans


def agrees(value, when):
    if not value or not DATABLE.match(value):
        return False
    if len(value) == 4:
        return when.year == int(value)
    if len(value) == 7:
        return (when.year, when.month) == (int(value[:4]), int(value[5:7]))
    if when.date().isoformat() != value[:10]:
        return False
    if len(value) == 10:
        return True
    return when.strftime("%H:%M") == value[11:16]


def score_dateparser(items):
    n = strict = relaxed = right = 0
    dn = dright = 0
    t0 = time.perf_counter()
    for g in items:
        start = g["sentence"].find(g["expression"]) if g.get("start") is None else g["start"]
        end = start + len(g["expression"])
        try:
            res = search_dates(g["sentence"], languages=["id", "en"], settings=settings(g.get("doc_date")))
        except Exception as e:  # dateparser raises on some inputs; count as nothing found
            print(f"  dateparser error on {g['expression']!r}: {e}", file=sys.stderr)
            res = None
        spans = found_spans(g["sentence"], res)
        exact = [s for s in spans if s[0] == start and s[1] == end]
        over = exact or [s for s in spans if s[0] < end and start < s[1]]
        n += 1
        strict += bool(exact)
        relaxed += bool(over)
        ok = bool(over) and agrees(g["value"], over[0][2])
        right += ok
        if g["value"] and DATABLE.match(g["value"]):
            dn += 1
            dright += ok
    secs = time.perf_counter() - t0
    return n, strict, relaxed, right, dn, dright, secs


def warta_report(path):
    exe = os.environ.get("WARTA_BIN", "target/release/warta")
    try:
        return subprocess.run([exe, "eval", "times", path], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        return f"(could not run {exe}: {e})\n"


def main(paths):
    for path in paths:
        items = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
        n, strict, relaxed, right, dn, dright, secs = score_dateparser(items)
        print(f"{path}\ndateparser: n={n} span strict {strict/n:.3f}  span relaxed {relaxed/n:.3f}  "
              f"value {right/n:.3f}  | datable n={dn} value {dright/max(dn,1):.3f}  | {secs:.1f}s")
        for split in sorted({i.get("split") for i in items} - {None}):
            sub = [i for i in items if i.get("split") == split]
            n, strict, relaxed, right, dn, dright, _ = score_dateparser(sub)
            print(f"  {split:<5} n={n} span strict {strict/n:.3f}  span relaxed {relaxed/n:.3f}  value {right/n:.3f}"
                  f"  | datable n={dn} value {dright/max(dn,1):.3f}")
        print("warta:\n" + "\n".join(l for l in warta_report(path).splitlines() if "miss" not in l))
        datable = [i for i in items if i["value"] and DATABLE.match(i["value"])]
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
            for i in datable:
                f.write(json.dumps(i, ensure_ascii=False) + "\n")
        print("warta, datable subset:\n" + "\n".join(l for l in warta_report(f.name).splitlines()[1:2]))


def speed(csv_path, limit=100):
    """Characters per second of search_dates over Detik article texts."""
    rows = list(csv.DictReader(open(csv_path, newline="", encoding="utf-8")))[:limit]
    chars = sum(len(r["isi_berita"]) for r in rows)
    t0 = time.perf_counter()
    for r in rows:
        d = dt.datetime.strptime(r["tanggal"].split()[0], "%m/%d/%Y")
        search_dates(r["isi_berita"], languages=["id", "en"],
                     settings={"RELATIVE_BASE": d, "PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY"})
    secs = time.perf_counter() - t0
    print(f"dateparser search_dates: {len(rows)} Detik texts, {chars} chars, {secs:.1f}s, {chars/secs:,.0f} chars/s")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--speed"]:
        speed(sys.argv[2])
    else:
        main(sys.argv[1:])
