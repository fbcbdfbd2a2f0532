#!/usr/bin/env python3
"""Score vnt on the development set (eval/dev): the timeline, per class.

  eval_dev.py DOCDIR [--part dev|measure|all] [--vnt ./vnt] [--show N]

DOCDIR holds the articles (tools/devset.py extract DOCDIR).  Runs
`vnt timeline --all --format jsonl` on the articles of the part and prints span and
value P/R/F1 (an expression matches a gold one when their byte spans intersect;
gold records in_name or boilerplate are optional, as in ../shared/tools/eval_timeline.py),
then recall and value accuracy for each annotated class.  Values compare after
dropping '~'; an X in gold accepts any digit; a decade 198 equals 198X and a
century 18 equals 18XX (TIMEX3's two spellings).  --show N prints N misses, N
false positives and N wrong values.
"""
import argparse, collections, json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEV = os.path.join(ROOT, "eval", "dev")


def norm(v):
    v = str(v or "").replace("~", "").replace(" ", "").upper()
    if re.fullmatch(r"\d{3}", v):
        v += "X"
    if re.fullmatch(r"\d{2}", v):
        v += "XX"
    return v


def value_ok(g, p):
    g, p = norm(g), norm(p)
    if g == p:
        return True
    if "X" in g:
        return re.fullmatch(re.escape(g).replace("X", "[0-9X]"), p) is not None
    return False


def parts():
    out = {}
    for line in open(os.path.join(DEV, "index.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        name, _, part, _ = line.rstrip("\n").split("\t")
        out[name] = part
    return out


def load_gold(names):
    gold = []
    for n in names:
        p = os.path.join(DEV, "ann", n, "timeline.jsonl")
        if os.path.exists(p):
            gold += [json.loads(l) for l in open(p, encoding="utf-8") if l.strip()]
    return gold


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("docdir")
    ap.add_argument("--part", default="dev", choices=["dev", "measure", "all"])
    ap.add_argument("--vnt", default=os.path.join(ROOT, "vnt"))
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--brief", action="store_true", help="the first line only")
    a = ap.parse_args()
    names = sorted(n for n, p in parts().items() if a.part == "all" or p == a.part)
    files = [os.path.join(a.docdir, n) for n in names]
    r = subprocess.run([a.vnt, "timeline", "--all", "--format", "jsonl"] + files, capture_output=True, text=True)
    if r.returncode != 0:
        print("eval_dev: vnt timeline failed: " + r.stderr, file=sys.stderr)
        return 1
    pred = []
    for l in r.stdout.splitlines():
        x = json.loads(l)
        x["doc"] = os.path.basename(x["doc"])
        pred.append(x)
    gold = load_gold(names)
    optional = [g for g in gold if g.get("in_name") or g.get("boilerplate")]
    gold = [g for g in gold if not (g.get("in_name") or g.get("boilerplate"))]
    used, tp, vok = set(), 0, 0
    cls = collections.defaultdict(lambda: [0, 0, 0])   # gold, found, value right
    misses, wrong = [], []
    for g in gold:
        c = cls[g.get("class", "?")]
        c[0] += 1
        hit = None
        for i, p in enumerate(pred):
            if i not in used and p["doc"] == g["doc"] and p["start"] < g["stop"] and g["start"] < p["stop"]:
                hit = i
                break
        if hit is None:
            misses.append(g)
            continue
        used.add(hit)
        tp += 1
        c[1] += 1
        if value_ok(g.get("value"), pred[hit].get("value")):
            vok += 1
            c[2] += 1
        else:
            wrong.append((g, pred[hit]))
    for g in optional:
        for i, p in enumerate(pred):
            if i not in used and p["doc"] == g["doc"] and p["start"] < g["stop"] and g["start"] < p["stop"]:
                used.add(i)
    fps = [p for i, p in enumerate(pred) if i not in used]
    fp, fn = len(fps), len(gold) - tp
    P = tp / (tp + fp) if tp + fp else 0.0
    R = tp / len(gold) if gold else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    VP = vok / (tp + fp) if tp + fp else 0.0
    VR = vok / len(gold) if gold else 0.0
    VF = 2 * VP * VR / (VP + VR) if VP + VR else 0.0
    print(f"timeline ({a.part}, {len(names)} articles): span F1 {F:.3f} (P {P:.3f} R {R:.3f}) "
          f"value F1 {VF:.3f} (P {VP:.3f} R {VR:.3f}) gold {len(gold)} pred {len(pred)}")
    if a.brief:
        return 0
    for k in sorted(cls, key=lambda k: -cls[k][0]):
        n, f, v = cls[k]
        print(f"  {k:16s} gold {n:3d}  found {f:3d} ({f / n:.2f})  value right {v:3d} ({v / n:.2f})")
    if a.show:
        for g in misses[:a.show]:
            print(f"MISS {g['doc']}:{g['line']} [{g.get('class')}] {g['text']!r} {g.get('value')}")
        for p in fps[:a.show]:
            print(f"FP   {p['doc']}:{p['line']} {p['text']!r} {p.get('value')}")
        for g, p in wrong[:a.show]:
            print(f"VAL  {g['doc']}:{g['line']} [{g.get('class')}] {g['text']!r} gold {g.get('value')} "
                  f"got {p['text']!r} {p.get('value')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
