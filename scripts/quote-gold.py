#!/usr/bin/env python3
"""Helper for labelling quote gold (`data/eval/quotes/*.jsonl`).

The committed gold never holds publisher text: each record names its article
in `../shared` (`ref`), the SHA-256 of the article text as materialised here,
and each quote as a short anchor (`"first words [...] last words"`, or the
whole quote when short). `warta eval quotes FILE` materialises the same text in
Rust (`warta_pipeline::gold_text`); the hash proves the two agree.

    quote-gold.py list detik|indosum [--n N] [--seed S]   ids of articles with quotes
    quote-gold.py text CORPUS ID                           print the article text, numbered lines
    quote-gold.py check FILE [--fix]                       anchors found once each, hashes right

CORPUS is `detik` (data/news/detik/data_berita_dev.csv, id column),
`indosum` (data/news/indosum/dev.0*.jsonl, id field; tokenised, so paragraphs
are detokenised with the rules below and joined by newlines) or `html`
(data/html/readability-test-pages/ID/source.html, read by warta itself:
`warta analyze --stages clean`; no hash is kept for these).
Standard library only.
"""

import csv
import glob
import hashlib
import json
import os
import random
import re
import subprocess
import sys

SHARED = os.environ.get("WARTA_SHARED") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared"
)
ELLIPSIS = " [...] "


def detik_articles():
    csv.field_size_limit(10**9)
    path = os.path.join(SHARED, "data/news/detik/data_berita_dev.csv")
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            yield row["id"], row["isi_berita"], row["tanggal"]


def detokenise(sentences):
    """One IndoSum paragraph as text: no space before closing punctuation,
    straight quotes attached inside, `(`/`[` glued to what follows, digits
    around `/` glued (`27/3`). Must match `gold_text::detokenise` in Rust."""
    out = []
    in_quote = False
    glue_next = False
    prev = ""
    for sent in sentences:
        for tok in sent:
            tok = tok.strip()
            if tok in ("\u201c", "\u201d"):
                tok = '"'
            if not tok:
                continue
            closing = tok == '"' and in_quote
            attach_left = (
                tok in (",", ".", "?", "!", ")", ";", ":", "%", "...", "]")
                or closing
                or (tok == "/" and prev.isdigit())
                or (prev == "/" and tok.isdigit())
            )
            if out and not attach_left and not glue_next:
                out.append(" ")
            out.append(tok)
            glue_next = tok in ("(", "[") or (tok == '"' and not in_quote)
            if tok == '"':
                in_quote = not in_quote
            prev = tok
    return "".join(out)


def indosum_articles():
    for path in sorted(glob.glob(os.path.join(SHARED, "data/news/indosum/dev.0*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                text = "\n".join(detokenise(p) for p in d["paragraphs"])
                yield d["id"], text, d.get("source_url") or ""


def html_text(page):
    path = os.path.join(SHARED, "data/html/readability-test-pages", page, "source.html")
    binary = os.environ.get("WARTA_BIN", "target/release/warta")
    out = subprocess.run(
        [binary, "analyze", "--format", "json", "--stages", "clean", path],
        check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(out)["text"]


def article(corpus, aid):
    if corpus == "html":
        return html_text(aid)
    source = detik_articles() if corpus == "detik" else indosum_articles()
    for i, text, _ in source:
        if i == aid:
            return text
    sys.exit(f"no {corpus} article with id {aid}")


def sha(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_anchor(text, anchor):
    """(start, end) of every place the anchor matches."""
    if ELLIPSIS in anchor:
        head, tail = anchor.split(ELLIPSIS, 1)
    else:
        head, tail = anchor, None
    spans = []
    for m in re.finditer(re.escape(head), text):
        if tail is None:
            spans.append((m.start(), m.end()))
        else:
            t = text.find(tail, m.end())
            if t >= 0:
                spans.append((m.start(), t + len(tail)))
    return spans


def cmd_list(corpus, n, seed):
    source = detik_articles() if corpus == "detik" else indosum_articles()
    rows = [(i, len(re.findall(r'["\u201c\u201d]', t)) // 2) for i, t, _ in source]
    rows = [r for r in rows if r[1] >= 1]
    random.Random(seed).shuffle(rows)
    for i, q in rows[:n]:
        print(f"{i}\t{q} quoted passages")


def cmd_text(corpus, aid):
    text = article(corpus, aid)
    print(f"# sha256 {sha(text) if corpus != 'html' else '(not kept for html)'}")
    for n, line in enumerate(text.split("\n"), 1):
        print(f"{n:3} {line}")


def cmd_check(path, fix):
    bad = 0
    records = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    for r in records:
        corpus, aid = r["ref"]["corpus"], r["ref"]["id"]
        text = article(corpus, aid)
        if corpus != "html":
            if fix:
                r["sha256"] = sha(text)
            elif r.get("sha256") != sha(text):
                print(f"{aid}: sha256 differs (run with --fix to set it)")
                bad += 1
        for q in r["quotes"]:
            spans = find_anchor(text, q["quote"])
            if len(spans) != 1:
                print(f"{aid}: anchor found {len(spans)} times: {q['quote']!r}")
                bad += 1
            for key in ("kind", "speaker", "relayed_by"):
                if key not in q:
                    print(f"{aid}: quote lacks {key}: {q['quote']!r}")
                    bad += 1
            if q.get("kind") not in ("direct", "indirect", "partial"):
                print(f"{aid}: bad kind {q.get('kind')!r}")
                bad += 1
    if fix:
        with open(path, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    n = sum(len(r["quotes"]) for r in records)
    print(f"{len(records)} articles, {n} quotes, {bad} problems")
    return 1 if bad else 0


def main(argv):
    if len(argv) >= 2 and argv[0] == "list":
        n = int(argv[argv.index("--n") + 1]) if "--n" in argv else 40
        seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 13
        return cmd_list(argv[1], n, seed)
    if len(argv) == 3 and argv[0] == "text":
        return cmd_text(argv[1], argv[2])
    if len(argv) >= 2 and argv[0] == "check":
        return cmd_check(argv[1], "--fix" in argv)
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]) or 0)
