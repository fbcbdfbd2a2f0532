#!/usr/bin/env python3
"""Baseline for `make bench`: whitespace-token counts with collections.Counter,
all distinct tokens written sorted by count.   count_py.py IN [OUT]"""
import collections, sys

def main():
    c = collections.Counter()
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            c.update(line.split())
    out = open(sys.argv[2] if len(sys.argv) > 2 else "/dev/null", "w", encoding="utf-8")
    for k, n in c.most_common():
        out.write(f"{k}\t{n}\n")

if __name__ == "__main__":
    main()
