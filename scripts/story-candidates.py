#!/usr/bin/env python3
"""Candidate article pairs for the story gold (data/eval/stories/).

Usage: scripts/story-candidates.py detik|indosum N SEED > pairs.jsonl

Pairs are drawn without warta: TF-IDF cosine over the words of the text,
articles published within three days of each other, not copies (cosine
below 0.8), in three strata so that the gold holds clear pairs, hard pairs
and near misses: cosine >= 0.30, 0.15-0.30, 0.08-0.15 (N/3 each, sampled
with SEED). Labellers then say whether each pair reports one happening.
Prints id, date, title and the first 1,200 characters of both texts for the
labellers: publisher text, keep it out of the repository (the gold keeps
ids and labels only).
"""
import csv, json, math, random, re, sys, datetime, collections

def detik():
    csv.field_size_limit(1 << 24)
    with open("../shared/data/news/detik/data_berita_dev.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            d = datetime.datetime.strptime(r["tanggal"].split()[0], "%m/%d/%Y").date()
            yield r["id"], d, r["judul"], r["isi_berita"], "detik.com"

def indosum():
    for i in range(1, 5):
        for line in open(f"../shared/data/news/indosum/dev.0{i}.jsonl", encoding="utf-8"):
            a = json.loads(line)
            d = datetime.datetime.utcfromtimestamp(int(a["id"][:10])).date()
            text = "\n".join(" ".join(" ".join(s) for s in p) for p in a["paragraphs"])
            title = a["id"][11:].replace("-", " ")
            yield a["id"], d, title, text, a.get("source")

def main():
    which, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    arts = list(detik() if which == "detik" else indosum())
    words = [collections.Counter(re.findall(r"\w{3,}", t.lower())) for _, _, _, t, _ in arts]
    df = collections.Counter(w for c in words for w in c)
    N = len(arts)
    vecs = []
    for c in words:
        v = {w: (1 + math.log(k)) * math.log(N / df[w]) for w, k in c.items() if df[w] > 1}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1
        vecs.append({w: x / norm for w, x in v.items()})
    strata = {0: [], 1: [], 2: []}
    for i in range(N):
        for j in range(i + 1, N):
            if abs((arts[i][1] - arts[j][1]).days) > 3:
                continue
            a, b = vecs[i], vecs[j]
            if len(a) > len(b):
                a, b = b, a
            cos = sum(x * b.get(w, 0) for w, x in a.items())
            if cos >= 0.8:
                continue
            s = 0 if cos >= 0.30 else 1 if cos >= 0.15 else 2 if cos >= 0.08 else None
            if s is not None:
                strata[s].append((i, j, round(cos, 3)))
    rnd = random.Random(seed)
    for s, pairs in strata.items():
        print(f"stratum {s}: {len(pairs)} pairs", file=sys.stderr)
        for i, j, cos in rnd.sample(pairs, min(n // 3, len(pairs))):
            A, B = arts[i], arts[j]
            print(json.dumps({"a": A[0], "b": B[0], "stratum": s, "cosine": cos,
                              "a_date": str(A[1]), "b_date": str(B[1]), "a_site": A[4], "b_site": B[4],
                              "a_title": A[2], "b_title": B[2],
                              "a_text": A[3][:1200], "b_text": B[3][:1200]}, ensure_ascii=False))

main()
