#!/usr/bin/env python3
"""Scores a `token gold predicted` file with the reference conlleval.py.

Usage: python3 crates/ner/scripts/conlleval_check.py PRED_FILE [SHARED_NER_DIR]
Prints overall and per-type P/R/F1 in percent, to compare with
`warta eval ner` / the ner_experiment example on the same gold file.
"""
import os
import sys

ner_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
    os.path.dirname(__file__), "..", "..", "..", "..", "shared", "data", "ner")
sys.path.insert(0, ner_dir)
import conlleval  # noqa: E402

hyps, labels, h, l = [], [], [], []
for line in open(sys.argv[1], encoding="utf-8"):
    parts = line.split()
    if not parts:
        if h:
            hyps.append(h)
            labels.append(l)
        h, l = [], []
        continue
    l.append(parts[-2])
    h.append(parts[-1])
if h:
    hyps.append(h)
    labels.append(l)
counts = conlleval.evaluate(hyps, labels)
overall, by_type = conlleval.metrics(counts)
print("overall  P %6.2f  R %6.2f  F1 %6.2f   (gold %d, found %d, correct %d)" % (
    100 * overall.prec, 100 * overall.rec, 100 * overall.fscore,
    counts.found_correct, counts.found_guessed, counts.correct_chunk))
for t in sorted(by_type):
    m = by_type[t]
    print("%-8s P %6.2f  R %6.2f  F1 %6.2f   (gold %d, found %d, correct %d)" % (
        t, 100 * m.prec, 100 * m.rec, 100 * m.fscore,
        counts.t_found_correct[t], counts.t_found_guessed[t], counts.t_correct_chunk[t]))
