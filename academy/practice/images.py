"""Node images: checked by their content, stored under DATA_DIR, read back by file name.

An upload is accepted only if Pillow recognises it as PNG, JPEG, GIF or WebP and can verify it
(the name and the browser's content type are not trusted). Files get a random name so nothing a
user typed reaches the file system, and the name pattern is checked again before every read.
"""

from __future__ import annotations

import io
import re
import secrets
import warnings
from pathlib import Path

from PIL import Image

from academy.core.errors import NotFound, ValidationError
from academy.core.settings import UPLOADS, get_settings
from academy.core.uploads import check_size

MAX_BYTES = UPLOADS.scenario_image
MAX_PIXELS = 4096 * 4096
FORMATS = {"PNG": ("png", "image/png"), "JPEG": ("jpg", "image/jpeg"), "GIF": ("gif", "image/gif")}
FORMATS["WEBP"] = ("webp", "image/webp")
MEDIA_TYPES = {suffix: media for suffix, media in FORMATS.values()}
_NAME = re.compile(r"[0-9a-f]{32}\.(png|jpg|gif|webp)")


def folder() -> Path:
    return get_settings().data_dir / "practice-images"


def _format_of(data: bytes) -> str:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                kind = image.format or ""
                width, height = image.size
                image.verify()
    except (
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ) as exc:
        raise ValidationError(
            "Filen är ingen bild som kan visas. Välj en PNG-, JPEG-, GIF- eller WebP-bild."
        ) from exc
    if kind not in FORMATS:
        raise ValidationError("Bilden ska vara PNG, JPEG, GIF eller WebP.")
    if width * height > MAX_PIXELS:
        raise ValidationError("Bilden är för stor; högst 4096 × 4096 bildpunkter.")
    return kind


def store_image(data: bytes) -> str:
    """Check ``data`` and store it; returns the new file name. Raises ValidationError (Swedish)."""
    if not data:
        raise ValidationError("Filen är tom.")
    check_size(len(data), MAX_BYTES, "Bilden")
    suffix = FORMATS[_format_of(data)][0]
    name = f"{secrets.token_hex(16)}.{suffix}"
    target = folder()
    target.mkdir(parents=True, exist_ok=True)
    (target / name).write_bytes(data)
    return name


def is_stored_name(name: str | None) -> bool:
    return bool(name) and _NAME.fullmatch(name) is not None


def read_image(name: str) -> tuple[bytes, str]:
    """(content, media type) of a stored image."""
    path = folder() / name
    if not is_stored_name(name) or not path.is_file():
        raise NotFound("Bilden finns inte.")
    return path.read_bytes(), MEDIA_TYPES[name.rsplit(".", 1)[1]]
