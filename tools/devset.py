#!/usr/bin/env python3
"""The development set: a seeded draw of articles from the benchmark corpus.

The corpus (../shared/data/corpus/vi-news.txt.xz) may not be shipped, so the repository keeps only
each article's index in it (and a checksum); the texts are extracted when the evaluation runs.

  devset.py draw                    print the draw (index.tsv's rows) -- how eval/dev/index.tsv was made
  devset.py extract OUTDIR          write OUTDIR/<name>.txt for every article of eval/dev/index.tsv
  devset.py finalize DIR            fill start/stop byte offsets of DIR/*.jsonl records from line + text
                                    (+ optional "nth", the occurrence in the line, 1-based) and check them

The draw: random.Random(SEED).sample(range(N), COUNT) over the corpus's documents in file order
(documents are separated by one empty line; index 0 is the first). The first DEV of the draw are the
development part (looked at, tuned on); the rest are the measure-only part (annotated the same way,
scored, never read for tuning).
"""
import hashlib, json, lzma, os, random, sys

SEED, COUNT, DEV = 20261202, 56, 42
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.environ.get("VNT_SHARED", os.path.join(ROOT, "..", "shared"))
CORPUS = os.path.join(SHARED, "data", "corpus", "vi-news.txt.xz")
INDEX = os.path.join(ROOT, "eval", "dev", "index.tsv")


def documents():
    with lzma.open(CORPUS, "rt", encoding="utf-8", newline="") as f:
        text = f.read()
    if text.endswith("\n"):
        text = text[:-1]
    return text.split("\n\n")


def name(i):
    return "dev-%05d.txt" % i


def draw():
    docs = documents()
    picked = random.Random(SEED).sample(range(len(docs)), COUNT)
    print("# name\tindex\tpart\tsha256 (of the text, UTF-8, with a final newline)")
    for k, i in enumerate(picked):
        t = (docs[i] + "\n").encode("utf-8")
        part = "dev" if k < DEV else "measure"
        print(f"{name(i)}\t{i}\t{part}\t{hashlib.sha256(t).hexdigest()}")


def read_index():
    rows = []
    with open(INDEX, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            n, i, part, h = line.rstrip("\n").split("\t")
            rows.append((n, int(i), part, h))
    return rows


def extract(out):
    if not os.path.exists(CORPUS):
        print(f"devset: skipped: {CORPUS} is absent", file=sys.stderr)
        return 3
    docs = documents()
    os.makedirs(out, exist_ok=True)
    for n, i, part, h in read_index():
        t = (docs[i] + "\n").encode("utf-8")
        if hashlib.sha256(t).hexdigest() != h:
            print(f"devset: {n}: the corpus text differs from the one annotated (sha256)", file=sys.stderr)
            return 1
        with open(os.path.join(out, n), "wb") as f:
            f.write(t)
    return 0


def finalize(d, docdir):
    """Give every record of d/*.jsonl byte offsets: its text found in its line (nth occurrence)."""
    bad = 0
    for fn in sorted(os.listdir(d)):
        if not fn.endswith(".jsonl"):
            continue
        path = os.path.join(d, fn)
        recs = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
        for r in recs:
            key = "quote" if "quote" in r else "text"
            if key not in r or "line" not in r or "doc" not in r:
                continue
            data = open(os.path.join(docdir, r["doc"]), "rb").read()
            lines = data.split(b"\n")
            ln = int(r["line"])
            off = sum(len(x) + 1 for x in lines[:ln - 1])
            line = lines[ln - 1]
            needle = r[key].encode("utf-8")
            nth, pos = int(r.get("nth", 1)), -1
            for _ in range(nth):
                pos = line.find(needle, pos + 1)
                if pos < 0:
                    break
            if pos < 0:
                print(f"{fn}: {r['doc']}:{ln}: not in the line: {r[key]!r}", file=sys.stderr)
                bad += 1
                continue
            r["start"], r["stop"] = off + pos, off + pos + len(needle)
        with open(path, "w", encoding="utf-8") as f:
            for r in recs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return 1 if bad else 0


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__)
        return 0 if len(argv) >= 2 else 2
    if argv[1] == "draw":
        draw()
        return 0
    if argv[1] == "extract" and len(argv) == 3:
        return extract(argv[2])
    if argv[1] == "finalize" and len(argv) == 4:
        return finalize(argv[2], argv[3])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
