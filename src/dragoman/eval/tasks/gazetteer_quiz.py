"""Task ``gazetteer_quiz``: questions about office holders, organisation codes, capitals, demonyms.

Answered by ``dragoman.eval.quiz.answer_quiz_question`` from the package's actor data; ``acc``
is the share answered with the answer or an accepted form (case-insensitive, no diacritics).
Per question type accuracy is a diagnostic.
"""

from __future__ import annotations

from typing import Any

from dragoman.eval.bench import Progress, SetSpec, TaskOutput
from dragoman.eval.metrics import ratio
from dragoman.eval.quiz import answer_quiz_question, same_answer
from dragoman.eval.tasks._common import add_error, drop_none, read_jsonl, tick
from dragoman.options import Options


def run(spec: SetSpec, *, limit: int | None, opts: Options, progress: Progress) -> TaskOutput:
    del opts
    items = read_jsonl(spec.path, limit)
    right = 0
    by_type: dict[str, list[int]] = {}
    errors: list[str] = []
    for q in tick(items, progress):
        got = answer_quiz_question(q)
        ok = any(same_answer(got, a) for a in [q.get("answer"), *(q.get("accept") or [])])
        right += ok
        tally = by_type.setdefault(str(q.get("question_type")), [0, 0])
        tally[0] += ok
        tally[1] += 1
        if not ok:
            add_error(
                errors,
                f"{q.get('id')} {q.get('question_type')} {q.get('input')}: "
                f"expected {q.get('answer')!r}, got {got!r}",
            )
    diagnostics: dict[str, Any] = {f"acc {k}": f"{r}/{n}" for k, (r, n) in sorted(by_type.items())}
    return TaskOutput(
        n=len(items),
        metrics=drop_none({"acc": ratio(right, len(items))}),
        diagnostics=diagnostics,
        errors=tuple(errors),
    )
