"""Lessons: edit, reorder within a module, and images uploaded to the app's own storage."""

import asyncio
import io
import os
import struct
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
import sqlalchemy as sa
from PIL import Image
from sqlalchemy import select
from starlette.applications import Starlette
from starlette.testclient import TestClient

from academy.core.db import session_scope
from academy.core.models import utcnow
from academy.core.settings import Retention
from academy.courses import authoring, images
from academy.courses.models import Cohort
from academy.courses.web.api import ROUTES
from academy.courses.web.editor_state import CourseEditorState
from academy.privacy.retention import purge
from tests.integration.courses.builders import actor, build_course
from tests.integration.test_states import logged_in
from tests.sessions import token_of, with_cookie

REFUSED = "Du har inte behörighet att göra detta."


class Upload:
    """Stands in for the uploaded file Reflex hands to the handler."""

    def __init__(self, data: bytes, filename: str):
        self.data, self.filename = data, filename
        self.read_sizes: list[int] = []  # what the handler asked for: nothing when refused

    async def read(self, size: int = -1) -> bytes:
        self.read_sizes.append(size)
        return self.data if size < 0 else self.data[:size]


def run_event(coroutine):
    """Run an async event handler to the end, in a thread of its own: the browser tests of the
    same pytest run keep Playwright's event loop open in this thread."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def image_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    return tmp_path / "lesson-images"


def _editor(engine, course_id, email="utbildare@demo.se"):
    editor = logged_in(CourseEditorState, email)
    editor.course_id = course_id
    editor._run(editor._refresh)
    return editor


def _lessons(engine, course_id, module_index=0):
    with session_scope(engine) as s:
        detail = authoring.get_course(s, actor(engine, "utbildare@demo.se"), course_id)
    return detail.modules[module_index].lessons


def test_a_lesson_is_edited_and_lessons_are_reordered(demo):
    built = build_course(demo)
    editor = _editor(demo, built.course_id)
    first, second = built.lessons_a
    editor.edit_lesson(built.module_a, second)
    assert (editor.lesson_title, editor.lesson_markdown) == ("Lyssna", "Lyssna.")
    editor.save_lesson({"title": "Lyssna aktivt", "content": "*Nicka*", "video_url": ""})
    assert (editor.error, editor.notice) == ("", "Lektionen är sparad.")
    editor.move_lesson(built.module_a, second, -1)
    assert editor.notice == "Lektionernas ordning är sparad."
    lessons = _lessons(demo, built.course_id)
    assert [(le.id, le.title, le.content_html) for le in lessons] == [
        (second, "Lyssna aktivt", "<p><em>Nicka</em></p>\n"),
        (first, "Hälsa", "<p><strong>Hej</strong></p>\n"),
    ]
    assert [le.title for le in editor.modules[0].lessons] == ["Lyssna aktivt", "Hälsa"]


def test_an_employee_cannot_reorder_lessons(demo):
    built = build_course(demo)
    editor = _editor(demo, built.course_id)
    with_cookie(editor, token_of(logged_in(CourseEditorState, "medarbetare@demo.se")))
    editor.move_lesson(built.module_a, built.lessons_a[1], -1)
    assert editor.error == REFUSED
    assert [le.id for le in _lessons(demo, built.course_id)] == list(built.lessons_a)


def test_an_image_is_stored_inserted_and_served_to_logged_in_users(demo, image_dir):
    built = build_course(demo)
    editor = _editor(demo, built.course_id)
    editor.new_lesson(built.module_a)
    editor.lesson_markdown = "Så här ser det ut:"
    editor.image_alt = "Skärmbild av [e-tjänsten]"
    run_event(editor.upload_image([Upload(_png(), "skarm.gif")]))
    assert (editor.error, editor.notice) == ("", "Bilden är uppladdad och infogad i innehållet.")
    stored = list(image_dir.iterdir())
    assert len(stored) == 1 and stored[0].suffix == ".png"  # the content decides, not the name
    url = f"/api/utbildning/bilder/{stored[0].name}"
    assert editor.lesson_markdown == f"Så här ser det ut:\n\n![Skärmbild av e-tjänsten]({url})\n"
    editor.save_lesson({"title": "Med bild", "content": editor.lesson_markdown, "video_url": ""})
    assert (
        f'<img src="{url}" alt="Skärmbild av e-tjänsten"'
        in _lessons(demo, built.course_id)[2].content_html
    )

    client = TestClient(Starlette(routes=ROUTES))
    assert client.get(url).status_code == 401
    client.cookies.set("sa_session", token_of(logged_in(CourseEditorState, "medarbetare@demo.se")))
    response = client.get(url)
    assert (response.status_code, response.headers["content-type"]) == (200, "image/png")
    assert response.content == _png() and response.headers["x-content-type-options"] == "nosniff"
    for bad in ("../academy.db", "0123456789abcdef0123456789abcdef.png", "skarm.png"):
        assert client.get(f"/api/utbildning/bilder/{bad}").status_code == 404


def test_uploads_that_are_not_images_too_big_or_from_employees_are_refused(demo, image_dir):
    built = build_course(demo)
    editor = _editor(demo, built.course_id)
    cases = [
        (
            b"<svg onload=alert(1)>",
            "bild.png",
            "Filen är ingen bild. Ladda upp en PNG-, JPEG-, GIF- eller WebP-bild.",
        ),
        (
            _png() + b"\0" * images.MAX_IMAGE_BYTES,
            "stor.png",
            "Bilden är för stor: högst 5 MB går att ta emot. Inget har sparats.",
        ),
        (b"", "tom.png", "Välj en bild att ladda upp."),
    ]
    for data, name, expected in cases:
        run_event(editor.upload_image([Upload(data, name)]))
        assert editor.error == expected
    employee = logged_in(CourseEditorState, "medarbetare@demo.se")
    run_event(employee.upload_image([Upload(_png(), "bild.png")]))
    assert employee.error == REFUSED
    assert not image_dir.exists() or list(image_dir.iterdir()) == []


def _png_header(width: int, height: int) -> bytes:
    """A PNG that declares its size but holds almost no pixels (as a crafted upload would)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\0" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


