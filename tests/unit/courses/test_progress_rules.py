from academy.courses.status import (
    AttemptTally,
    ModuleShape,
    course_status,
    creates_cycle,
    is_unlocked,
    module_status,
    resume_point,
)

WITH_QUIZ = ModuleShape(id=2, lesson_ids=(21, 22), quiz_id=9, attempts_allowed=2, prerequisite_id=1)
NO_QUIZ = ModuleShape(id=1, lesson_ids=(11,))


def test_module_without_quiz_completes_when_every_lesson_is_read():
    assert module_status(NO_QUIZ, set(), AttemptTally()) == "not_started"
    assert module_status(NO_QUIZ, {11}, AttemptTally()) == "completed"


def test_module_with_quiz_needs_lessons_and_a_pass():
    assert module_status(WITH_QUIZ, {21}, AttemptTally()) == "in_progress"
    assert module_status(WITH_QUIZ, {21, 22}, AttemptTally(started=1)) == "in_progress"
    assert module_status(WITH_QUIZ, {21}, AttemptTally(started=1, passed=True)) == "in_progress"
    assert module_status(WITH_QUIZ, {21, 22}, AttemptTally(started=1, passed=True)) == "completed"
    assert module_status(WITH_QUIZ, set(), AttemptTally(started=1, open=1)) == "in_progress"


def test_attempt_limit_fails_the_module_only_when_all_are_graded():
    assert module_status(WITH_QUIZ, {21, 22}, AttemptTally(started=2)) == "failed"
    assert module_status(WITH_QUIZ, {21, 22}, AttemptTally(started=2, pending=1)) == "in_progress"
    assert module_status(WITH_QUIZ, {21, 22}, AttemptTally(started=2, open=1)) == "in_progress"
    unlimited = ModuleShape(id=3, lesson_ids=(), quiz_id=8, attempts_allowed=0)
    assert module_status(unlimited, set(), AttemptTally(started=50)) == "in_progress"


def test_course_status():
    assert course_status(["completed", "completed"]) == "completed"
    assert course_status(["completed", "failed"]) == "failed"
    assert course_status(["not_started", "not_started"]) == "not_started"
    assert course_status(["completed", "not_started"]) == "in_progress"
    assert course_status([]) == "not_started"


def test_prerequisite_cycles_are_found():
    current = {1: None, 2: 1, 3: 2}
    assert creates_cycle(1, 3, current)  # 1 -> 3 -> 2 -> 1
    assert creates_cycle(2, 2, current)
    assert not creates_cycle(3, 1, current)
    assert not creates_cycle(1, None, current)
    assert not creates_cycle(4, 3, {1: 2, 2: 1, 3: 1})  # an existing loop elsewhere ends


def test_resume_point_follows_order_and_prerequisites():
    modules = [NO_QUIZ, WITH_QUIZ]
    start = resume_point(modules, set(), {1: "not_started", 2: "not_started"})
    assert (start.module_id, start.lesson_id, start.quiz_id) == (1, 11, None)
    at_quiz = resume_point(modules, {11, 21, 22}, {1: "completed", 2: "in_progress"})
    assert (at_quiz.module_id, at_quiz.lesson_id, at_quiz.quiz_id) == (2, None, 9)
    # Module 2 read ahead but module 1 unfinished: module 1 comes first.
    back = resume_point(modules, {21, 22}, {1: "not_started", 2: "in_progress"})
    assert back.module_id == 1
    done = resume_point(modules, {11, 21, 22}, {1: "completed", 2: "completed"})
    assert done.done and done.module_id is None


def test_resume_point_skips_locked_modules():
    first = ModuleShape(id=1, lesson_ids=(11,), prerequisite_id=2)
    second = ModuleShape(id=2, lesson_ids=(21,))
    point = resume_point([first, second], set(), {1: "not_started", 2: "not_started"})
    assert (point.module_id, point.lesson_id) == (2, 21)


def test_a_tailored_run_is_completed_when_every_required_module_is():
    from academy.courses.status import course_completion

    statuses = {1: "completed", 2: "not_started", 3: "completed"}
    # The whole course: one module missing is not done.
    assert course_completion(statuses).status == "in_progress"
    assert (course_completion(statuses).done, course_completion(statuses).required) == (2, 3)
    # Modules 1 and 3 required: done, though optional module 2 was never begun.
    done = course_completion(statuses, {1, 3})
    assert (done.status, done.done, done.required, done.percent) == ("completed", 2, 2, 100)
    # One required module missing: not done.
    assert course_completion(statuses, {1, 2}).status == "in_progress"
    assert course_completion(statuses, {1, 2}).percent == 50
    # Failing an optional module fails nothing; beginning one is progress.
    assert course_completion({1: "completed", 2: "failed"}, {1}).status == "completed"
    assert course_completion({1: "not_started", 2: "failed"}, {1}).status == "in_progress"
    assert course_completion({1: "failed", 2: "completed"}, {1}).status == "failed"
    assert course_completion({1: "not_started", 2: "not_started"}, {1}).status == "not_started"
    # Naming no module of the course is the whole course.
    assert course_completion(statuses, {99}).required == 3


def test_in_a_tailored_run_optional_modules_are_skipped_and_never_lock_a_required_one():
    first = ModuleShape(id=1, lesson_ids=(11,))
    optional = ModuleShape(id=2, lesson_ids=(21,))
    needs_first = ModuleShape(id=3, lesson_ids=(31,), prerequisite_id=1)
    modules = (first, optional, needs_first)
    statuses = {1: "not_started", 2: "not_started", 3: "not_started"}
    # The whole course: module 3 waits for module 1.
    assert not is_unlocked(needs_first, statuses)
    assert resume_point(modules, set(), statuses).lesson_id == 11
    # Only module 3 required: optional module 1 does not lock it, and nothing else is visited.
    assert is_unlocked(needs_first, statuses, {3})
    assert resume_point(modules, set(), statuses, {3}).lesson_id == 31
    # Modules 1 and 3 required: 3 waits for 1 as the course says.
    assert not is_unlocked(needs_first, statuses, {1, 3})
    assert resume_point(modules, set(), statuses, {1, 3}).lesson_id == 11
    statuses = {1: "not_started", 2: "not_started", 3: "completed"}
    assert resume_point(modules, {31}, statuses, {3}).done
    assert not resume_point(modules, {31}, statuses).done
    assert resume_point(modules, {31}, statuses).lesson_id == 11
