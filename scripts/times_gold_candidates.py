#!/usr/bin/env python3
"""Proposes candidate temporal expressions for data/eval/times-gold.jsonl.

Reads the Detik and IndoSum dev articles in ../shared/data/news, finds
candidate expressions with deliberately simple regexes (independent of the
Rust tagger), trims each sentence to <= 25 words around the expression and
proposes a value where a few lines of datetime arithmetic can. The output is
a review sheet (JSON Lines with a `proposed` value and `note`): every value is
checked by hand and corrected before it goes into the gold file; `?` means
the proposer could not say.

Usage: python3 scripts/times_gold_candidates.py [--shared DIR] [--seed N]
           [--skip-docs FILE] [--scale X] > /tmp/candidates.jsonl
The first batch (splits dev/test) used the defaults; the second held-out
batch (split test2) used --seed 29 --scale 0.35 --skip-docs <doc ids of the
first batch's candidates>.
"""
import argparse, csv, datetime as dt, glob, json, random, re, sys, os

AP = argparse.ArgumentParser()
AP.add_argument("--shared", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../shared"))
AP.add_argument("--seed", type=int, default=13)
AP.add_argument("--skip-docs", help="file of doc ids (one per line) to leave out")
AP.add_argument("--scale", type=float, default=1.0, help="multiplies every per-kind quota")
ARGS = AP.parse_args() if __name__ == "__main__" else AP.parse_args([])
SHARED = ARGS.shared
MONTHS = {"januari": 1, "februari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
          "agustus": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12,
          "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agu": 8, "agt": 8,
          "sep": 9, "sept": 9, "okt": 10, "nov": 11, "des": 12, "nopember": 11, "pebruari": 2}
DAYS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "sabtu": 5, "minggu": 6}
MON = "|".join(sorted(MONTHS, key=len, reverse=True))
DAY = "Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu"

PATTERNS = [
    ("day_paren", rf"\b(?:{DAY}) ?\(\d{{1,2}}/\d{{1,2}}(?:/\d{{4}})?\)"),
    ("dmy_name", rf"\b\d{{1,2}} (?:{MON})\b(?: \d{{4}})?(?: lalu| mendatang)?"),
    ("month_year", rf"\b(?:{MON}) \d{{4}}\b"),
    ("tahun_year", r"\btahun \d{4}(?: lalu)?\b"),
    ("bare_year", r"(?<![\w/.,-])(?:19|20)\d\d(?![\w/.,-])"),
    ("relative", r"\b(?:kemarin|hari ini|besok|lusa|pekan lalu|minggu lalu|pekan depan|minggu depan|bulan lalu|bulan ini|bulan depan|tahun lalu|tahun ini|tahun depan|akhir pekan)\b"),
    ("clock", r"\bpukul \d{1,2}[.:]\d\d(?: ?(?:WIB|WITA|WIT))?"),
    ("day_bare", rf"\b(?:{DAY})(?: (?:pagi|siang|sore|malam|lalu|depan|mendatang))?\b"),
    ("quantity", r"\b(?:\d+|se|dua|tiga|empat|lima|beberapa) ?(?:hari|pekan|minggu|bulan|tahun|jam|menit)(?: (?:lalu|yang lalu|lagi|terakhir))?\b"),
    ("vague", r"\b(?:kini|saat ini|baru-baru ini|sekarang)\b"),
    ("period", r"\b(?:triwulan|kuartal|semester) (?:I{1,3}V?|IV|[1-4]|pertama|kedua|ketiga|keempat)(?:[ -/]\d{4}| tahun \d{4}| tahun ini)?"),
    ("modifier", rf"\b(?:awal|akhir|pertengahan) (?:tahun(?: \d{{4}}| ini| lalu| depan)?|bulan(?: ini)?|\d{{4}}|(?:{MON})(?: \d{{4}})?)"),
    ("set", rf"\b(?:setiap|tiap) (?:hari|pekan|minggu|bulan|tahun|{DAY})\b"),
]


def detik():
    with open(os.path.join(SHARED, "data/news/detik/data_berita_dev.csv"), newline="") as f:
        for r in csv.DictReader(f):
            d = dt.datetime.strptime(r["tanggal"].split()[0], "%m/%d/%Y").date()
            yield "detik-" + r["id"], d, r["isi_berita"]


def detok(words):
    s = " ".join(words)
    s = re.sub(r" ([,.;:!?)])", r"\1", s)
    s = re.sub(r"\( ", "(", s)
    s = re.sub(r" ?/ ?", "/", s)
    s = re.sub(r"(\d) \. (\d)", r"\1.\2", s)
    s = re.sub(r"(\d)\. (\d\d)\b", r"\1.\2", s)
    return s


