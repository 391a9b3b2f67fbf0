"""A server process in miniature, for the tests of the shared assessment: ``python -m
tests.apps.assessment.share_probe`` reads one as-of date per line and answers, per line, one JSON
object: how many times this process computed the assessment so far, how many figures it counts,
and whether it was marked stale."""

from __future__ import annotations

import json
import os
import sys
from datetime import date


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kehoach.site.settings")
    import django

    django.setup()
    from kehoach.apps.assessment import evaluate

    computed = []
    real = evaluate.assess_all

    def counting(as_of, *args, **kwargs):
        computed.append(as_of)
        return real(as_of, *args, **kwargs)

    evaluate.assess_all = counting
    for line in sys.stdin:
        result = evaluate.current_assessment(date.fromisoformat(line.strip()))
        print(json.dumps({"computed": len(computed), "figures": len(result.snapshot.figures),
                          "stale": result.stale}), flush=True)


if __name__ == "__main__":
    main()
