"""/kundresor/kontakter: imports of contact files (in the background, with progress)."""

from __future__ import annotations

import asyncio
import secrets
import time
from pathlib import Path

import reflex as rx

from academy.core import auth
from academy.core.accounts import list_units
from academy.core.db import session_scope
from academy.core.errors import ValidationError
from academy.core.settings import data_dir
from academy.core.uploads import check_size
from academy.core.web.base import BaseState, message_for
from academy.journeys.contacts import service
from academy.journeys.contacts.headers import (
    MAX_FILE_BYTES,
    known_column,
    read_headers,
)
from academy.journeys.web import contacts_view as view
from academy.journeys.web.view import Option
from journeys.contacts import ContactImportError

AT_LIST = "contacts-list"
AT_IMPORT = "contacts-import"
UPLOAD_ID = "contacts-upload"


STALE_UPLOAD_SECONDS = 24 * 3600


def upload_folder() -> Path:
    """Where an uploaded file waits between its preview and its import (random names)."""
    folder = data_dir() / "contact-uploads"
    folder.mkdir(exist_ok=True)
    return folder


def remove_stale_uploads(now: float | None = None) -> None:
    """Delete files whose preview was never imported (older than a day)."""
    limit = (now if now is not None else time.time()) - STALE_UPLOAD_SECONDS
    for path in upload_folder().iterdir():
        if path.is_file() and path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)


class ContactsState(BaseState):
    imports: list[view.ImportRow] = []
    unit_options: list[Option] = []
    can_import: bool = False
    file_name: str = ""
    headers: list[view.HeaderRow] = []
    has_preview: bool = False
    issues: list[view.IssueRow] = []
    importing: bool = False
    progress: int = 0
    progress_text: str = ""
    _upload: str = ""  # the uploaded file's name in the upload folder (random)

    def _refresh(self, session, actor) -> None:
        self.imports = view.import_rows(service.list_imports(session, actor))
        self.can_import = service.can_import(actor)
        self.unit_options = [Option(str(u.id), u.path) for u in list_units(session)]

    @rx.event
    def load(self):
        if not self._run(self._refresh, at=AT_LIST):
            self.imports = []

    @rx.event
    async def upload(self, files: list[rx.UploadFile]):
        self.has_preview, self.issues = False, []
        if not files:
            return
        # The role is checked before the file is read; at most one byte past the cap is read.
        if not self._run(lambda session, actor: service.require_importer(actor), at=AT_IMPORT):
            return
        data = await files[0].read(MAX_FILE_BYTES + 1)
        name = Path(files[0].filename or "kontakter.csv").name

        def act(session, actor) -> None:
            service.require_importer(actor)
            check_size(len(data), MAX_FILE_BYTES)
            headers = read_headers(data)
            if not headers:
                raise ValidationError("Filen har ingen rubrikrad. Inget har importerats.")
            remove_stale_uploads()
            stored = secrets.token_hex(16)
            (upload_folder() / stored).write_bytes(data)
            self._upload, self.file_name = stored, name
            self.headers = view.header_rows(headers, [known_column(h) for h in headers])

        self.has_preview = self._run(act, at=AT_IMPORT)

    @rx.event(background=True)
    async def run_import(self, form_data: dict):
        async with self:
            if self.importing or not self.has_preview:
                return
            token, upload, name = self._token(), self._upload, self.file_name
            unit_text = str(form_data.get("unit", ""))
            unit_id = int(unit_text) if unit_text.isdigit() else None
            mapping = {
                row.header: str(form_data.get(f"map-{row.index}", "")) for row in self.headers
            }
            header_map = {h: c for h, c in mapping.items() if c and known_column(h) != c}
            path = upload_folder() / upload
            size = path.stat().st_size if upload and path.exists() else 0

            def check(session, actor) -> None:
                service.check_import(session, actor, unit_id, name, size)

            if not self._run(check, at=AT_IMPORT):
                return
            self.importing, self.progress, self.issues = True, 0, []
            self.progress_text = "Läser och kontrollerar filen …"
        shared = {"share": 0.0, "stored": 0, "rows": 0}

        def work() -> int:
            table = service.parse_file(
                path.read_bytes(),
                header_map,
                progress=lambda rows, share: shared.update(share=share, rows=rows),
            )
            shared["rows"] = len(table)
            with session_scope() as session:
                actor = auth.resolve_login(session, token)
                return service.store_import(
                    session,
                    actor,
                    unit_id,
                    name,
                    table,
                    progress=lambda stored: shared.update(stored=stored),
                )

        task = asyncio.create_task(asyncio.to_thread(work))
        while not task.done():
            await asyncio.sleep(0.5)
            async with self:
                if shared["stored"]:
                    self.progress = 50 + int(50 * shared["stored"] / max(shared["rows"], 1))
                    done, rows = view.number(shared["stored"]), view.number(shared["rows"])
                    self.progress_text = f"Sparar kontakter: {done} av {rows} …"
                else:
                    self.progress = int(50 * shared["share"])
                    self.progress_text = (
                        f"Läser och kontrollerar: {view.number(shared['rows'])} rader …"
                    )
        async with self:
            self.importing = False
            self._clear_messages(AT_IMPORT)
            try:
                task.result()
            except ContactImportError as exc:
                self.issues = [
                    view.IssueRow(str(i.row or ""), i.column or "", i.message) for i in exc.issues
                ]
                more = f" och {exc.more} fel till" if exc.more else ""
                self.error = (
                    f"Filen har {len(exc.issues)} fel{more}; inget har importerats. "
                    "Rätta raderna nedan och försök igen."
                )
                return
            except Exception as exc:  # reported like every other refusal
                self.error = message_for(exc)
                return
            finally:
                path.unlink(missing_ok=True)
            self.progress, self.has_preview, self.headers = 100, False, []
            self.notice = f"Importerat: {view.number(shared['rows'])} kontakter från {name}."
            self.form_key += 1
            with session_scope() as session:
                actor = auth.resolve_login(session, token)
                self._refresh(session, actor)

    @rx.event
    def delete(self, import_id: int):
        def act(session, actor) -> None:
            service.delete_import(session, actor, import_id)
            self._refresh(session, actor)

        self._run(act, "Importen är borttagen.", at=AT_LIST)
