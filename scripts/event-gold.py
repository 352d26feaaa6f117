#!/usr/bin/env python3
"""Helper for labelling event gold (`data/eval/events/*.jsonl`).

Like the quote gold, records never hold publisher text: `ref` names the
article in `../shared`, `sha256` is the hash of its text as materialised by
`scripts/quote-gold.py` (the same code), and each sentence is an anchor
(`"first words [...] last words"`, or the whole sentence when short).

    event-gold.py list detik|indosum [--grep REGEX] [--n N]   candidate article ids
    event-gold.py text CORPUS ID                              the article text, numbered lines
    event-gold.py check FILE [--fix]                          anchors, hashes, codes, fields

Standard library only.
"""

import importlib.util
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("quote_gold", os.path.join(HERE, "quote-gold.py"))
qg = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(qg)

PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
MODALITIES = {"asserted", "reported", "denied", "planned", "conditional"}


def cameo_codes():
    path = os.path.join(qg.SHARED, "data/events/cameo/cameo_codes.json")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def cmd_list(corpus, pattern, n):
    source = qg.detik_articles() if corpus == "detik" else qg.indosum_articles()
    rx = re.compile(pattern, re.I) if pattern else None
    shown = 0
    for i, text, _ in source:
        if rx and not rx.search(text):
            continue
        first = text.strip().split("\n", 1)[0][:90]
        print(f"{i}\t{len(text)} chars\t{first}")
        shown += 1
        if shown >= n:
            break


def check_actor(aid, where, actor, problems):
    if actor is None:
        return
    if not isinstance(actor, dict) or "text" not in actor or "code" not in actor:
        problems.append(f"{aid}: {where} needs text and code: {actor!r}")
        return
    code = actor["code"]
    if code is not None and not re.fullmatch(r"[A-Z]{3}([A-Z]{3})*", code):
        problems.append(f"{aid}: {where} code {code!r} is not CAMEO-shaped (IDNGOV, RUS, USAMIL)")


def cmd_check(path, fix):
    codes = cameo_codes()
    problems = []
    records = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    n_sent = n_ev = n_empty = 0
    for r in records:
        corpus, aid = r["ref"]["corpus"], r["ref"]["id"]
        text = qg.article(corpus, aid)
        if fix:
            r["sha256"] = qg.sha(text)
        elif r.get("sha256") != qg.sha(text):
            problems.append(f"{aid}: sha256 differs (run with --fix to set it)")
        for s in r["sentences"]:
            n_sent += 1
            spans = qg.find_anchor(text, s["anchor"])
            if len(spans) != 1:
                problems.append(f"{aid}: anchor found {len(spans)} times: {s['anchor']!r}")
            if not s["events"]:
                n_empty += 1
            for e in s["events"]:
                n_ev += 1
                if e.get("plover") not in PLOVER:
                    problems.append(f"{aid}: bad plover {e.get('plover')!r}")
                if e.get("cameo") not in codes:
                    problems.append(f"{aid}: unknown cameo code {e.get('cameo')!r}")
                if e.get("modality") not in MODALITIES:
                    problems.append(f"{aid}: bad modality {e.get('modality')!r}")
                if e.get("modality") == "reported" and not e.get("claimed_by"):
                    problems.append(f"{aid}: reported event without claimed_by")
                trig = e.get("trigger")
                if not trig or trig not in text:
                    problems.append(f"{aid}: trigger {trig!r} not in the text")
                check_actor(aid, "source", e.get("source"), problems)
                check_actor(aid, "target", e.get("target"), problems)
                if e.get("date") is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", e["date"]):
                    problems.append(f"{aid}: date {e['date']!r} is not YYYY[-MM[-DD]]")
    if fix:
        with open(path, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    for p in problems:
        print(p)
    print(f"{len(records)} articles, {n_sent} sentences ({n_empty} with no event), "
          f"{n_ev} events, {len(problems)} problems")
    return 1 if problems else 0


def main(argv):
    if len(argv) >= 2 and argv[0] == "list":
        n = int(argv[argv.index("--n") + 1]) if "--n" in argv else 40
        pattern = argv[argv.index("--grep") + 1] if "--grep" in argv else None
        return cmd_list(argv[1], pattern, n)
    if len(argv) == 3 and argv[0] == "text":
        return qg.cmd_text(argv[1], argv[2])
    if len(argv) >= 2 and argv[0] == "check":
        return cmd_check(argv[1], "--fix" in argv)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]) or 0)
