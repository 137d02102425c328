"""Progress rules as pure functions: module status, prerequisites, where to resume.

Statuses: ``not_started``, ``in_progress``, ``completed``, ``failed``.

* completed: every lesson read, and the module's quiz passed (or the module has no quiz);
* failed: every allowed attempt submitted and graded, none passed (only with a limit);
* in_progress: anything begun (a lesson read or an attempt started);
* not_started: nothing yet.

A course is completed when every *required* module is (`course_completion`): every module,
unless the learner's cohort is tailored and names the modules it asks for.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
COMPLETED = "completed"
FAILED = "failed"
STATUSES = (NOT_STARTED, IN_PROGRESS, COMPLETED, FAILED)
STATUS_LABELS = {
    NOT_STARTED: "Ej påbörjad",
    IN_PROGRESS: "Pågår",
    COMPLETED: "Klar",
    FAILED: "Underkänd",
}


@dataclass(frozen=True)
class AttemptTally:
    """One person's attempts at one quiz."""

    started: int = 0  # every attempt, open or submitted
    passed: bool = False
    pending: int = 0  # submitted, awaiting essay grading
    open: int = 0


@dataclass(frozen=True)
class ModuleShape:
    """What a module asks of a learner."""

    id: int
    lesson_ids: tuple[int, ...]
    quiz_id: int | None = None
    attempts_allowed: int = 0  # 0 = unlimited
    prerequisite_id: int | None = None


def module_status(module: ModuleShape, read: set[int] | frozenset[int], tally: AttemptTally) -> str:
    lessons_done = all(lesson_id in read for lesson_id in module.lesson_ids)
    quiz_done = module.quiz_id is None or tally.passed
    if lessons_done and quiz_done:
        return COMPLETED
    if attempts_exhausted(module.attempts_allowed, tally) and not tally.passed:
        return FAILED
    if tally.started or any(lesson_id in read for lesson_id in module.lesson_ids):
        return IN_PROGRESS
    return NOT_STARTED


def attempts_exhausted(attempts_allowed: int, tally: AttemptTally) -> bool:
    """True when the limit is used up by attempts that are submitted and graded."""
    if attempts_allowed == 0:
        return False
    return tally.started >= attempts_allowed and tally.open == 0 and tally.pending == 0


def course_status(module_statuses: Iterable[str]) -> str:
    statuses = list(module_statuses)
    if statuses and all(status == COMPLETED for status in statuses):
        return COMPLETED
    if FAILED in statuses:
        return FAILED
    if any(status != NOT_STARTED for status in statuses):
        return IN_PROGRESS
    return NOT_STARTED


@dataclass(frozen=True)
class Completion:
    """How far a learner has come in a course, counting the modules asked of them."""

    status: str  # the course status
    done: int  # required modules completed
    required: int  # modules required (every module unless the cohort is tailored)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.required) if self.required else 0


def modules_done_text(done: int, count: int, tailored: bool = False) -> str:
    """ "2 av 3 moduler klara", or "… obligatoriska moduler …" in a tailored run."""
    if count == 1:
        return f"{done} av 1 {'obligatorisk modul' if tailored else 'modul'} klar"
    return f"{done} av {count} {'obligatoriska moduler' if tailored else 'moduler'} klara"


def required_modules(module_ids: Iterable[int], required: Collection[int] = ()) -> tuple[int, ...]:
    """The modules (in course order) a learner must complete: those `required` names (a
    tailored cohort), or every module when it names none of the course's modules."""
    module_ids = tuple(module_ids)
    chosen = tuple(m for m in module_ids if m in required)
    return chosen or module_ids


def course_completion(statuses: Mapping[int, str], required: Collection[int] = ()) -> Completion:
    """The one rule for finishing a course: every required module completed.

    `statuses` are module id -> status for every module of the course, in order; `required`
    names the modules a tailored cohort asks for (empty: the whole course). An optional module
    begun counts as progress but never decides completion, and failing it fails nothing."""
    counted = required_modules(statuses, required)
    done = sum(1 for m in counted if statuses[m] == COMPLETED)
    status = course_status(statuses[m] for m in counted)
    if status == NOT_STARTED and any(s != NOT_STARTED for s in statuses.values()):
        status = IN_PROGRESS
    return Completion(status, done, len(counted))


def is_unlocked(
    module: ModuleShape, statuses: Mapping[int, str], required: Collection[int] = ()
) -> bool:
    """Whether the learner may begin the module: it has no prerequisite, or that is completed,
    or (in a tailored run, `required` naming its modules) that one is optional: the trainer
    chose the modules this run needs, so an optional module never stands in the way."""
    prerequisite = module.prerequisite_id
    if prerequisite is None or statuses.get(prerequisite) == COMPLETED:
        return True
    return bool(required) and prerequisite in statuses and prerequisite not in required


def creates_cycle(
    module_id: int, prerequisite_id: int | None, current: Mapping[int, int | None]
) -> bool:
    """Would `module_id` requiring `prerequisite_id` close a loop in `current` (id -> prereq)?"""
    seen: set[int] = set()
    step = prerequisite_id
    while step is not None and step not in seen:
        if step == module_id:
            return True
        seen.add(step)
        step = current.get(step)
    return False


@dataclass(frozen=True)
class ResumePoint:
    """Where a learner continues: a lesson, or the module's quiz, or nothing left (done)."""

    module_id: int | None
    lesson_id: int | None
    quiz_id: int | None
    done: bool


def resume_point(
    modules: Sequence[ModuleShape],
    read: set[int] | frozenset[int],
    statuses: Mapping[int, str],
    required: Collection[int] = (),
) -> ResumePoint:
    """The first module in order that is not completed and whose prerequisite is met.

    With `required` (a tailored cohort) only the required modules are visited (an optional
    prerequisite does not lock them), and the course is done when they are."""
    counted = set(required_modules((m.id for m in modules), required))
    tailored = counted if len(counted) < len(modules) else set()
    for module in modules:
        if module.id not in counted:
            continue
        if statuses.get(module.id) == COMPLETED or not is_unlocked(module, statuses, tailored):
            continue
        unread = next((lid for lid in module.lesson_ids if lid not in read), None)
        if unread is not None:
            return ResumePoint(module.id, unread, None, False)
        return ResumePoint(module.id, None, module.quiz_id, False)
    all_done = all(statuses.get(module_id) == COMPLETED for module_id in counted)
    return ResumePoint(None, None, None, all_done)


DUE_SOON_DAYS = 7


def deadline_flag(deadline: date | None, today: date, done: bool) -> tuple[str, str]:
    """A deadline as words and its kind: "overdue", "soon" (within 7 days) or "" (neutral)."""
    if deadline is None:
        return "", ""
    if done:
        return f"Sista dag: {deadline.isoformat()}.", ""
    days = (deadline - today).days
    if days < 0:
        return f"Försenad: sista dag var {deadline.isoformat()}.", "overdue"
    if days == 0:
        return f"Sista dag är i dag ({deadline.isoformat()}).", "soon"
    if days <= DUE_SOON_DAYS:
        word = "dag" if days == 1 else "dagar"
        return f"Snart sista dag: om {days} {word} ({deadline.isoformat()}).", "soon"
    return f"Sista dag: {deadline.isoformat()}.", ""