@pytest.mark.parametrize("side", [30000, 12000, 4097])
def test_images_with_too_many_pixels_are_refused_in_swedish(demo, image_dir, side):
    built = build_course(demo)
    editor = _editor(demo, built.course_id)
    run_event(editor.upload_image([Upload(_png_header(side, side), "enorm.png")]))
    assert editor.error == (
        "Bilden är för stor: högst 4096 × 4096 bildpunkter. Gör den mindre och försök igen."
    )
    assert not image_dir.exists() or list(image_dir.iterdir()) == []


STALE = (
    "{what} har ändrats av någon annan sedan du öppnade sidan. Inget har sparats; din text finns "
    "kvar. Ladda om sidan för att se ändringarna och gör om din ändring."
)


def test_two_trainers_editing_one_lesson_the_later_save_is_refused(demo):
    built = build_course(demo)
    lesson_id = built.lessons_a[0]
    first, second = _editor(demo, built.course_id), _editor(demo, built.course_id)
    for editor in (first, second):
        editor.edit_lesson(built.module_a, lesson_id)
    first.save_lesson({"title": "Hälsa först", "content_markdown": "Först."})
    assert first.error == ""
    second.save_lesson({"title": "Hälsa sist", "content_markdown": "Sist."})
    assert second.error == STALE.format(what="Lektionen")
    assert (second.message_at, second.lesson_id) == ("lesson-form", lesson_id)  # form stays open
    titles = [le.title for le in _lessons(demo, built.course_id)]
    assert "Hälsa först" in titles and "Hälsa sist" not in titles


def test_two_trainers_editing_one_module_the_later_save_is_refused(demo):
    built = build_course(demo)
    first, second = _editor(demo, built.course_id), _editor(demo, built.course_id)
    version = next(m.version for m in first.modules if m.id == built.module_a)
    first.save_module({"module_id": str(built.module_a), "version": str(version), "title": "Ett"})
    assert first.error == ""
    second.save_module({"module_id": str(built.module_a), "version": str(version), "title": "Två"})
    assert second.error == STALE.format(what="Modulen")
    assert second.message_at == f"module-{built.module_a}"
    with session_scope(demo) as s:
        detail = authoring.get_course(s, actor(demo, "utbildare@demo.se"), built.course_id)
    assert detail.modules[0].title == "Ett"


def _lesson_with_image(engine, built, title="Med bild") -> tuple[int, str]:
    """A lesson in module A showing a newly stored image; (lesson id, image file name)."""
    trainer = actor(engine, "utbildare@demo.se")
    url = images.store_image(trainer, _png())
    with session_scope(engine) as s:
        lesson_id = authoring.add_lesson(
            s, trainer, built.module_a, title=title, content_markdown=f"![Skärmbild]({url})"
        )
    return lesson_id, url.rsplit("/", 1)[1]


def test_deleting_a_lesson_removes_its_image(demo, image_dir):
    built = build_course(demo)
    lesson_id, name = _lesson_with_image(demo, built)
    editor = _editor(demo, built.course_id)
    editor.delete_lesson(built.module_a, lesson_id)
    assert editor.error == ""
    assert not (image_dir / name).exists()


def test_an_image_another_lesson_or_question_shows_is_kept(demo, image_dir):
    built = build_course(demo)
    trainer = actor(demo, "utbildare@demo.se")
    lesson_id, name = _lesson_with_image(demo, built)
    with session_scope(demo) as s:
        copy = authoring.add_lesson(
            s,
            trainer,
            built.module_b,
            title="Kopia",
            content_markdown=f"Se ![]({images.IMAGE_PREFIX}{name})",
        )
        authoring.delete_lesson(s, trainer, lesson_id)
    assert (image_dir / name).exists()  # the copy still shows it
    with session_scope(demo) as s:
        authoring.update_lesson(s, trainer, copy, title="Kopia", content_markdown="Utan bild")
    assert (image_dir / name).exists()  # cut from a lesson, perhaps to be pasted elsewhere
    with session_scope(demo) as s:
        authoring.delete_lesson(s, trainer, copy)
    assert (image_dir / name).exists()  # no lesson shows it, but none that showed it was deleted