def indosum():
    for path in sorted(glob.glob(os.path.join(SHARED, "data/news/indosum/dev.0*.jsonl"))):
        for line in open(path):
            o = json.loads(line)
            m = re.search(r"/(20\d\d)/(\d\d)/(\d\d)/", o.get("source_url", ""))
            if not m:
                continue
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            text = "\n".join(" ".join(detok(s) for s in p) for p in o["paragraphs"])
            yield "indosum-" + o["id"][:30], d, text


def excerpt(sent, s, e, width=25):
    """At most `width` words of `sent` around [s, e)."""
    before, expr, after = sent[:s].split(), sent[s:e], sent[e:].split()
    room = max(0, width - len(expr.split()))
    nb = min(len(before), room // 2)
    na = min(len(after), room - nb)
    nb = min(len(before), room - na)
    lead = " ".join(before[len(before) - nb:]) if nb else ""
    sep_b = " " if lead and (s == 0 or sent[s - 1].isspace()) else ""
    tail = " ".join(after[:na])
    sep_a = " " if tail and e < len(sent) and sent[e].isspace() else ""
    return (lead + sep_b if lead else "") + expr + (sep_a + tail if tail else "")


def propose(kind, text, d):
    t = text.lower()
    try:
        if kind == "day_paren":
            nums = [int(x) for x in re.findall(r"\d+", t)]
            y = nums[2] if len(nums) == 3 else d.year
            return dt.date(y, nums[1], nums[0]).isoformat(), "DATE"
        if kind == "dmy_name":
            p = t.split()
            y = int(p[2]) if len(p) > 2 and p[2].isdigit() else d.year
            val = dt.date(y, MONTHS[p[1]], int(p[0]))
            if p[-1] == "lalu" and val > d:
                val = val.replace(year=val.year - 1)
            return val.isoformat(), "DATE"
        if kind == "month_year":
            p = t.split()
            return f"{p[1]}-{MONTHS[p[0]]:02d}", "DATE"
        if kind in ("tahun_year", "bare_year"):
            return re.search(r"\d{4}", t)[0], "DATE"
        if kind == "relative":
            table = {"kemarin": d - dt.timedelta(1), "hari ini": d, "besok": d + dt.timedelta(1),
                     "lusa": d + dt.timedelta(2)}
            if t in table:
                return table[t].isoformat(), "DATE"
            if t.startswith("tahun"):
                return str(d.year + {"lalu": -1, "ini": 0, "depan": 1}[t.split()[1]]), "DATE"
            return "?", "DATE"
        if kind == "clock":
            h, m = re.findall(r"\d+", t)[:2]
            tz = {"wib": "+07:00", "wita": "+08:00", "wit": "+09:00"}.get(t.split()[-1], "")
            return f"{d.isoformat()}T{int(h):02d}:{m}{tz}", "TIME"
        if kind == "day_bare":
            wd = DAYS[t.split()[0]]
            back = (d.weekday() - wd) % 7
            if t.endswith("lalu"):
                back = back or 7
            return (d - dt.timedelta(back)).isoformat(), "DATE"
        if kind == "vague":
            return ("PAST_REF" if "baru" in t else "PRESENT_REF"), "DATE"
    except (ValueError, KeyError, IndexError):
        pass
    return "?", "?"


def main():
    rng = random.Random(ARGS.seed)
    skip = set(open(ARGS.skip_docs).read().split()) if ARGS.skip_docs else set()
    docs = [d for d in list(detik()) + list(indosum()) if d[0] not in skip]
    out = []
    for n, (doc_id, d, text) in enumerate(docs):
        for para in text.split("\n"):
            for sent in re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", para):
                taken = []
                for kind, pat in PATTERNS:
                    for m in re.finditer(pat, sent, flags=re.I if kind not in ("day_bare", "day_paren") else 0):
                        if any(m.start() < e and s < m.end() for s, e in taken):
                            continue
                        taken.append((m.start(), m.end()))
                        ex = excerpt(sent, m.start(), m.end())
                        val, typ = propose(kind, m[0], d)
                        out.append({"doc": doc_id, "kind": kind, "sentence": ex, "doc_date": d.isoformat(),
                                    "doc_weekday": d.strftime("%A"), "expression": m[0],
                                    "proposed": val, "type": typ})
    # A manageable, varied sample: at most this many per kind.
    quota = {"bare_year": 30, "tahun_year": 25, "day_paren": 45, "dmy_name": 35, "relative": 30,
             "clock": 25, "day_bare": 25, "quantity": 30, "vague": 20, "period": 15, "month_year": 20,
             "modifier": 20, "set": 10}
    rng.shuffle(out)
    picked, count = [], {}
    for c in out:
        if count.get(c["kind"], 0) < round(quota[c["kind"]] * ARGS.scale):
            count[c["kind"]] = count.get(c["kind"], 0) + 1
            picked.append(c)
    for c in picked:
        print(json.dumps(c, ensure_ascii=False))


if __name__ == "__main__":
    main()
