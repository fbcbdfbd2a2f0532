#!/usr/bin/env python3
"""Baseline for `vnt quotes`: the quote finder a quick script would be --
text between quote marks and 'X cho biết: ...' by regular expressions, one
article at a time, no speakers resolved, no terms told from statements.
Prints the number of matches.  Usage: quotes_py.py FILE"""
import re, sys

PAT = re.compile(r"[“\"]([^”\"]{20,})[”\"]|(?:cho biết|nói|nhấn mạnh|khẳng định|cho rằng):\s*([^\n]+)")

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
