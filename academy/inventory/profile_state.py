"""States of the needs profile and compare pages (trainers and admins)."""

from __future__ import annotations

import reflex as rx

from academy.courses.authoring import list_courses
from academy.inventory import campaigns, profile
from academy.inventory.state import _Base, _date, _param_id, _summary_row, _sv


def _bars(result) -> list[dict]:
    return [
        {
            "label": bar.label,
            "count": bar.count,
            "percent": f"{bar.percent:.0f}".replace(".", ","),
            "width": f"{bar.percent:.1f}%",
        }
        for bar in result.bars
    ]


class ProfileState(_Base):
    """/inventering/[campaign_id]: the behovsprofil and the tailored cohort form."""

    campaign_id: int = 0
    campaign: dict = {}
    shown: bool = False
    threshold: int = 5
    respondents: int = 0
    questions: list[dict] = []
    needs: list[dict] = []
    gaps: list[dict] = []
    recommendations: list[dict] = []
    course_options: list[dict[str, str]] = []
    suggested_course: str = ""
    suggested_name: str = ""
    focus_modules: list[str] = []
    others: list[dict[str, str]] = []
    cohort_id: int = 0
    can_close: bool = False
    still_open: bool = False
    breakdown: str = ""  # "question_id:value", or "" for all answers
    breakdown_options: list[dict[str, str]] = []
    suppressed: list[str] = []
    group_label: str = ""

    def _chosen(self) -> tuple[int, str] | None:
        question, _, value = self.breakdown.partition(":")
        return (int(question), value) if question.isdigit() and value else None

    def _fill(self, session, actor) -> None:
        result = profile.needs_profile(session, actor, self.campaign_id, breakdown=self._chosen())
        self.campaign = _summary_row(result.campaign)
        self.shown, self.threshold = result.shown, result.threshold
        self.respondents, self.group_label = result.respondents, result.group_label
        self.still_open = result.still_open
        self.can_close = result.campaign.phase != "closed"
        splits = profile.breakdowns(session, actor, self.campaign_id, include_suppressed=True)
        self.breakdown_options = [
            {"value": f"{b.question_id}:{value}", "label": f"{b.text}: {label}"}
            for b in splits
            if b.allowed
            for value, label in b.options
        ]
        self.suppressed = [b.text for b in splits if not b.allowed]
        self.questions = [
            {
                "id": q.question_id,
                "section": q.section,
                "text": q.text,
                "kind": q.kind,
                "answered": q.answered,
                "mean": _sv(q.mean),
                "bars": _bars(q),
                "texts": list(q.texts),
            }
            for q in result.questions
        ]
        self.needs = [
            {"rank": i, "topic": n.topic, "score": _sv(n.score), "reasons": "; ".join(n.reasons)}
            for i, n in enumerate(result.needs[:10], 1)
        ]
        self.gaps = [
            {"errand": g.errand, "text": f"{g.could} av {g.answered} ({g.percent:.0f} %)"}
            for g in result.gaps
        ]
        self.recommendations = [
            {
                "kind": {"course": "Kurs", "module": "Modul", "exercise": "Övning"}.get(
                    r.kind, r.kind
                ),
                "title": r.title if r.kind != "module" else f"{r.title} (i {r.course_title})",
                "matched": ", ".join(r.matched),
            }
            for r in result.recommendations
        ]
        courses = [r for r in result.recommendations if r.kind == "course"]
        self.suggested_course = str(courses[0].ref_id) if courses else ""
        self.focus_modules = [
            r.title for r in result.recommendations if courses and r.course_id == courses[0].ref_id
        ]
        self.course_options = [
            {"value": str(c.id), "label": c.title}
            for c in list_courses(session, actor)
            if c.status == "published"
        ]
        self.suggested_name = f"{courses[0].title} – {result.campaign.unit_name}" if courses else ""
        self.others = [
            {"value": str(c.id), "label": f"{c.title} ({c.opens_on.isoformat()})"}
            for c in campaigns.list_campaigns(session, actor, unit_id=result.campaign.unit_id)
            if c.id != self.campaign_id
        ]
        self.form_key += 1

    @rx.event
    def load(self):
        self.campaign_id = _param_id(self)
        self.campaign, self.questions, self.needs, self.shown = {}, [], [], False
        self.cohort_id, self.breakdown = 0, ""
        self._run(self._fill)

    @rx.event
    def apply_breakdown(self, form: dict):
        """Show one group's profile; the service refuses a split with a group too small."""
        self.breakdown = str(form.get("breakdown", ""))
        if not self._run(self._fill):
            self.breakdown = ""
            message = self.error
            self._run(self._fill)
            self.error = message

    @rx.event
    def close_campaign(self):
        def close(session, actor):
            campaigns.close_campaign(session, actor, self.campaign_id)
            self._fill(session, actor)

        self.breakdown = ""
        self._run(close, "Enkätomgången är stängd. Inga fler svar tas emot.")

    @rx.event
    def create_cohort(self, form: dict):
        def create(session, actor):
            self.cohort_id = profile.create_tailored_cohort(
                session,
                actor,
                self.campaign_id,
                course_id=int(form.get("course_id") or 0),
                name=form.get("name", ""),
                starts_on=_date(form.get("starts_on", ""), "startdatum"),
                ends_on=_date(form.get("ends_on", ""), "slutdatum"),
            )

        self._run(create, "Kursomgången är skapad och enhetens medarbetare är inskrivna.")


class CompareState(_Base):
    """/inventering/[campaign_id]/jamfor: change per question and topic against another one."""

    campaign_id: int = 0
    title: str = ""
    others: list[dict[str, str]] = []
    question_rows: list[dict] = []
    topic_rows: list[dict] = []
    heading: str = ""

    @rx.event
    def load(self):
        self.campaign_id = _param_id(self)
        self.question_rows, self.topic_rows, self.heading = [], [], ""

        def fill(session, actor):
            summary = campaigns.get_campaign(session, actor, self.campaign_id)
            self.title = summary.title
            self.others = [
                {"value": str(c.id), "label": f"{c.title} ({c.opens_on.isoformat()})"}
                for c in campaigns.list_campaigns(session, actor, unit_id=summary.unit_id)
                if c.id != self.campaign_id
            ]

        self._run(fill)

    @rx.event
    def compare(self, form: dict):
        other = int(form.get("other") or 0)

        def run(session, actor):
            result = profile.compare_campaigns(session, actor, other, self.campaign_id)
            self.heading = f"{result.before.title} jämfört med {result.after.title}"

            def rows(changes):
                return [
                    {
                        "label": c.label,
                        "before": _sv(c.before),
                        "after": _sv(c.after),
                        "change": "–" if c.change is None else f"{c.change:+.2f}".replace(".", ","),
                    }
                    for c in changes
                ]

            self.question_rows = rows(result.questions)
            self.topic_rows = rows(result.topics)

        self.question_rows, self.topic_rows = [], []
        self._run(run)
