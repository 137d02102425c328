"""Lesson content: Markdown rendered to safe HTML, and checks of image and video links.

Authors write Markdown. It is rendered with markdown-it-py with raw HTML switched off (so
``<script>`` or ``<img onerror=…>`` in a lesson show as text), and the result is cleaned again
with nh3 against an allow-list of tags and attributes, in case a renderer bug lets anything
through. Links may only use http, https or mailto and always get ``rel="noopener
noreferrer"``. Images may only come from the app's own storage: an ``img src`` must be a
relative URL starting with ``/api/utbildning/bilder/`` (academy.courses.images); any other
image (another site, ``data:``, protocol-relative ``//host``) is dropped, so lessons never
load outside content or leak readers to third parties. Videos are links, stored separately,
and must use https.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import nh3
from markdown_it import MarkdownIt

from academy.core.errors import ValidationError

IMAGE_PREFIX = "/api/utbildning/bilder/"

_TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "s", "code", "pre",
    "blockquote", "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"}}

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
_markdown.enable("strikethrough")


def is_own_image(src: str) -> bool:
    return src.startswith(IMAGE_PREFIX) and ".." not in src and "\\" not in src


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src" and not is_own_image(value):
        return None
    return value


def render_markdown(text: str) -> str:
    """Markdown -> sanitised HTML, safe to show as it is."""
    return clean_html(_markdown.render(text or ""))


def clean_html(html: str) -> str:
    """An author's HTML (a GIFT question in [html]), sanitised as rendered Markdown is."""
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def check_video_url(raw: str) -> str:
    """A video link must be a full https address; empty means no video."""
    url = (raw or "").strip()
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme.lower() != "https" or not parts.netloc:
        raise ValidationError(
            "Videolänken måste vara en fullständig adress som börjar med https://.",
            field="video_url",
        )
    if len(url) > 500:
        raise ValidationError("Videolänken får vara högst 500 tecken.", field="video_url")
    return url
