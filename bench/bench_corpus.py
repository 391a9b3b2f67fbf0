"""How well and how fast the importer reads the development corpus (tests/corpus), in both forms.

Per document and in total, for the web-page text (.txt) and the Word file (.docx): rows found /
rows expected, exact cells %, rows lost silently, expected warnings found, and the time of one
in-process ``inspect_files`` (the best of ``--repeat`` runs). Scoring rules: tests/corpus/README.md.

    python bench/bench_corpus.py               # the table
    python bench/bench_corpus.py --diff SLUG   # and every differing cell of one document
    python bench/bench_corpus.py --bars        # the measured values as tests/corpus/bars.json entries
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

try:
    from tests.corpus import scoring  # noqa: E402
except ModuleNotFoundError as exc:  # kehoach or one of its readers' libraries is not installed here
    sys.exit(f"bench_corpus: {exc}. Run it with kehoach installed: python3 -m venv .venv && "
             f".venv/bin/pip install -e '.[test]' && .venv/bin/python bench/bench_corpus.py")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per document; the best time is shown")
    parser.add_argument("--diff", metavar="SLUG", help="print the differing cells of this document")
    parser.add_argument("--bars", action="store_true", help="print the measured values as bars (JSON)")
    args = parser.parse_args()

    scores: dict[str, dict[str, scoring.Score]] = {}
    for slug in scoring.slugs():
        for form in scoring.FORMS:
            runs = [scoring.score(slug, form) for _ in range(max(1, args.repeat))]
            best = min(runs, key=lambda s: s.seconds)
            scores.setdefault(slug, {})[form] = best

    if args.bars:
        bars = scoring.load_bars()
        out = {slug: {form: {**s.measured(), "reason": bars.get(slug, {}).get(form, {}).get("reason", "")}
                      for form, s in forms.items()} for slug, forms in scores.items()}
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0

    header = f"{'document':36} {'form':4} {'rows':>9} {'exact cells':>19} {'silent':>6} {'warn':>5} {'doc':>4} {'time':>9}"
    print(header)
    print("-" * len(header))
    for form in scoring.FORMS:
        total = scoring.Score("total", form)
        for slug, forms in scores.items():
            s = forms[form]
            print(f"{slug:36} {form:4} {s.rows_found:>4}/{s.rows_expected:<4} "
                  f"{s.cells_exact:>5}/{s.cells_expected:<5} {s.exact_pct:>6.1f} % {s.silent_losses:>6} "
                  f"{s.warnings_found:>2}/{s.warnings_expected:<2} {s.document_exact:>2}/5 {s.seconds * 1000:>6.1f} ms"
                  + ("  refused" if s.error else ""))
            for name in ("rows_expected", "rows_found", "cells_expected", "cells_exact", "silent_losses",
                         "warnings_expected", "warnings_found", "document_exact", "seconds"):
                setattr(total, name, getattr(total, name) + getattr(s, name))
        print(f"{'TOTAL':36} {form:4} {total.rows_found:>4}/{total.rows_expected:<4} "
              f"{total.cells_exact:>5}/{total.cells_expected:<5} {total.exact_pct:>6.1f} % {total.silent_losses:>6} "
              f"{total.warnings_found:>2}/{total.warnings_expected:<2} {total.document_exact:>2}/{5 * len(scores):<3}"
              f"{total.seconds * 1000:>7.1f} ms")
        print()
    if args.diff:
        for form in scoring.FORMS:
            print(scores[args.diff][form].report(limit=10_000))
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
