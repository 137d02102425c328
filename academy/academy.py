"""Reflex entry point: the app, its theme and its pages."""

import reflex as rx
from starlette.applications import Starlette

from academy.admin import pages as admin_pages
from academy.admin.state import AdminState
from academy.core.login_state import LoginState
from academy.core.session_state import LOGIN_ROUTE, SessionState
from academy.courses.web import editor, followup, learner, overview, quiz_edit, quiz_take
from academy.courses.web.api import ROUTES as COURSE_ROUTES
from academy.home import pages as home_pages
from academy.inventory import pages as inventory_pages
from academy.inventory import template_pages
from academy.inventory.api import ROUTES as INVENTORY_ROUTES
from academy.inventory.profile_state import CompareState, ProfileState
from academy.inventory.state import AnswerState, InventoryState
from academy.inventory.template_state import TemplateEditorState
from academy.practice.api import ROUTES as PRACTICE_ROUTES
from academy.practice.web import routes as practice_routes
from journeys import pages as journey_pages
from journeys.api import ROUTES as JOURNEY_ROUTES
from journeys.state import JourneyCompareState, JourneyEditorState, JourneyListState

app = rx.App(
    stylesheets=["/styles.css"],
    head_components=[
        rx.el.meta(name="description", content="Serviceakademin"),
        rx.script(src="/journey-diagram.js", defer=True),
    ],
    html_lang="sv",
    api_transformer=Starlette(
        routes=JOURNEY_ROUTES + COURSE_ROUTES + PRACTICE_ROUTES + INVENTORY_ROUTES
    ),
)

app.add_page(
    home_pages.login_page,
    route=LOGIN_ROUTE,
    title="Logga in – Serviceakademin",
    on_load=LoginState.open_login,
)
app.add_page(
    home_pages.home_page,
    route="/",
    title="Start – Serviceakademin",
    on_load=[SessionState.require_login, home_pages.HomeState.load],
)
for page, route, title, loader in [
    (admin_pages.users_page, "/admin", "Användare", AdminState.load_users),
    (admin_pages.units_page, "/admin/enheter", "Enheter", AdminState.load_units),
    (admin_pages.audit_page, "/admin/logg", "Händelselogg", AdminState.load_events),
]:
    app.add_page(
        page,
        route=route,
        title=f"{title} – Administration – Serviceakademin",
        on_load=[SessionState.require_login, loader],
    )

for page, route, title, loader in [
    (journey_pages.list_page, "/kundresor", "Kundresor", JourneyListState.load),
    (journey_pages.editor_page, "/kundresor/[journey_id]", "Kundresa", JourneyEditorState.load),
    (
        journey_pages.compare_page,
        "/kundresor/[journey_id]/jamfor",
        "Jämför",
        JourneyCompareState.load,
    ),
]:
    app.add_page(
        page,
        route=route,
        title=f"{title} – Serviceakademin",
        on_load=[SessionState.require_login, loader],
    )

for page, route, title, loader in [
    (overview.overview_page, "/utbildning", "Utbildning", overview.CoursesOverviewState.load),
    (learner.course_page, "/utbildning/kurs/[course_id]", "Kurs", learner.LearnerCourseState.load),
    (learner.lesson_page, "/utbildning/lektion/[lesson_id]", "Lektion", learner.LessonState.load),
    (quiz_take.quiz_page, "/utbildning/quiz/[quiz_id]", "Quiz", quiz_take.QuizTakeState.load),
    (editor.editor_page, "/utbildning/kurser/[course_id]", "Redigera kurs", editor.E.load),
    (followup.cohort_page, "/utbildning/omgangar/[cohort_id]", "Kursomgång", followup.F.load),
    (
        quiz_edit.quiz_editor_page,
        "/utbildning/quiz/[quiz_id]/fragor",
        "Redigera quiz",
        quiz_edit.Z.load,
    ),
]:
    app.add_page(
        page,
        route=route,
        title=f"{title} – Utbildning – Serviceakademin",
        on_load=[SessionState.require_login, loader],
    )

for page, route, title, loader in practice_routes.PAGES:
    app.add_page(
        page,
        route=route,
        title=f"{title} – Träning – Serviceakademin",
        on_load=[SessionState.require_login, loader],
    )

for page, route, title, loader in [
    (inventory_pages.inventory_page, "/inventering", "Inventering", InventoryState.load),
    (inventory_pages.answer_page, "/inventering/[campaign_id]/svara", "Enkät", AnswerState.load),
    (inventory_pages.profile_page, "/inventering/[campaign_id]", "Behovsprofil", ProfileState.load),
    (
        inventory_pages.compare_page,
        "/inventering/[campaign_id]/jamfor",
        "Jämför enkätomgångar",
        CompareState.load,
    ),
    (
        template_pages.template_editor_page,
        "/inventering/mallar/[template_id]",
        "Enkätmall",
        TemplateEditorState.load,
    ),
]:
    app.add_page(
        page,
        route=route,
        title=f"{title} – Inventering – Serviceakademin",
        on_load=[SessionState.require_login, loader],
    )
