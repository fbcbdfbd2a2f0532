#!/usr/bin/env python3
"""Baseline for `vnt timeline`: a regular-expression date finder in Python,
the way a quick script would do it -- numeric dates, 'tháng M/YYYY', 'năm
YYYY', 'Quý N' -- with no normalization, no events and no timeline.  Prints
the number of matches.  Usage: dates_py.py FILE"""
import re, sys

PAT = re.compile(r"\b(?:\d{1,2}\s*-\s*)?\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{4})?\b"
                 r"|\b[Tt]háng\s+\d{1,2}(?:/\d{4})?\b|\b[Nn]ăm\s+\d{4}\b|\b[Qq]uý\s+[IV1-4]+\b")

n = 0
with open(sys.argv[1], encoding="utf-8") as f:
    doc = []
    for line in f:
        if line.strip():
            doc.append(line)
            continue
        n += sum(1 for _ in PAT.finditer("".join(doc)))
        doc = []
    n += sum(1 for _ in PAT.finditer("".join(doc)))
print(n)
