#!/usr/bin/env python3
"""Score `vnt quotes` on the development set (eval/dev): statements and their speakers.

  eval_dev_quotes.py DOCDIR [--part dev|measure|all] [--vnt ./vnt] [--show N] [--brief]

DOCDIR holds the articles (tools/devset.py extract DOCDIR).  Runs
`vnt quotes --format jsonl` on the articles of the part.  A predicted statement
matches a gold one of the same document when they overlap in the text (byte
spans) and the characters they share cover at least 80% of the gold statement
and half of the predicted one; each gold statement is matched once, best overlap
first.  Gold statements in boilerplate are optional; a prediction on a span the
annotators listed as a continuation of another statement counts neither way.
The speaker is right when the gold name (case and spacing aside) is in the
predicted speaker or its mention, or the predicted speaker in the gold one
(a full name for a surname).  Prints quote P/R/F1 and speaker accuracy (right
speakers over matched statements), then recall and speaker accuracy by speaker
kind and by direct/indirect.  --show N prints N misses, false positives and
wrong speakers.
"""
import argparse, collections, difflib, json, os, subprocess, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEV = os.path.join(ROOT, "eval", "dev")
sys.path.insert(0, HERE)
from eval_dev import parts   # (the index of the development set, read one way for both scorers)


def norm(s):
    return " ".join(unicodedata.normalize("NFC", s or "").lower().split())


def load(names, what):
    out = []
    for n in names:
        p = os.path.join(DEV, "ann", n, what)
        if os.path.exists(p):
            out += [json.loads(l) for l in open(p, encoding="utf-8") if l.strip()]
    return out


def shared(a, b):
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(m.size for m in sm.get_matching_blocks())


def speaker_ok(g, p):
    gs = norm(g.get("speaker"))
    if not gs:
        return False
    for x in (p.get("speaker"), p.get("mention")):
        x = norm(x)
        if x and (gs in x or x in gs and len(x) >= 3):
            return True
    return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("docdir")
    ap.add_argument("--part", default="dev", choices=["dev", "measure", "all"])
    ap.add_argument("--vnt", default=os.path.join(ROOT, "vnt"))
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--brief", action="store_true")
    a = ap.parse_args()
    names = sorted(n for n, p in parts().items() if a.part == "all" or p == a.part)
    files = [os.path.join(a.docdir, n) for n in names if os.path.exists(os.path.join(a.docdir, n))]
    if len(files) < len(names):
        print("quotes (%s): skipped: %d of %d articles missing in %s" % (a.part, len(names) - len(files), len(names), a.docdir))
        return 0
    out = subprocess.run([a.vnt, "quotes", "--format", "jsonl"] + files, capture_output=True, text=True)
    if out.returncode != 0:
        sys.stderr.write(out.stderr)
        return 1
    pred = collections.defaultdict(list)
    for l in out.stdout.splitlines():
        if l.strip():
            r = json.loads(l)
            pred[os.path.basename(r["doc"])].append(r)
    gold = load(names, "quotes.jsonl")
    cont = collections.defaultdict(list)
    for r in load(names, "quote-negatives.jsonl"):
        if r.get("class") == "continuation":
            cont[r["doc"]].append((r["start"], r["stop"]))
    by_doc = collections.defaultdict(list)
    for g in gold:
        by_doc[g["doc"]].append(g)
    tp = right = fp = fn = 0
    kinds = collections.defaultdict(lambda: [0, 0, 0])   # gold, found, speaker right
    misses, fps, wrong = [], [], []
    for doc in names:
        gs, ps = by_doc.get(doc, []), pred.get(doc, [])
        pairs = []
        for gi, g in enumerate(gs):
            gq = norm(g["quote"])
            for pi, p in enumerate(ps):
                if p["stop"] <= g["start"] or p["start"] >= g["stop"]:
                    continue
                pq = norm(p["quote"])
                s = shared(gq, pq)
                if gq and pq and s >= 0.8 * len(gq) and s >= 0.5 * len(pq):
                    pairs.append((s / max(len(gq), len(pq)), gi, pi))
        pairs.sort(reverse=True)
        gmatch, pmatch = {}, {}
        for _, gi, pi in pairs:
            if gi not in gmatch and pi not in pmatch:
                gmatch[gi], pmatch[pi] = pi, gi
        for gi, g in enumerate(gs):
            opt = g.get("boilerplate")
            keys = [g.get("speaker_kind") or "?", g.get("kind") or "?"]
            if gi in gmatch:
                tp += 1
                ok = speaker_ok(g, ps[gmatch[gi]])
                right += ok
                for k in keys:
                    kinds[k][0] += 1
                    kinds[k][1] += 1
                    kinds[k][2] += ok
                if not ok:
                    wrong.append((g, ps[gmatch[gi]]))
            elif not opt:
                fn += 1
                for k in keys:
                    kinds[k][0] += 1
                misses.append(g)
        for pi, p in enumerate(ps):
            if pi in pmatch:
                continue
            if any(not (p["stop"] <= s or p["start"] >= e) for s, e in cont.get(doc, [])):
                continue
            if any(gi not in gmatch and gs[gi].get("boilerplate") and not (p["stop"] <= gs[gi]["start"] or p["start"] >= gs[gi]["stop"])
                   for gi in range(len(gs))):
                continue
            fp += 1
            fps.append(p)
    P = tp / (tp + fp) if tp + fp else 0.0
    R = tp / (tp + fn) if tp + fn else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    S = right / tp if tp else 0.0
    print("quotes (%s, %d articles): F1 %.3f (P %.3f R %.3f) speaker accuracy %.3f (%d of %d) gold %d pred %d"
          % (a.part, len(names), F, P, R, S, right, tp, tp + fn, tp + fp))
    if a.brief:
        return 0
    for k in sorted(kinds, key=lambda k: -kinds[k][0]):
        g, f, ok = kinds[k]
        print("  %-12s gold %3d  found %3d (%.2f)  speaker right %3d (%.2f of found)"
              % (k, g, f, f / g if g else 0, ok, ok / f if f else 0))
    for g in misses[:a.show]:
        print("MISS %s:%s [%s/%s] %s: %r" % (g["doc"], g.get("line"), g.get("kind"), g.get("speaker_kind"),
                                            g.get("speaker"), g["quote"][:90]))
    for p in fps[:a.show]:
        print("FP   %s:%s [%s] %s: %r" % (os.path.basename(p["doc"]), p.get("line"), p.get("kind"), p.get("speaker"),
                                          p["quote"][:90]))
    for g, p in wrong[:a.show]:
        print("SPK  %s:%s [%s] gold %r got %r (mention %r): %r" % (g["doc"], g.get("line"), g.get("speaker_kind"),
                                                               g.get("speaker"), p.get("speaker"), p.get("mention"),
                                                               g["quote"][:60]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
