"""Lesson images in the app's own storage: `DATA_DIR`/lesson-images, one file per upload.

An upload is accepted only when Pillow recognises its content as PNG, JPEG, GIF or WebP (the
file name and the browser's content type are not trusted) and it is at most MAX_IMAGE_BYTES and
MAX_IMAGE_PIXELS (a huge image would cost every learner's browser hundreds of MB).
It is stored under a random name with the extension of the detected format, so a name can
never reach outside the folder or pick its own type. Lessons refer to it as
``/api/utbildning/bilder/<name>`` (the only image source the Markdown sanitiser keeps).

An image goes with the last lesson that shows it: deleting a lesson, a module or a course
removes the file once the deletion is committed, unless another lesson or a question still
shows it (a rollback keeps it). Saving a lesson without an image keeps the file for a while
(its time starts again): an author moving text between lessons cuts it from one before pasting
it into the other. `academy gallra` removes the files no lesson or question shows that have
lain so for a day (`RETENTION_UNUSED_IMAGES_DAYS`): those dropped from a lesson, and those
uploaded but never saved in one, say a screenshot the author thought better of.
"""

from __future__ import annotations

import io
import os
import re
import secrets
import warnings
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image, UnidentifiedImageError
from sqlalchemy import String, cast, event, or_, select
from sqlalchemy.orm import Session

from academy.core.access import CurrentUser, require_role
from academy.core.errors import NotFound, ValidationError
from academy.core.settings import UPLOADS, data_dir
from academy.core.uploads import check_size
from academy.courses.common import AUTHORS
from academy.courses.lessons import IMAGE_PREFIX
from academy.courses.models import Lesson, Question

MAX_IMAGE_BYTES = UPLOADS.lesson_image
# Every learner's browser decodes the whole image: 4096 × 4096 is about 64 MB of pixels.
MAX_IMAGE_PIXELS = 4096 * 4096
FORMATS = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "WEBP": "webp"}
MEDIA_TYPES = {"png": "image/png", "jpg": "image/jpeg", "gif": "image/gif", "webp": "image/webp"}
_NAME = re.compile(r"^[0-9a-f]{32}\.(png|jpg|gif|webp)$")
_IN_TEXT = re.compile(re.escape(IMAGE_PREFIX) + r"([0-9a-f]{32}\.(?:png|jpg|gif|webp))")
_UNUSED = "courses.unused_images"  # session.info key: files to remove when the session commits


def image_folder() -> Path:
    folder = data_dir() / "lesson-images"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _detected_extension(data: bytes) -> str:
    width = height = 0
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                kind = image.format
                width, height = image.size
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        kind, width, height = "PNG", MAX_IMAGE_PIXELS, 2
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        kind = None
    if kind not in FORMATS:
        raise ValidationError(
            "Filen är ingen bild. Ladda upp en PNG-, JPEG-, GIF- eller WebP-bild."
        )
    if width * height > MAX_IMAGE_PIXELS:
        raise ValidationError(
            "Bilden är för stor: högst 4096 × 4096 bildpunkter. Gör den mindre och försök igen."
        )
    return FORMATS[kind]


def require_author(actor: CurrentUser | None) -> CurrentUser:
    """Only course authors upload lesson images (checked before the upload is read)."""
    return require_role(actor, *AUTHORS)


def store_image(actor: CurrentUser | None, data: bytes) -> str:
    """Save an uploaded image; returns its URL for the lesson's Markdown."""
    require_role(actor, *AUTHORS)
    if not data:
        raise ValidationError("Välj en bild att ladda upp.")
    check_size(len(data), MAX_IMAGE_BYTES, "Bilden")
    name = f"{secrets.token_hex(16)}.{_detected_extension(data)}"
    (image_folder() / name).write_bytes(data)
    return IMAGE_PREFIX + name


def read_image(name: str) -> tuple[bytes, str]:
    """The stored image and its media type; NotFound for any other name."""
    match = _NAME.match(name or "")
    path = image_folder() / name if match else None
    if path is None or not path.is_file():
        raise NotFound("Bilden finns inte.")
    return path.read_bytes(), MEDIA_TYPES[match.group(1)]


def names_in(*texts: str | None) -> set[str]:
    """The stored images that these texts (lesson Markdown, question text) show."""
    return {name for text in texts if text for name in _IN_TEXT.findall(text)}


def remove_when_unused(session: Session, names: set[str]) -> None:
    """Remove the files of `names` when `session` commits, unless a lesson or question still
    shows them then (checked now, in the session's transaction, after its changes)."""
    if not names:
        return
    session.flush()
    remove_on_commit(session, names - _shown(session, names))


def keep_for_a_while(names: set[str]) -> None:
    """The files of images a lesson stopped showing: their time before `unused_since` counts
    them starts now (the author may be pasting them into another lesson)."""
    for name in names:
        if _NAME.match(name):
            path = image_folder() / name
            if path.is_file():
                os.utime(path)


def unused_since(session: Session, cutoff: datetime) -> set[str]:
    """The stored images no lesson or question shows, uploaded or last dropped from a lesson
    before `cutoff` (naive UTC, like every time the app stores)."""
    limit = cutoff.replace(tzinfo=UTC).timestamp()
    lain = {
        path.name
        for path in image_folder().iterdir()
        if _NAME.match(path.name) and path.stat().st_mtime < limit
    }
    return lain - _shown(session, lain) if lain else set()


def remove_on_commit(session: Session, names: set[str]) -> None:
    """Remove the files of `names` once `session` commits (a rollback keeps them)."""
    session.info.setdefault(_UNUSED, set()).update(names)


# Names looked for per statement: each is four terms of one OR, and SQLite refuses an
# expression deeper than 1,000.
_NAMES_PER_QUERY = 100


def _shown(session: Session, names: set[str]) -> set[str]:
    """Those of `names` a lesson or a question shows, in the session's transaction."""
    listed = sorted(names)
    used: set[str] = set()
    for start in range(0, len(listed), _NAMES_PER_QUERY):
        used |= _shown_among(session, listed[start : start + _NAMES_PER_QUERY])
    return used & names


def _shown_among(session: Session, names: list[str]) -> set[str]:
    used: set[str] = set()
    lessons = select(Lesson.content_markdown).where(
        or_(*(Lesson.content_markdown.contains(name, autoescape=True) for name in names))
    )
    texts = (Question.text, Question.general_feedback, cast(Question.data, String))
    questions = select(*texts).where(
        or_(*(text.contains(name, autoescape=True) for name in names for text in texts))
    )
    for row in session.execute(lessons):
        used |= names_in(*row)
    for row in session.execute(questions):
        used |= names_in(*row)
    return used


@event.listens_for(Session, "after_commit")
def _remove_unused(session: Session) -> None:
    for name in session.info.pop(_UNUSED, ()):
        if _NAME.match(name):
            (image_folder() / name).unlink(missing_ok=True)


@event.listens_for(Session, "after_soft_rollback")
def _keep_on_rollback(session: Session, _previous) -> None:
    session.info.pop(_UNUSED, None)
