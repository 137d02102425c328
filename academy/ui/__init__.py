"""The UI kit every page is built from (see docs/ARCHITECTURE.md, "The web layer").

from academy import ui
ui.page_shell(ui.page_title("Kurser"), ui.data_table(...), area="courses")
"""

from academy.ui.actions import (
    button,
    confirm_button,
    delete_button,
    dialog_actions,
    download_link,
    move_controls,
    row_actions,
)
from academy.ui.bars import Bar, bar, bars, diverging_bar
from academy.ui.charts import bar_chart
from academy.ui.feedback import (
    connection_notice,
    empty_state,
    loading,
    message,
    render_error_boundary,
    text_message,
)
from academy.ui.forms import (
    IMAGE_TYPES,
    checkbox,
    form,
    inline_check,
    labelled_upload,
    post_form,
    radio_group,
    select_field,
    static_select,
    submit,
    text_field,
    textarea,
)
from academy.ui.layout import page_shell, public_shell
from academy.ui.panels import import_panel, page_title, prose, section
from academy.ui.table import Column, cell, col, data_table
from academy.ui.tabs import Tab, tab, tabs

__all__ = [
    "Bar",
    "Column",
    "IMAGE_TYPES",
    "Tab",
    "bar",
    "bar_chart",
    "bars",
    "button",
    "cell",
    "checkbox",
    "col",
    "confirm_button",
    "connection_notice",
    "data_table",
    "delete_button",
    "dialog_actions",
    "diverging_bar",
    "download_link",
    "empty_state",
    "form",
    "import_panel",
    "inline_check",
    "labelled_upload",
    "loading",
    "message",
    "move_controls",
    "page_shell",
    "page_title",
    "post_form",
    "prose",
    "public_shell",
    "radio_group",
    "render_error_boundary",
    "row_actions",
    "section",
    "select_field",
    "static_select",
    "submit",
    "tab",
    "tabs",
    "text_field",
    "text_message",
    "textarea",
]