def test_a_failed_deletion_keeps_the_image(demo, image_dir):
    built = build_course(demo)
    lesson_id, name = _lesson_with_image(demo, built)
    with pytest.raises(RuntimeError), session_scope(demo) as s:
        authoring.delete_lesson(s, actor(demo, "utbildare@demo.se"), lesson_id)
        raise RuntimeError("something after it fails")
    assert (image_dir / name).exists()
    assert lesson_id in [le.id for le in _lessons(demo, built.course_id)]


def test_deleting_a_module_or_a_course_removes_the_images_of_its_lessons(demo, image_dir):
    trainer = actor(demo, "utbildare@demo.se")
    built = build_course(demo, participants=())
    _, in_module = _lesson_with_image(demo, built)
    with session_scope(demo) as s:
        authoring.delete_module(s, trainer, built.module_a)
    assert not (image_dir / in_module).exists()

    never_run = build_course(demo, participants=(), title="Aldrig genomförd")
    _, in_course = _lesson_with_image(demo, never_run)
    with session_scope(demo) as s:
        for cohort in s.scalars(select(Cohort).where(Cohort.course_id == never_run.course_id)):
            s.delete(cohort)
    with session_scope(demo) as s:
        authoring.delete_course(s, trainer, never_run.course_id)
    assert not (image_dir / in_course).exists()


def test_an_image_a_question_shows_is_kept_when_its_lesson_goes(demo, image_dir):
    built = build_course(demo)
    lesson_id, name = _lesson_with_image(demo, built)
    with demo.begin() as conn:
        conn.execute(
            sa.text("UPDATE course_questions SET general_feedback = :text WHERE id = :id"),
            {"text": f"Se ![bild]({images.IMAGE_PREFIX}{name})", "id": built.question_ids[0]},
        )
    with session_scope(demo) as s:
        authoring.delete_lesson(s, actor(demo, "utbildare@demo.se"), lesson_id)
    assert (image_dir / name).exists()


# Only the images rule of `academy gallra`: the others have tests of their own.
IMAGES_ONLY = Retention(
    practice_log_months=0,
    login_sessions_days=0,
    audit_months=0,
    survey_drafts_months=0,
    unused_images_days=1,
)


def _aged(path, days: float) -> None:
    then = time.time() - days * 86_400
    os.utime(path, (then, then))


def _gallra(engine, **options) -> int:
    with session_scope(engine) as s:
        removed = purge(s, retention=IMAGES_ONLY, **options)
    [images_row] = removed
    assert images_row.what == "lektionsbilder som ingen lektion eller fråga visar"
    return images_row.count


def test_gallra_removes_images_no_lesson_or_question_has_shown_for_a_day(demo, image_dir):
    built = build_course(demo)
    trainer = actor(demo, "utbildare@demo.se")
    _, shown = _lesson_with_image(demo, built)
    never_saved = images.store_image(trainer, _png()).rsplit("/", 1)[1]
    just_uploaded = images.store_image(trainer, _png()).rsplit("/", 1)[1]
    for name in (shown, never_saved):
        _aged(image_dir / name, days=2)

    assert _gallra(demo, dry_run=True) == 1
    assert (image_dir / never_saved).exists()  # a dry run only counts
    assert _gallra(demo) == 1
    assert not (image_dir / never_saved).exists()
    assert (image_dir / shown).exists() and (image_dir / just_uploaded).exists()


def test_an_image_dropped_from_a_lesson_is_kept_for_a_day_from_then(demo, image_dir):
    built = build_course(demo)
    trainer = actor(demo, "utbildare@demo.se")
    lesson_id, name = _lesson_with_image(demo, built)
    _aged(image_dir / name, days=5)  # uploaded long ago
    with session_scope(demo) as s:
        authoring.update_lesson(s, trainer, lesson_id, title="Med bild", content_markdown="Text")
    assert _gallra(demo) == 0  # cut just now, perhaps to be pasted into another lesson
    assert (image_dir / name).exists()
    assert _gallra(demo, now=utcnow() + timedelta(days=2)) == 1
    assert not (image_dir / name).exists()


def test_gallra_copes_with_many_images(demo, image_dir):
    """Hundreds of stored images: looked for in lessons in batches (SQLite refuses one
    condition over all of them)."""
    built = build_course(demo)
    _, shown = _lesson_with_image(demo, built)
    lying = [f"{n:032x}.png" for n in range(600)]
    for name in lying:
        (image_dir / name).write_bytes(_png())
    for name in [*lying, shown]:
        _aged(image_dir / name, days=2)
    assert _gallra(demo) == 600
    assert sorted(path.name for path in image_dir.iterdir()) == [shown]
