"""The window's menus: every action with its shortcut, and the Keyboard Shortcuts dialog.

Single-key shortcuts (A, R, E, Enter) are bound to the review surfaces only, so typing
"a" in the find field or the inline editor types an "a". Each action only calls a
:class:`~ui.main_window.MainWindow` method. No two actions share a key sequence, and the
mnemonics (the underlined Alt letters) are unique in the menu bar and in each menu; the
tests check both, so a new action cannot make a key ambiguous.

Imports: Qt, :mod:`ui.i18n` (the languages).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout

from ui.i18n import available_languages
from ui.safe_text import plain_tip

Key = QKeySequence.StandardKey


def _tr(text: str) -> str:
    return QCoreApplication.translate("Menus", text)


def build_menus(window) -> dict[str, QAction]:
    """Create the menu bar of ``window``; returns the actions by name (for tests).

    Called again after a language switch: the previous menus and actions are removed first
    (:func:`_remove_menus`), so rebuilding is how the menus are retranslated.
    """
    _remove_menus(window)
    actions: dict[str, QAction] = {}
    bar = window.menuBar()

    def add(menu, name: str, text: str, slot, shortcut=None, local: bool = False,
            checkable: bool = False) -> QAction:
        action = QAction(text, window)
        if shortcut is not None:
            sequences = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in sequences])
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        menu.addAction(action)
        if local:  # only where the review happens, never in a text field
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            for widget in window.review_surfaces():
                widget.addAction(action)
        else:
            window.addAction(action)
        actions[name] = action
        return action

    file = bar.addMenu(_tr("&File"))
    add(file, "open_editions", _tr("&Open Editions…"), window.files.ask_open_editions, Key.Open)
    add(file, "open_session", _tr("Open Sess&ion…"), window.files.ask_open_session, "Ctrl+Shift+O")
    recent = file.addMenu(_tr("Open &Recent"))
    recent.aboutToShow.connect(lambda: _fill_recent(window, recent))
    add(file, "open_sample", _tr("Open the Sa&mple"), window.open_sample)
    add(file, "compare_again", _tr("&Compare Again"), window.compare_again)
    file.addSeparator()
    add(file, "save", _tr("&Save"), window.files.save, Key.Save)
    add(file, "save_as", _tr("Save &As…"), window.files.save_as, "Ctrl+Shift+S")
    file.addSeparator()
    exports = file.addMenu(_tr("&Export"))
    for name, text, key in (("text", _tr("&Canonical Text (Line Breaks Kept)…"), "Ctrl+E"),
                            ("reflowed", _tr("Canonical Text (&Reflowed)…"), None),
                            ("csv", _tr("Decision &Log as CSV…"), "Ctrl+Shift+E"),
                            ("json", _tr("Decision Log as &JSON…"), None),
                            ("summary", _tr("S&ummary…"), None)):
        add(exports, f"export_{name}", text, lambda _=False, n=name: window.files.export(n), key)
    file.addSeparator()
    add(file, "quit", _tr("&Quit"), window.close, Key.Quit)

    edit = bar.addMenu(_tr("&Edit"))
    undo = window.undo_stack.createUndoAction(window, _tr("&Undo"))
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    redo = window.undo_stack.createRedoAction(window, _tr("&Redo"))
    # written out, not Key.Redo: on Linux that is Ctrl+Shift+Z too, and one sequence bound
    # twice is ambiguous, so Qt ran neither
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    for name, action in (("undo", undo), ("redo", redo)):
        edit.addAction(action)
        window.addAction(action)
        actions[name] = action
    edit.addSeparator()
    add(edit, "find", _tr("&Find…"), window.open_find, Key.Find)

    review = bar.addMenu(_tr("&Review"))
    add(review, "accept", _tr("&Accept Change"), lambda: window.accept_current("key"), "A", local=True)
    add(review, "reject", _tr("&Reject Change"), lambda: window.reject_current("key"), "R", local=True)
    add(review, "edit", _tr("&Edit Change…"), window.inspector.begin_edit, "E", local=True)
    add(review, "accept_next", _tr("Accept and Go to &Next Pending"), window.accept_and_next,
        ["Return", "Enter"], local=True)
    add(review, "reject_next", _tr("Reject and Go to Ne&xt Pending"), window.reject_and_next,
        ["Shift+Return", "Shift+Enter"], local=True)
    add(review, "same_for_identical", _tr("Same Decision for &Identical Cases"),
        window.decider.same_for_identical, "Ctrl+Shift+I")
    review.addSeparator()
    for name, text, key in (("confident", _tr("Accept the &Confident Suggestions…"), "Ctrl+Shift+A"),
                            ("section", _tr("Accept Suggestions in &Section…"), "Ctrl+B"),
                            ("document", _tr("Accept Suggestions in &Document…"), "Ctrl+Shift+B"),
                            ("kind", _tr("Accept Suggestions of a &Kind…"), "Ctrl+Shift+K"),
                            ("pattern", _tr("Accept Suggestions of a &Pattern…"), "Ctrl+Shift+P")):
        add(review, f"bulk_{name}", text, lambda _=False, n=name: window.bulk_accept(n), key)

    go = bar.addMenu(_tr("&Go"))
    add(go, "next", _tr("&Next Change"), lambda: window.step_change(1), "Alt+Down")
    add(go, "previous", _tr("&Previous Change"), lambda: window.step_change(-1), "Alt+Up")
    add(go, "next_pending", _tr("Next Pendin&g Change"), lambda: window.step_change(1, True), "Ctrl+Alt+Down")
    add(go, "previous_pending", _tr("Previo&us Pending Change"), lambda: window.step_change(-1, True),
        "Ctrl+Alt+Up")
    add(go, "next_content", _tr("Next &Content Change"), lambda: window.step_change(1, kind="content"), "F8")
    add(go, "previous_content", _tr("Previous C&ontent Change"), lambda: window.step_change(-1, kind="content"),
        "Shift+F8")
    add(go, "next_kind", _tr("Next Change of This &Kind"), lambda: window.step_change(1, kind="same"), "F7")
    add(go, "previous_kind", _tr("Previous Change of This K&ind"), lambda: window.step_change(-1, kind="same"),
        "Shift+F7")
    go.addSeparator()
    add(go, "next_section", _tr("Next &Section"), lambda: window.step_section(1), "Ctrl+PgDown")
    add(go, "previous_section", _tr("Previous S&ection"), lambda: window.step_section(-1), "Ctrl+PgUp")

    view = bar.addMenu(_tr("&View"))
    add(view, "review_plan", _tr("Review &Plan…"), window.show_review_plan, "Ctrl+Shift+R")
    view.addSeparator()
    layout = add(view, "show_layout", _tr("Show &Layout Changes"), window.set_show_layout, "Ctrl+L",
                 checkable=True)
    layout.setChecked(window.show_layout)
    decided = add(view, "show_decided", _tr("Show &Decided Changes"), window.set_show_decided, "Ctrl+Shift+D",
                  checkable=True)
    decided.setChecked(window.settings.show_decided)
    orders = view.addMenu(_tr("Review &Order"))
    group = QActionGroup(window)
    for name, text in (("document", _tr("&Document Order")), ("least_confident", _tr("&Least Confident First"))):
        action = add(orders, f"order_{name}", text, lambda _=False, n=name: window.set_review_order(n),
                     checkable=True)
        action.setChecked(window.settings.review_order == name)
        group.addAction(action)
    view.addSeparator()
    add(view, "bigger", _tr("&Bigger Text"), lambda: window.set_text_size(window.text_size + 1),
        ["Ctrl+=", "Ctrl++"])
    add(view, "smaller", _tr("&Smaller Text"), lambda: window.set_text_size(window.text_size - 1), "Ctrl+-")
    view.addSeparator()
    themes = view.addMenu(_tr("&Theme"))
    group = QActionGroup(window)
    for name, text in (("system", _tr("&System")), ("light", _tr("&Light")), ("dark", _tr("&Dark"))):
        action = add(themes, f"theme_{name}", text, lambda _=False, n=name: window.set_theme(n), checkable=True)
        action.setChecked(window.settings.theme == name)
        group.addAction(action)
    languages = view.addMenu(_tr("L&anguage"))
    group = QActionGroup(window)
    for code, name in available_languages().items():  # each language named in itself
        action = add(languages, f"language_{code}", name, lambda _=False, c=code: window.set_language(c),
                     checkable=True)
        action.setChecked(window.settings.language == code)
        group.addAction(action)

    help_ = bar.addMenu(_tr("&Help"))
    add(help_, "shortcuts", _tr("&Keyboard Shortcuts"), window.show_shortcuts, "F1")
    window._menu_actions = list(actions.values())
    return actions


def _remove_menus(window) -> None:
    """Take away what an earlier :func:`build_menus` put on ``window`` (none the first time)."""
    for action in getattr(window, "_menu_actions", ()):
        for widget in (window, *window.review_surfaces()):
            widget.removeAction(action)
        action.deleteLater()
    window._menu_actions = []
    bar = window.menuBar()
    for menu_action in bar.actions():
        menu = menu_action.menu()
        bar.removeAction(menu_action)
        if menu is not None:
            menu.deleteLater()


def _fill_recent(window, menu) -> None:
    menu.clear()
    paths = window.settings.recent_sessions
    for path in paths:
        menu.addAction(Path(path).name, lambda p=path: window.open_session(p)).setToolTip(plain_tip(path))
    if not paths:
        menu.addAction(_tr("(none yet)")).setEnabled(False)


def shortcuts_dialog(window) -> QDialog:
    """Every menu action that has a shortcut, in a table."""
    dialog = QDialog(window)
    dialog.setWindowTitle(_tr("Keyboard Shortcuts"))
    rows = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        for action in menu.actions() if menu else ():
            if not action.shortcuts():
                continue
            keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
            rows.append((menu_action.text().replace("&", ""), action.text().replace("&", ""), keys))
    table = QTableWidget(len(rows), 3)
    table.setAccessibleName(_tr("Keyboard shortcuts"))
    table.setHorizontalHeaderLabels([_tr("Menu"), _tr("Action"), _tr("Shortcut")])
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(560, 520)
    return dialog
